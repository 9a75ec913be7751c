"""Shorthands for declaring fields, and what every kind provides without a form field.

Every template may use ``college`` (the college's details from the settings, the director as a
person), ``number`` (the register number, empty on a draft) and ``is_draft``; the kinds declare the
rest. Example people are the demo college's, so previews read like real papers. The checks here are of
form only (a period that ends before it starts, an academic year of two years running); the rules of
the regulation are the domains'.
"""
from datetime import date

from app.core.declension import phrase_forms
from app.core.errors import RuleError
from app.core.formatting import local_today
from app.documents.kinds.schema import Field, FieldType

#: Names the engine fills itself; a template may use them whatever its kind.
COMMON_NAMES = ("college", "number", "is_draft")

_FULL_NAME = ("государственное автономное профессиональное образовательное учреждение Свердловской области "
              "«Красноуральский многопрофильный техникум»")
COLLEGE_EXAMPLE = {
    "founder": "Министерство образования и молодежной политики Свердловской области",
    "full_name": _FULL_NAME,
    #: The full name in the other cases (settings, by the rule of app.core.declension or typed by hand).
    **{f"full_name_{case}": form for case, form in phrase_forms(_FULL_NAME).items()},
    "name": "ГАПОУ СО «Красноуральский многопрофильный техникум»",
    "short_name": "ГАПОУ СО «КМТ»",
    "address": "624330, Свердловская область, г. Красноуральск, ул. Калинина, 14",
    "city": "г. Красноуральск",
    "website": "kmt-krasnouralsk.ru",
    "territory": "городского округа Красноуральск и Свердловской области",
    "director": {"last_name": "Елсукова", "first_name": "Е.", "middle_name": "В.", "gender": "female",
                 "name_forms": {}},
}

#: For the reference page and `documents kinds`: the names every template gets.
COMMON_FIELDS = (
    Field("college", "Образовательная организация (из настроек): founder, full_name и его падежи full_name_genitive, "
          "full_name_dative, full_name_accusative, full_name_instrumental, full_name_prepositional, name, "
          "short_name, address, city, website, territory, director (ФИО и пол директора)", FieldType.DETAILS,
          COLLEGE_EXAMPLE),
    Field("number", "Номер по реестру (у проекта и у документов без реестра — пусто)", FieldType.TEXT, "12-од",
          required=False),
    Field("is_draft", "Проект (ещё не выпущен)", FieldType.BOOL, False),
)


def current_academic_year(today=None):
    """"2026/2027" from July on, "2025/2026" before: orders for a year are issued in the summer before it."""
    today = today or local_today()
    start = today.year if today.month >= 7 else today.year - 1
    return f"{start}/{start + 1}"


def person(name, label, example, required=True, help="", default=None):
    return Field(name, label, FieldType.PERSON, example, required=required, help=help, default=default)


def text(name, label, example, required=True, help="", pattern=None, default=None):
    return Field(name, label, FieldType.TEXT, example, required=required, help=help, pattern=pattern, default=default)


def textarea(name, label, example, required=True, help=""):
    return Field(name, label, FieldType.TEXTAREA, example, required=required, help=help)


def date_field(name, label, example, required=True, help="", default=None):
    return Field(name, label, FieldType.DATE, example, required=required, help=help, default=default)


def integer(name, label, example, required=True, help="", minimum=None, maximum=None):
    return Field(name, label, FieldType.INT, example, required=required, help=help, minimum=minimum, maximum=maximum)


def boolean(name, label, example, help="", default=None):
    return Field(name, label, FieldType.BOOL, example, required=False, help=help, default=default)


def choice(name, label, choices, example=None, required=True, help=""):
    return Field(name, label, FieldType.CHOICE, example if example is not None else choices[0][0],
                 required=required, help=help, choices=tuple(choices))


def table(name, label, columns, example, required=True, help="", maximum=None):
    return Field(name, label, FieldType.TABLE, example, required=required, help=help, columns=tuple(columns),
                 maximum=maximum)


def doc_date(label="Дата документа"):
    return date_field("doc_date", label, "2026-09-01", default=local_today)


def academic_year(label="Учебный год"):
    return text("academic_year", label, "2026/2027", default=current_academic_year,
                pattern=(r"(\d{4})/(\d{4})", "укажите учебный год в виде 2026/2027."))


def person_example(last_name, first_name, middle_name, gender):
    return {"last_name": last_name, "first_name": first_name, "middle_name": middle_name, "gender": gender,
            "name_forms": {}}


#: The demo college's people, the examples of many kinds.
MOROZOVA = person_example("Морозова", "Ольга", "Николаевна", "female")
LEBEDEV = person_example("Лебедев", "Дмитрий", "Игоревич", "male")
VASILYEVA = person_example("Васильева", "Наталья", "Юрьевна", "female")
CHERNYKH = person_example("Черных", "Алексей", "Викторович", "male")
KUZMICH = person_example("Кузьмич", "Анна", "Сергеевна", "female")
FORM_EXAMPLE = "студент – студент"


# Checks of form shared by several kinds -----------------------------------------------------------

def check_academic_year(values):
    """The two years of "2026/2027" follow each other."""
    year = values.get("academic_year")
    if year:
        first, second = (int(part) for part in year.split("/"))
        if second != first + 1:
            raise RuleError("Учебный год — два года подряд, например 2026/2027.", field="academic_year")


def check_period(start_field, end_field, message):
    def check(values):
        start, end = values.get(start_field), values.get(end_field)
        if start and end and date.fromisoformat(end) < date.fromisoformat(start):
            raise RuleError(message, field=end_field)
    return check
