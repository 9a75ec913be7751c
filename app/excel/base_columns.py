"""The columns of the bases as exported to .xlsx — and read back: one list per base, so a file exported and loaded
again lands on the same fields.

Each column says how the export writes it (``export``), and, when the base's own record holds it, how a cell is read
back (``parse``, a service value) and what the record holds now (``current``). Columns taken from other records (the
person's card, the mentor's place of work, the status that follows from the pair) have no parser: the import compares
them and says where they are changed instead. The last column is the record's code, by which a row finds its record.
"""
from collections.abc import Callable
from dataclasses import dataclass

from app.bases import labels
from app.excel import cells
from app.excel.specs import MENTEE_CATEGORY_WORDS, MENTOR_CATEGORY_WORDS

#: The heading of the code column: the record's number in its base.
CODE = "Код записи (для загрузки обратно)"


@dataclass(frozen=True)
class BaseColumn:
    key: str
    heading: str
    #: record -> the cell's value in the export.
    export: Callable
    width: int = 18
    #: cell -> the value the services take; None for a column the base's record does not hold.
    parse: Callable | None = None
    #: record -> the service value now (to compare with the file's); defaults to ``export``.
    current: Callable | None = None
    #: The word for the value in the preview; defaults to the cell's text.
    show: Callable | None = None

    @property
    def editable(self):
        return self.parse is not None

    def now(self, record):
        return (self.current or self.export)(record)

    def text(self, value):
        if self.show is not None and value is not None:
            return self.show(value)
        if value is None or value == "":
            return "—"
        if hasattr(value, "strftime"):
            return value.strftime("%d.%m.%Y")
        return str(value)


def _names(participations):
    return ", ".join(p.person.full_name for p in participations)


def _label(value):
    return value.label


def _form_name(form):
    return form.name


def _passed(value):
    return labels.PROGRAM_PASSED[value]


def _code(record):
    return record.id


M = labels.MENTEE_COLUMNS
#: Приложение 3 in its order, then what the intranet adds, then the code.
MENTEE_BASE = [
    BaseColumn("full_name", M["full_name"], lambda m: m.person.full_name, 30),
    BaseColumn("contacts", M["contacts"], lambda m: m.contact_details, 40),
    BaseColumn("birth_year", M["birth_year"], lambda m: m.person.birth_date.year, 12),
    BaseColumn("main_request", M["main_request"], lambda m: m.main_request, 40, parse=cells.text),
    BaseColumn("entry_date", M["entry_date"], lambda m: m.entry_date, 14, parse=cells.a_date),
    BaseColumn("mentor", M["mentor"], lambda m: m.mentor.person.full_name if m.mentor else None, 30,
               parse=cells.text),
    BaseColumn("mentorship_form", M["mentorship_form"],
               lambda m: m.mentorship_form.name if m.mentorship_form else None, 24, parse=cells.text,
               current=lambda m: m.mentorship_form, show=_form_name),
    BaseColumn("mentor_place", M["mentor_place"],
               lambda m: m.mentor.person.place_of_work_or_study if m.mentor else None, 30),
    BaseColumn("end_date", M["end_date"], lambda m: m.end_date, 14, parse=cells.a_date),
    BaseColumn("results", M["results"], lambda m: m.results, 40, parse=cells.text),
    BaseColumn("case_link", M["case_link"], lambda m: m.case_link, 30, parse=cells.text),
    BaseColumn("program_passed", M["program_passed"], lambda m: labels.PROGRAM_PASSED[m.program_passed], 14,
               parse=cells.yes_no, current=lambda m: m.program_passed, show=_passed),
    BaseColumn("category", labels.MENTEE_CATEGORY, lambda m: m.category.label, 30,
               parse=cells.choice(MENTEE_CATEGORY_WORDS, "категория п. 4.3"), current=lambda m: m.category,
               show=_label),
    BaseColumn("status", labels.STATUS, lambda m: m.status.label, 18),
    BaseColumn("year", labels.PROGRAM_YEAR, lambda m: m.program_year.title, 12),
    BaseColumn("code", CODE, _code, 12),
]

R = labels.MENTOR_COLUMNS
#: Приложение 4 in its order, then what the intranet adds, then the code.
MENTOR_BASE = [
    BaseColumn("full_name", R["full_name"], lambda m: m.person.full_name, 30),
    BaseColumn("contacts", R["contacts"], lambda m: m.contact_details, 30),
    BaseColumn("place", R["place"], lambda m: m.person.place_of_work_or_study, 30),
    BaseColumn("competencies", R["competencies"], lambda m: m.competencies, 40, parse=cells.text),
    BaseColumn("achievements", R["achievements"], lambda m: m.achievements, 40, parse=cells.text),
    BaseColumn("interests", R["interests"], lambda m: m.interests, 30, parse=cells.text),
    BaseColumn("desired_mentee_age", R["desired_mentee_age"], lambda m: m.desired_mentee_age, 16, parse=cells.text),
    BaseColumn("time_resource", R["time_resource"], lambda m: m.time_resource, 20, parse=cells.text),
    BaseColumn("entry_date", R["entry_date"], lambda m: m.entry_date, 14, parse=cells.a_date),
    BaseColumn("mentees", R["mentees"], lambda m: _names(m.mentees), 40),
    BaseColumn("mentorship_form", R["mentorship_form"], lambda m: m.mentorship_form.name, 24, parse=cells.text,
               current=lambda m: m.mentorship_form, show=_form_name),
    BaseColumn("mentee_place", R["mentee_place"],
               lambda m: "; ".join(x.person.place_of_work_or_study for x in m.mentees), 40),
    BaseColumn("end_date", R["end_date"], lambda m: m.end_date, 14, parse=cells.a_date),
    BaseColumn("results", R["results"], lambda m: m.results, 40, parse=cells.text),
    BaseColumn("case_link", R["case_link"], lambda m: m.case_link, 30, parse=cells.text),
    BaseColumn("category", labels.MENTOR_CATEGORY, lambda m: m.category.label, 30,
               parse=cells.choice(MENTOR_CATEGORY_WORDS, "категория п. 4.4"), current=lambda m: m.category,
               show=_label),
    BaseColumn("status", labels.STATUS, lambda m: m.status.label, 18),
    BaseColumn("registry_basis", labels.REGISTRY_BASIS, lambda m: m.registry_basis, 30, parse=cells.text),
    BaseColumn("year", labels.PROGRAM_YEAR, lambda m: m.program_year.title, 12),
    BaseColumn("code", CODE, _code, 12),
]
