"""The parsed sheet and its check, kept as JSON in the import batch: the file is read once, on upload.

Cell values are what openpyxl gives (text, numbers, booleans, dates and times); dates and times are tagged
so they come back as the same Python values the cell parsers expect.
"""
from datetime import date, datetime, time, timedelta

from app.excel.workbook import SheetData

_TAGS = {"datetime": datetime.fromisoformat, "date": date.fromisoformat, "time": time.fromisoformat,
         "seconds": lambda value: timedelta(seconds=float(value))}


def encode_value(value):
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, time):
        return {"time": value.isoformat()}
    if isinstance(value, timedelta):
        return {"seconds": value.total_seconds()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def decode_value(value):
    if isinstance(value, dict) and len(value) == 1:
        (tag, raw), = value.items()
        return _TAGS[tag](raw)
    return value


def sheet_to_json(sheet: SheetData):
    return {"headings": sheet.headings, "stopped_after": sheet.stopped_after,
            "rows": [[number, [encode_value(value) for value in values]] for number, values in sheet.rows]}


def sheet_from_json(kept) -> SheetData:
    return SheetData(headings=kept["headings"], stopped_after=kept.get("stopped_after"),
                     rows=[(number, [decode_value(value) for value in values]) for number, values in kept["rows"]])
