"""Export of the bases to .xlsx in the regulation's column order, and the import templates.

The mentee and mentor sheets start with the columns of Приложения 3 and 4, headed in the
regulation's words, then what the intranet adds (category, status, year) and each record's code
(app.excel.base_columns), so an exported base can be corrected and loaded back. The people sheet has
the same columns as the people import.
"""
from dataclasses import dataclass

from app.bases import labels
from app.bases.queries import mentee_query, mentor_query
from app.excel.base_columns import MENTEE_BASE, MENTOR_BASE
from app.excel.models import ImportKind
from app.excel.specs import SPECS
from app.excel.workbook import write_workbook
from app.extensions import db
from app.people.queries import people_query


@dataclass(frozen=True)
class ExportColumn:
    heading: str
    value: object
    width: int = 18


PERSON_VALUES = {
    "last_name": lambda p: p.last_name,
    "first_name": lambda p: p.first_name,
    "middle_name": lambda p: p.middle_name,
    "gender": lambda p: p.gender.label,
    "birth_date": lambda p: p.birth_date,
    "category": lambda p: p.category.label,
    "study_group": lambda p: p.study_group,
    "position": lambda p: p.position,
    "organisation": lambda p: p.organisation.short_name if p.organisation else None,
    "phone": lambda p: p.phone,
    "email": lambda p: p.email,
}
PEOPLE = [ExportColumn(column.heading, PERSON_VALUES[column.key], 16) for column in SPECS[ImportKind.PEOPLE].columns]

#: The bases' columns (Приложения 3, 4, then the intranet's, then the record's code): the same list reads them back.
MENTEES = [ExportColumn(column.heading, column.export, column.width) for column in MENTEE_BASE]
MENTORS = [ExportColumn(column.heading, column.export, column.width) for column in MENTOR_BASE]


def export_people(filters):
    query, _ = people_query(filters)
    return _sheet("Люди", PEOPLE, db.session.scalars(query))


def export_mentees(filters):
    query, _ = mentee_query(filters)
    return _sheet(labels.MENTEE_BASE_TITLE, MENTEES, db.session.scalars(query))


def export_mentors(filters):
    query, _ = mentor_query(filters)
    return _sheet(labels.MENTOR_BASE_TITLE, MENTORS, db.session.scalars(query))


def import_template(kind):
    """An empty sheet with the import headings, and a second sheet saying how to fill each column."""
    spec = SPECS[kind]
    guide = [(column.heading, "да" if column.required else "нет", column.hint) for column in spec.columns]
    return write_workbook([
        (spec.title, [column.heading for column in spec.columns], [], [22] * len(spec.columns)),
        ("Как заполнять", ["Столбец", "Обязательный", "Что вписать"], guide, [40, 14, 80]),
    ])


def _sheet(title, columns, records):
    """(bytes, number of rows) of a one-sheet workbook."""
    count = 0

    def rows():
        nonlocal count
        for record in records:
            count += 1
            yield [column.value(record) for column in columns]

    data = write_workbook([(title, [c.heading for c in columns], rows(), [c.width for c in columns])])
    return data, count
