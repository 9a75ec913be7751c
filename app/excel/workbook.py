"""Reading and writing .xlsx with openpyxl: one sheet of headings and rows, nothing clever.

Writing: a value starting with = + - @ is stored as text with a quote prefix, so neither Excel nor
LibreOffice ever evaluates what a user typed into a base (formula injection). Reading: values
only (never formulas), bounded by what the file holds (``read_sheet``), and any file openpyxl cannot open
is reported as "not an .xlsx".
"""
import io
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from xml.parsers.expat import ExpatError

from defusedxml import DefusedXmlException
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from app.core.zip_limits import ArchiveRefused, check_zip

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@")
DATE_FORMAT = "DD.MM.YYYY"
#: Excel's own limit on a sheet name.
SHEET_NAME_LENGTH = 31


#: Columns read from the heading row; an import knows about thirty.
MAX_COLUMNS = 100
#: Empty rows in a row after which the rest of the sheet is not read.
EMPTY_RUN = 200
#: Rows read under the headings at most, empty ones included.
MAX_POSITIONS = 10_000
_NOT_XLSX = ("Файл не является книгой Excel в формате .xlsx. Сохраните его в Excel или LibreOffice как «Книга Excel "
             "(.xlsx)» и загрузите снова.")
#: What a damaged or hostile file raises inside openpyxl: zip, XML (expat, lxml, defusedxml) and value errors.
_UNREADABLE = (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError, IndexError,
               SyntaxError, ExpatError, DefusedXmlException, EOFError, zlib.error)


class SheetError(Exception):
    """The file as a whole cannot be read: not an .xlsx, no sheet, no headings, or more than it may cost."""


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
    """The first sheet's headings and filled rows, reading only what the file holds (see ``SheetData``).

    openpyxl's read-only reader trusts the sheet's ``<dimension>``: a 5 KB file claiming A1:XFD1048576 would
    be padded to 17 billion cells. So the archive's parts are checked before it is opened, only the heading
    row's columns are read, reading stops after EMPTY_RUN empty rows in a row, and no more than
    ``max_rows`` filled rows or ``MAX_POSITIONS`` rows in all are read. XML with a DTD or entities is
    refused (defusedxml, which openpyxl uses when it is installed).
    """
    try:
        check_zip(data)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ArchiveRefused as error:
        raise SheetError(f"Файл не принят: {error} Сохраните таблицу в Excel или LibreOffice заново как "
                         "«Книга Excel (.xlsx)».") from None
    except _UNREADABLE as error:
        raise SheetError(_NOT_XLSX) from error
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise SheetError("В книге нет ни одного листа.")
        return _read_rows(sheet, max_rows)
    except _UNREADABLE as error:
        raise SheetError(_NOT_XLSX) from error
    finally:
        workbook.close()


@dataclass
class SheetData:
    """What was read: headings, [(row number, values)] of filled rows, and where reading stopped early, if it did."""

    headings: list
    rows: list
    stopped_after: int | None = None

    @property
    def note(self):
        if self.stopped_after is None:
            return None
        return (f"Под строкой {self.stopped_after} — {EMPTY_RUN} пустых строк подряд: строки ниже не читаются. "
                "Если в них есть данные, удалите пустые строки и загрузите файл снова.")


def _read_rows(sheet, max_rows):
    first = next(sheet.iter_rows(min_row=1, max_row=1, max_col=MAX_COLUMNS + 1, values_only=True), ())
    filled = [index for index, value in enumerate(first) if _filled(value)]
    if not filled:
        raise SheetError("Первая строка листа должна содержать заголовки столбцов, как в шаблоне.")
    if filled[-1] >= MAX_COLUMNS:
        raise SheetError(f"В первой строке больше {MAX_COLUMNS} столбцов: оставьте только столбцы шаблона.")
    width = filled[-1] + 1
    headings = [None if value is None else str(value) for value in first[:width]]
    headings += [None] * (width - len(headings))
    body, empty_run, last_filled = [], 0, 1
    for number, values in enumerate(sheet.iter_rows(min_row=2, max_col=width, values_only=True), start=2):
        if number > MAX_POSITIONS + 1:
            raise SheetError(f"В файле больше {MAX_POSITIONS} строк (считая пустые): разделите его на части.")
        if not any(_filled(value) for value in values):
            empty_run += 1
            if empty_run >= EMPTY_RUN:
                return SheetData(headings, body, stopped_after=last_filled)
            continue
        empty_run, last_filled = 0, number
        if len(body) >= max_rows:
            raise SheetError(f"В файле больше {max_rows} строк: разделите его на части.")
        body.append((number, list(values)))
    return SheetData(headings, body)


def _filled(value):
    return value is not None and str(value).strip() != ""
