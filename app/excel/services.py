"""Uploading an import file, confirming or cancelling it; the export's audit trail."""
import re

from app.audit import services as audit
from app.core import storage
from app.core.errors import RuleError
from app.excel import importing
from app.excel.kept import sheet_to_json
from app.excel.models import ImportBatch, ImportKind
from app.excel.specs import SPECS
from app.excel.workbook import XLSX_CONTENT_TYPE, SheetError, read_sheet
from app.extensions import db

NAME_LIMIT = 255
#: Row errors listed with a refused file's own (the rest are counted).
ROW_ERRORS_SHOWN = 30


def store_upload(*, kind, year, filename, data, user):
    """Keep an uploaded .xlsx with its rows, parsed once, and their check; a file that is not one is refused,
    nothing kept."""
    kind = ImportKind(kind)
    if SPECS[kind].needs_year:
        if year is None:
            raise RuleError("Выберите учебный год, в который вносятся записи.", field="program_year")
        year.ensure_open("Загрузка записей")
    name = clean_filename(filename)
    lowered = name.lower()
    if lowered.endswith(".xls"):
        raise RuleError("Это файл старого формата .xls: откройте его и сохраните как «Книга Excel (.xlsx)».",
                        field="file")
    if not lowered.endswith(".xlsx"):
        raise RuleError("Нужен файл Excel с расширением .xlsx (скачайте шаблон на этой странице).", field="file")
    if not data:
        raise RuleError("Файл пустой.", field="file")
    try:
        sheet = read_sheet(data, importing.MAX_ROWS)
    except SheetError as error:
        raise RuleError(str(error), field="file") from None
    if not sheet.rows:
        raise RuleError(importing.NO_ROWS, field="file")
    blob = storage.save_bytes(data, "imports", ".xlsx")
    batch = ImportBatch(kind=kind, program_year=year if SPECS[kind].needs_year else None, uploaded_by_id=user.id,
                        original_name=name, content_type=XLSX_CONTENT_TYPE, sheet=sheet_to_json(sheet))
    batch.attach(blob)
    db.session.add(batch)
    db.session.flush()
    report = importing.check(batch)
    _refuse_unreadable(report)
    batch.report = report.to_json()
    audit.record("import_uploaded", actor=user, target=batch,
                 details={"kind": str(kind), "file": name, "sha256": blob.sha256})
    return batch


def _refuse_unreadable(report):
    """A file that cannot be loaded as a whole (a column missing or unknown) is refused at once with every error of
    it — the file's and its rows' — and nothing is kept (the stored bytes go with the rolled-back batch)."""
    if not report.file_errors:
        return
    row_errors = [f"Строка {row.number}: {error}" for row in report.error_rows for error in row.errors]
    shown = row_errors[:ROW_ERRORS_SHOWN]
    if len(row_errors) > len(shown):
        shown.append(f"… и ещё ошибок в строках: {len(row_errors) - len(shown)}.")
    raise RuleError("Файл нельзя загрузить — исправьте всё перечисленное и загрузите его снова:", field="file",
                    details=[*report.file_errors, *shown])


def confirm(batch, *, actor=None):
    """Import the whole file or nothing: a file with any error is refused and the database left as it was."""
    batch.mark_imported(0)  # refuses a file already imported or cancelled before any row is touched
    report = importing.apply(batch)
    if not report.ok:
        raise RuleError("В файле есть ошибки — ничего не загружено. Исправьте строки, отмеченные на странице "
                        "проверки, и загрузите файл снова.")
    batch.rows_imported = len(report.changed_rows)
    audit.record("import_done", actor=actor, target=batch,
                 details={"kind": str(batch.kind), "file": batch.original_name, "rows": len(report.changed_rows)})
    return report


def recheck(batch):
    """Check the kept rows again (after a refused confirmation the base may have changed since the upload)."""
    batch.report = importing.check(batch).to_json()


def discard(batch, *, actor=None):
    batch.discard()
    audit.record("import_discarded", actor=actor, target=batch, details={"file": batch.original_name})


def record_export(kind, rows, filters, *, actor=None):
    """Personal data leaving the intranet in bulk: who took which base, how many rows, with which filters."""
    audit.record("base_exported", actor=actor, details={"base": kind, "rows": rows, "filters": filters})


def clean_filename(filename):
    """The name to show (Cyrillic kept): no folders, no control characters; never used as a path."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()
    return name[-NAME_LIMIT:] or "файл.xlsx"
