"""Reading and writing .xlsx with openpyxl: one sheet of headings and rows, nothing clever.

Writing: a value starting with = + - @ is stored as text with a quote prefix, so neither Excel nor
LibreOffice ever evaluates what a user typed into a base (formula injection). Reading: values
only (never formulas), and any file openpyxl cannot open is reported as "not an .xlsx".
"""
import io
import zipfile
from datetime import date, datetime

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@")
DATE_FORMAT = "DD.MM.YYYY"
#: Excel's own limit on a sheet name.
SHEET_NAME_LENGTH = 31


class SheetError(Exception):
    """The file as a whole cannot be read: not an .xlsx, no sheet, no headings."""


def write_workbook(sheets):
    """Bytes of an .xlsx; ``sheets`` is a list of (name, headings, rows, widths or None)."""
    workbook = Workbook(write_only=True)
    for name, headings, rows, widths in sheets:
        sheet = workbook.create_sheet(title=name[:SHEET_NAME_LENGTH])
        for index, width in enumerate(widths or [], start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        sheet.append([_heading(sheet, heading) for heading in headings])
        for row in rows:
            sheet.append([_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _heading(sheet, text):
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = Font(bold=True)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _cell(sheet, value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    if isinstance(value, date | datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value


def read_sheet(data, max_rows):
    """(headings, [(row number, values)]) of the first sheet; empty rows are skipped."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise SheetError("Файл не является книгой Excel в формате .xlsx. Сохраните его в Excel или LibreOffice "
                         "как «Книга Excel (.xlsx)» и загрузите снова.") from error
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise SheetError("В книге нет ни одного листа.")
        rows = sheet.iter_rows(values_only=True)
        headings = next(rows, None)
        if not headings or not any(_filled(value) for value in headings):
            raise SheetError("Первая строка листа должна содержать заголовки столбцов, как в шаблоне.")
        body = []
        for number, values in enumerate(rows, start=2):
            if not any(_filled(value) for value in values):
                continue
            if len(body) >= max_rows:
                raise SheetError(f"В файле больше {max_rows} строк: разделите его на части.")
            body.append((number, list(values)))
        return [None if heading is None else str(heading) for heading in headings], body
    finally:
        workbook.close()


def _filled(value):
    return value is not None and str(value).strip() != ""
