"""Benchmarks of the document engine, with seeded data, side by side in one run (the goals below).

    .venv/bin/python bench/bench_documents.py            # SQLite in a temporary folder
    BENCH_DATABASE_URL=postgresql://… .venv/bin/python bench/bench_documents.py

1. Issuing (clean, number under the lock, render, store with fsync, hash, rows, audit, commit) against a
   raw docxtpl render of the same template (load + render + save, a plain Jinja environment with the
   same filters), interleaved. Goal: at most 1.3×. The template is a one-page order with a 30-row table
   (the mentor registry). Python's cyclic garbage collector runs between samples, untimed: otherwise
   each side pays for the reference cycles python-docx left behind by the other.
2. A document's PDF (convert with the warm LibreOffice, store, row, commit) against the bare warm
   conversion of the same file. Goal: at most 1.3×.
3. A ZIP of 300 issued documents (DOCX), built as the background job builds it. Goal: under 10 s.
"""
import gc
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docxtpl import DocxTemplate  # noqa: E402
from jinja2 import Environment, StrictUndefined  # noqa: E402

from app import create_app  # noqa: E402
from app.core.roles import Role  # noqa: E402
from app.extensions import db  # noqa: E402

ROUNDS = 60
PDF_ROUNDS = 20
ZIP_DOCUMENTS = 300


def median_ms(samples):
    return statistics.median(samples) * 1000


def main():
    workdir = Path(tempfile.mkdtemp(prefix="bench-documents-"))
    database = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite'}"
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": database,
                      "UPLOAD_ROOT": str(workdir / "uploads"), "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
                      "PDF_CONVERTER_DIR": str(workdir / "converter"), "DOCUMENTS_BACKGROUND_JOBS": False})
    results = {"database": database.split(":", 1)[0]}
    with app.app_context():
        db.drop_all()
        db.create_all()
        secretary = _seed()
        results.update(bench_issue(secretary))
        results.update(bench_pdf(secretary))
        results.update(bench_zip(secretary))
        db.session.remove()
        db.drop_all()
    _report(results)
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "documents.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


def _seed():
    from app.accounts import services
    user, _ = services.create_user(email="secretary@bench.test", last_name="Белова", first_name="Ирина",
                                   middle_name="Сергеевна", roles=[Role.SECRETARY], password="bench-parol-123")
    db.session.commit()
    return user


def registry_values():
    """The mentor registry order with 30 mentors: a one-page order plus a 30-row table."""
    from app.documents.kinds import get_kind
    values = get_kind("order_approve_mentor_registry").example_values()
    values["mentors"] = [{"name": f"Наставник{n:02d} Иван Петрович", "place": "ГАПОУ СО «КМТ», преподаватель",
                          "form": "преподаватель – преподаватель"} for n in range(30)]
    return values


def bench_issue(secretary):
    from app.documents.context import build_context, render_context
    from app.documents.kinds import get_kind
    from app.documents.russian import FILTERS
    from app.documents.services import issue_document, render_version
    from app.documents.template_store import active_template, template_bytes

    kind = get_kind("order_approve_mentor_registry")
    values = registry_values()
    template = active_template(kind)
    db.session.commit()
    data = template_bytes(template)
    context = render_context(kind, build_context(kind.clean(values), number_text="12-од"))
    plain = Environment(autoescape=True, undefined=StrictUndefined)
    plain.filters.update(FILTERS)

    def raw():
        document = DocxTemplate(io.BytesIO(data))
        document.render(context, plain, autoescape=True)
        output = io.BytesIO()
        document.save(output)
        return output.getvalue()

    def issue():
        issue_document(kind.code, values, secretary)
        db.session.commit()

    def engine_render():
        render_version(kind, template, build_context(kind.clean(values), number_text="12-од"))

    for _ in range(5):
        raw(), issue(), engine_render()
    raw_times, issue_times, render_times = [], [], []
    for _ in range(ROUNDS):
        for function, samples in ((raw, raw_times), (issue, issue_times), (engine_render, render_times)):
            gc.collect()
            started = time.perf_counter()
            function()
            samples.append(time.perf_counter() - started)
    return {"raw_render_ms": median_ms(raw_times), "issue_ms": median_ms(issue_times),
            "engine_render_ms": median_ms(render_times),
            "issue_ratio": median_ms(issue_times) / median_ms(raw_times), "rounds": ROUNDS}


def bench_pdf(secretary):
    from app.documents.kinds import get_kind
    from app.documents.models import Document
    from app.documents.pdf import converter, ensure_pdf
    from app.documents.services import issue_document

    values = get_kind("order_appoint_curator").example_values()
    documents = [issue_document("order_appoint_curator", values, secretary) for _ in range(PDF_ROUNDS + 3)]
    db.session.commit()
    ids = [document.id for document in documents]
    started = time.perf_counter()
    converter().ensure_running()
    cold_start = time.perf_counter() - started
    sample = documents[0].current_version.read_bytes()
    for _ in range(3):
        converter().convert(sample)
    warm, stored = [], []
    try:
        for document_id in ids[3:]:
            version = db.session.get(Document, document_id).current_version
            docx = version.read_bytes()
            started = time.perf_counter()
            converter().convert(docx)
            warm.append(time.perf_counter() - started)
            started = time.perf_counter()
            ensure_pdf(version)
            db.session.commit()
            stored.append(time.perf_counter() - started)
    finally:
        converter().stop()
    return {"converter_start_s": cold_start, "warm_conversion_ms": median_ms(warm),
            "document_pdf_ms": median_ms(stored), "pdf_ratio": median_ms(stored) / median_ms(warm),
            "pdf_rounds": PDF_ROUNDS}


def bench_zip(secretary):
    from app.documents.archives import build_archive, request_archive
    from app.documents.kinds import get_kind
    from app.documents.services import issue_document

    values = get_kind("letter_of_thanks").example_values()
    started = time.perf_counter()
    ids = []
    for _ in range(ZIP_DOCUMENTS):
        ids.append(issue_document("letter_of_thanks", values, secretary).id)
        db.session.commit()
    seeding = time.perf_counter() - started
    started = time.perf_counter()
    job = request_archive(ids, secretary, "Благодарственные письма")
    db.session.commit()
    build_archive(job.id)
    elapsed = time.perf_counter() - started
    return {"zip_documents": ZIP_DOCUMENTS, "zip_s": elapsed, "zip_bytes": job.archive.size,
            "issue_300_s": seeding}


def _report(results):
    print(f"База данных: {results['database']}")
    print(f"1. Выпуск документа (приказ + таблица 30 строк), медианы по {results['rounds']} замерам:")
    print(f"   сырой docxtpl (загрузка + render + save)      {results['raw_render_ms']:7.1f} мс")
    print(f"   выпуск (номер, render, файл+fsync, SHA, строки) {results['issue_ms']:7.1f} мс  "
          f"= {results['issue_ratio']:.2f}× (цель ≤ 1.3×)")
    print(f"   из них заполнение шаблона движком              {results['engine_render_ms']:7.1f} мс")
    print(f"2. PDF, медианы по {results['pdf_rounds']} замерам (запуск конвертера: "
          f"{results['converter_start_s']:.1f} с):")
    print(f"   тёплое преобразование LibreOffice              {results['warm_conversion_ms']:7.1f} мс")
    print(f"   PDF документа (преобразование, файл, строка)   {results['document_pdf_ms']:7.1f} мс  "
          f"= {results['pdf_ratio']:.2f}× (цель ≤ 1.3×)")
    print(f"3. ZIP из {results['zip_documents']} выпущенных DOCX: {results['zip_s']:.2f} с (цель < 10 с), "
          f"{results['zip_bytes'] / 1024 / 1024:.1f} МБ; выпуск этих {results['zip_documents']}: "
          f"{results['issue_300_s']:.1f} с")
    failed = [name for name, ok in (("выпуск", results["issue_ratio"] <= 1.3), ("PDF", results["pdf_ratio"] <= 1.3),
                                    ("ZIP", results["zip_s"] < 10)) if not ok]
    print("Все цели достигнуты." if not failed else f"Не достигнуты цели: {', '.join(failed)}.")


if __name__ == "__main__":
    main()
