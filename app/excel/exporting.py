"""Export of the bases to .xlsx in the regulation's column order, and the import templates.

The mentee and mentor sheets start with the columns of Приложения 3 and 4, headed in the
regulation's words, then what the intranet adds (category, status, year). The people sheet has
the same columns as the people import, so an export can be corrected and loaded back.
"""
from dataclasses import dataclass

from app.bases import labels
from app.bases.queries import mentee_query, mentor_query
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


def _names(participations):
    return ", ".join(p.person.full_name for p in participations)


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

M = labels.MENTEE_COLUMNS
MENTEES = [
    ExportColumn(M["full_name"], lambda m: m.person.full_name, 30),
    ExportColumn(M["contacts"], lambda m: m.contact_details, 40),
    ExportColumn(M["birth_year"], lambda m: m.person.birth_date.year, 12),
    ExportColumn(M["main_request"], lambda m: m.main_request, 40),
    ExportColumn(M["entry_date"], lambda m: m.entry_date, 14),
    ExportColumn(M["mentor"], lambda m: m.mentor.person.full_name if m.mentor else None, 30),
    ExportColumn(M["mentorship_form"], lambda m: m.mentorship_form.name if m.mentorship_form else None, 24),
    ExportColumn(M["mentor_place"], lambda m: m.mentor.person.place_of_work_or_study if m.mentor else None, 30),
    ExportColumn(M["end_date"], lambda m: m.end_date, 14),
    ExportColumn(M["results"], lambda m: m.results, 40),
    ExportColumn(M["case_link"], lambda m: m.case_link, 30),
    ExportColumn(M["program_passed"], lambda m: labels.PROGRAM_PASSED[m.program_passed], 14),
    ExportColumn(labels.MENTEE_CATEGORY, lambda m: m.category.label, 30),
    ExportColumn(labels.STATUS, lambda m: m.status.label, 18),
    ExportColumn(labels.PROGRAM_YEAR, lambda m: m.program_year.title, 12),
]

R = labels.MENTOR_COLUMNS
MENTORS = [
    ExportColumn(R["full_name"], lambda m: m.person.full_name, 30),
    ExportColumn(R["contacts"], lambda m: m.contact_details, 30),
    ExportColumn(R["place"], lambda m: m.person.place_of_work_or_study, 30),
    ExportColumn(R["competencies"], lambda m: m.competencies, 40),
    ExportColumn(R["achievements"], lambda m: m.achievements, 40),
    ExportColumn(R["interests"], lambda m: m.interests, 30),
    ExportColumn(R["desired_mentee_age"], lambda m: m.desired_mentee_age, 16),
    ExportColumn(R["time_resource"], lambda m: m.time_resource, 20),
    ExportColumn(R["entry_date"], lambda m: m.entry_date, 14),
    ExportColumn(R["mentees"], lambda m: _names(m.mentees), 40),
    ExportColumn(R["mentorship_form"], lambda m: m.mentorship_form.name, 24),
    ExportColumn(R["mentee_place"], lambda m: "; ".join(x.person.place_of_work_or_study for x in m.mentees), 40),
    ExportColumn(R["end_date"], lambda m: m.end_date, 14),
    ExportColumn(R["results"], lambda m: m.results, 40),
    ExportColumn(R["case_link"], lambda m: m.case_link, 30),
    ExportColumn(labels.MENTOR_CATEGORY, lambda m: m.category.label, 30),
    ExportColumn(labels.STATUS, lambda m: m.status.label, 18),
    ExportColumn(labels.REGISTRY_BASIS, lambda m: m.registry_basis, 30),
    ExportColumn(labels.PROGRAM_YEAR, lambda m: m.program_year.title, 12),
]


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
