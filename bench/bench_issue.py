"""Issuing a document against the raw docxtpl render of the same template and context, interleaved in one run.

    .venv/bin/python bench/bench_issue.py                 # SQLite on disk (a temporary folder under /tmp)
    BENCH_DATABASE_URL=postgresql://… .venv/bin/python bench/bench_issue.py

Issuing is: clean the values, take the number under the lock, render, store the file with fsync, hash it, the
rows (document, version, subjects, audit event) and one commit. The template is the mentor registry order with
a 30-row table (bench_documents.py: ``bench_issue``). Goal: issuing ≤ 1.3× the raw render (exit 1 otherwise).

On SQLite it also issues into a second database kept as before issue 12 (rollback journal, synchronous=FULL),
interleaved the same way, so the run shows what WAL with synchronous=NORMAL changed.
"""
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import event  # noqa: E402

from bench.bench_documents import _seed, bench_issue  # noqa: E402

GOAL = 1.3


def run(database, workdir, legacy_journal=False):
    from app import create_app
    from app.extensions import db

    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": database,
                      "UPLOAD_ROOT": str(workdir / "uploads"), "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
                      "PDF_CONVERTER_DIR": str(workdir / "converter"), "DOCUMENTS_BACKGROUND_JOBS": False})
    with app.app_context():
        if legacy_journal:
            event.listen(db.engine, "connect", _legacy_journal)
        db.drop_all()
        db.create_all()
        results = bench_issue(_seed())
        db.session.remove()
        db.drop_all()
        db.engine.dispose()
    return results


def _legacy_journal(dbapi_connection, _record):
    """The defaults before issue 12: rollback journal, full sync (after the app's own pragmas)."""
    dbapi_connection.execute("PRAGMA journal_mode=DELETE").fetchall()
    dbapi_connection.execute("PRAGMA synchronous=FULL")


def main():
    workdir = Path(tempfile.mkdtemp(prefix="bench-issue-", dir="/tmp" if Path("/tmp").is_dir() else None))
    database = os.environ.get("BENCH_DATABASE_URL")
    results = {"database": (database or "sqlite").split(":", 1)[0], "load_average": os.getloadavg()}
    results["now"] = run(database or f"sqlite:///{workdir / 'now.sqlite'}", workdir / "now")
    if database is None:
        results["before"] = run(f"sqlite:///{workdir / 'before.sqlite'}", workdir / "before", legacy_journal=True)
    for name, label in (("before", "как до issue 12 (журнал отката, synchronous=FULL)"),
                        ("now", "сейчас (WAL, synchronous=NORMAL)" if database is None else "сейчас")):
        if name in results:
            row = results[name]
            print(f"Выпуск приказа с таблицей на 30 строк, {label}: {row['issue_ms']:.1f} мс; docxtpl напрямую "
                  f"{row['raw_render_ms']:.1f} мс; отношение {row['issue_ratio']:.2f}× (цель ≤ {GOAL}×), "
                  f"{row['rounds']} раундов вперемежку")
    print("Средняя загрузка машины за 1/5/15 мин: " + " ".join(f"{x:.2f}" for x in results["load_average"]))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / f"issue-{results['database']}.json").write_text(json.dumps(results, indent=1))
    if results["now"]["issue_ratio"] > GOAL:
        print("Цель не достигнута: выпуск дольше 1.3× рендера docxtpl.")
        sys.exit(1)
    print("Цель достигнута.")


if __name__ == "__main__":
    main()
