"""The columns an import file may have, per kind: headings, parsers, which are required.

People columns come first in every kind, so one spreadsheet habit serves all three; the mentee
and mentor columns carry the headings of Приложения 3 and 4.
"""
from dataclasses import dataclass, field

from app.bases.labels import MENTEE_CATEGORY, MENTEE_COLUMNS, MENTOR_CATEGORY, MENTOR_COLUMNS, REGISTRY_BASIS
from app.excel import cells
from app.excel.models import ImportKind
from app.people.categories import MenteeCategory, MentorCategory, PersonCategory
from app.people.models import Relation


@dataclass(frozen=True)
class ImportColumn:
    key: str
    heading: str
    parse: object = cells.text
    required: bool = False
    hint: str = ""
    #: Other spellings of the heading accepted on import (the regulation's own typos).
    aliases: tuple = ()


@dataclass(frozen=True)
class ImportSpec:
    kind: ImportKind
    title: str
    columns: list = field(default_factory=list)
    needs_year: bool = False

    @property
    def required(self):
        return [column for column in self.columns if column.required]


def _labels(enum_class, extra=None):
    options = {member.label: member for member in enum_class}
    options.update(extra or {})
    return options


PERSON_CATEGORY_WORDS = _labels(PersonCategory, {"студент": PersonCategory.STUDENT,
                                                 "выпускница": PersonCategory.GRADUATE,
                                                 "сотрудник техникума": PersonCategory.COLLEGE_STAFF})
MENTEE_CATEGORY_WORDS = _labels(MenteeCategory, {
    "студент": MenteeCategory.STUDENT,
    "вновь принятый педагогический работник": MenteeCategory.NEW_TEACHER,
    "педагогический работник": MenteeCategory.TEACHER})
MENTOR_CATEGORY_WORDS = _labels(MentorCategory, {
    "преподаватель": MentorCategory.COLLEGE_STAFF,
    "сотрудник организации-партнёра": MentorCategory.PARTNER_EMPLOYEE})
RELATION_WORDS = _labels(Relation, {"мама": Relation.MOTHER, "папа": Relation.FATHER})

NAME = [
    ImportColumn("last_name", "Фамилия", required=True),
    ImportColumn("first_name", "Имя", required=True),
    ImportColumn("middle_name", "Отчество"),
    ImportColumn("gender", "Пол", cells.gender, hint="«м» или «ж»; если пусто — по отчеству (…вич, …вна)"),
    ImportColumn("birth_date", "Дата рождения", cells.a_date, required=True, hint="ДД.ММ.ГГГГ"),
    ImportColumn("category", "Категория", cells.choice(PERSON_CATEGORY_WORDS, "категория"), required=True,
                 hint="; ".join(category.label for category in PersonCategory)),
    ImportColumn("study_group", "Учебная группа", hint="для обучающихся, например ТМ-21"),
    ImportColumn("position", "Должность"),
]
ORGANISATION = ImportColumn("organisation", "Организация-партнёр",
                            hint="для сотрудников партнёров: наименование, как в списке организаций-партнёров")
CONTACTS = [
    ImportColumn("phone", "Телефон", cells.phone, hint="+7 (343) 432-12-34"),
    ImportColumn("email", "Электронная почта", cells.email),
]
REPRESENTATIVE = [
    ImportColumn("rep_name", "ФИО законного представителя", hint="для несовершеннолетних: родитель или иной "
                                                                 "законный представитель (п. 4.11)"),
    ImportColumn("rep_relation", "Кем приходится представитель", cells.choice(RELATION_WORDS, "степень родства"),
                 hint="; ".join(relation.label for relation in Relation)),
    ImportColumn("rep_phone", "Телефон представителя", cells.phone),
    ImportColumn("rep_email", "Электронная почта представителя", cells.email),
]
RESULTS = {
    "end_date": lambda columns: ImportColumn("end_date", columns["end_date"], cells.a_date,
                                             hint="ДД.ММ.ГГГГ, не позднее года после вхождения (п. 4.7)"),
    "results": lambda columns: ImportColumn("results", columns["results"]),
    "case_link": lambda columns: ImportColumn("case_link", columns["case_link"], hint="https://…"),
}

SPECS = {
    ImportKind.PEOPLE: ImportSpec(ImportKind.PEOPLE, "Люди", [*NAME, ORGANISATION, *CONTACTS]),
    ImportKind.MENTEES: ImportSpec(ImportKind.MENTEES, "База наставляемых", [
        *NAME, *CONTACTS, *REPRESENTATIVE,
        ImportColumn("mentee_category", MENTEE_CATEGORY, cells.choice(MENTEE_CATEGORY_WORDS, "категория п. 4.3"),
                     required=True, hint="; ".join(category.label for category in MenteeCategory)),
        ImportColumn("main_request", MENTEE_COLUMNS["main_request"], required=True),
        ImportColumn("entry_date", MENTEE_COLUMNS["entry_date"], cells.a_date, required=True, hint="ДД.ММ.ГГГГ"),
        ImportColumn("mentorship_form", MENTEE_COLUMNS["mentorship_form"],
                     hint="название формы, как в программе года"),
        ImportColumn("mentor", MENTEE_COLUMNS["mentor"],
                     hint="полное ФИО наставника из реестра наставников того же учебного года"),
        *(make(MENTEE_COLUMNS) for make in RESULTS.values()),
        ImportColumn("program_passed", MENTEE_COLUMNS["program_passed"], cells.yes_no,
                     hint="«да» — программа пройдена, «нет» — выбыл; нужна дата завершения"),
    ], needs_year=True),
    ImportKind.MENTORS: ImportSpec(ImportKind.MENTORS, "База наставников", [
        *NAME, ORGANISATION, *CONTACTS,
        ImportColumn("mentor_category", MENTOR_CATEGORY, cells.choice(MENTOR_CATEGORY_WORDS, "категория п. 4.4"),
                     hint="можно не заполнять: следует из категории человека"),
        ImportColumn("mentorship_form", MENTOR_COLUMNS["mentorship_form"], required=True,
                     hint="название формы, как в программе года"),
        ImportColumn("competencies", MENTOR_COLUMNS["competencies"], required=True),
        ImportColumn("achievements", MENTOR_COLUMNS["achievements"]),
        ImportColumn("interests", MENTOR_COLUMNS["interests"]),
        ImportColumn("desired_mentee_age", MENTOR_COLUMNS["desired_mentee_age"]),
        ImportColumn("time_resource", MENTOR_COLUMNS["time_resource"]),
        ImportColumn("entry_date", MENTOR_COLUMNS["entry_date"], cells.a_date, required=True, hint="ДД.ММ.ГГГГ",
                     aliases=("Дата входления в программу",)),
        *(make(MENTOR_COLUMNS) for make in RESULTS.values()),
        ImportColumn("registry_basis", REGISTRY_BASIS,
                     hint="если наставник уже отобран: приказ или протокол с номером и датой (п. 4.13)"),
    ], needs_year=True),
}
