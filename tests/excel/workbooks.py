"""Build .xlsx files in tests the way a user's spreadsheet would look, and read answers back."""
import io

import openpyxl

from app.excel.models import ImportKind
from app.excel.specs import SPECS


def xlsx(headings, rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def headings(kind):
    return [column.heading for column in SPECS[ImportKind(kind)].columns]


def row(kind, **values):
    """A row in the template's column order; ``values`` by column key."""
    return [values.get(column.key) for column in SPECS[ImportKind(kind)].columns]


def read(response):
    """(headings, rows) of the first sheet of a downloaded workbook, and the sheet itself."""
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    return list(rows[0]), rows[1:], sheet


def upload(client, kind, data, year=None, filename="файл.xlsx"):
    form = {"kind": kind, "program_year": str(year.id) if year else "", "file": (io.BytesIO(data), filename)}
    return client.post("/excel/import", data=form, content_type="multipart/form-data")
