"""What a document kind is: its title, its register, its template file and the fields it provides.

The field schema is the one description every part of the engine reads: the issue form is built
from it, the upload check accepts only the variables it names, the reference page and
`flask documents kinds` list it with examples, and the preview fills the template with its examples.
Cleaning turns what a form, a prefill provider or a JSON file gave into plain JSON values (dates as
ISO strings, persons as dicts), refusing a missing or malformed value with a message that names
the field in Russian.
"""
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from app.core.errors import RuleError
from app.core.names import Gender, GrammaticalCase
from app.documents.russian import initials_after, person_gender


class FieldType(StrEnum):
    TEXT = "text"
    TEXTAREA = "textarea"
    DATE = "date"
    INT = "int"
    BOOL = "bool"
    CHOICE = "choice"
    PERSON = "person"
    TABLE = "table"
    #: The college's details: filled by the engine from the settings, never typed in a form.
    DETAILS = "details"

    @property
    def label(self):
        return FIELD_TYPE_LABELS[self]


FIELD_TYPE_LABELS = {
    FieldType.TEXT: "строка",
    FieldType.TEXTAREA: "текст (можно в несколько строк)",
    FieldType.DATE: "дата",
    FieldType.INT: "целое число",
    FieldType.BOOL: "да / нет",
    FieldType.CHOICE: "выбор из списка",
    FieldType.PERSON: "ФИО и пол (для склонения)",
    FieldType.TABLE: "таблица (список строк)",
    FieldType.DETAILS: "реквизиты из настроек",
}

#: The parts of a person value; gender decides the endings, name_forms overrides a case by hand.
PERSON_KEYS = ("last_name", "first_name", "middle_name", "gender", "name_forms")
#: The parts in the accusative, as a message asks for them: «заполните фамилию».
PERSON_PART_LABELS = {"last_name": "фамилию", "first_name": "имя", "middle_name": "отчество", "gender": "пол"}

TEXT_LIMITS = {FieldType.TEXT: 500, FieldType.TEXTAREA: 5000}
#: Characters XML 1.0 cannot carry: a value with one would make the .docx unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    type: FieldType
    #: A realistic value: the reference page shows it, the preview and the CLI example use it.
    example: object
    required: bool = True
    help: str = ""
    #: For CHOICE (and CHOICE columns): (value put into the document, label shown in the form).
    choices: tuple = ()
    #: For TABLE: the columns, each a Field of a simple type.
    columns: tuple = ()
    #: Initial value on a new form: a callable without arguments (today's date, the current year).
    default: Callable | None = None
    minimum: int | None = None
    maximum: int | None = None
    #: For TEXT: (regular expression the whole value must match, what to type instead).
    pattern: tuple | None = None

    def describe(self):
        """The field as `flask documents kinds` prints it."""
        described = {"name": self.name, "label": self.label, "type": self.type.value,
                     "required": self.required, "example": self.example}
        if self.help:
            described["help"] = self.help
        if self.choices:
            described["choices"] = [value for value, _ in self.choices]
        if self.columns:
            described["columns"] = [column.describe() for column in self.columns]
        return described


@dataclass(frozen=True)
class Kind:
    code: str
    title: str
    #: What the register's "content" column says: «О назначении куратора …».
    heading: str
    group: str
    template: str
    fields: tuple
    #: Register code (numbered per year) or None for papers that carry no number of the college.
    register: str | None = None
    #: The regulation's clause or appendix the document comes from.
    section: str = ""
    description: str = ""
    #: Rules about the values themselves, f(values) raising RuleError: the kind's domain keeps the rules of the
    #: regulation (3–5 commission members…) and names them here.
    checks: tuple = ()
    #: Fields whose values name the document in the register (a person, a partner).
    summary_fields: tuple = ()
    #: The kind's place in its family on the chooser page and in `flask documents kinds`.
    order: int = 100
    #: What a file name calls it, when the title is too long: «Согласие» (app.documents.services.file_name).
    short_title: str = ""

    def field(self, name):
        for item in self.fields:
            if item.name == name:
                return item
        raise KeyError(name)

    @property
    def numbered(self):
        return self.register is not None

    def example_values(self):
        return {item.name: item.example for item in self.fields}

    def clean(self, values):
        """Plain JSON values for every field, or RuleError naming the first field at fault."""
        values = values or {}
        cleaned = {item.name: clean_value(item, values.get(item.name), item.name) for item in self.fields}
        for check in self.checks:
            check(cleaned)
        return cleaned

    def summary(self, values):
        """A short line naming whom or what the document concerns: «Морозова О.Н.»."""
        parts = []
        for name in self.summary_fields:
            value = values.get(name)
            if not value:
                continue
            item = self.field(name)
            if item.type == FieldType.PERSON:
                parts.append(initials_after(value))
            elif item.type == FieldType.TABLE:
                names = _row_names(item, value)
                parts.append(", ".join(names) if names else f"{len(value)} {_rows_word(len(value))}")
            else:
                parts.append(str(value))
        return ", ".join(parts)[:300]

    def concerned(self, values):
        """The people the document names, «Фамилия И.О.» each: its person fields and the names of its table rows
        (those typed by hand too) among the summary fields."""
        names = []
        for name in self.summary_fields:
            value = values.get(name)
            item = self.field(name)
            if value and item.type == FieldType.PERSON:
                names.append(initials_after(value))
            elif value and item.type == FieldType.TABLE:
                names += _row_names(item, value)
        return names

    def describe(self, common_fields=()):
        return {"code": self.code, "title": self.title, "group": self.group, "register": self.register,
                "section": self.section, "template": self.template,
                "fields": [item.describe() for item in (*common_fields, *self.fields)]}


def _row_names(item, rows):
    """«Лебедев Д.И.» for each row of a table with a full-name column ``name``."""
    if not any(column.name == "name" for column in item.columns):
        return []
    return [initials_after(row["name"]) for row in rows if row.get("name")]


def _rows_word(count):
    from app.documents.russian import plural
    return plural(count, "строка", "строки", "строк")


# Cleaning ----------------------------------------------------------------------------------------

def _refuse(message, path):
    raise RuleError(message, field=path)


def _is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip()) or value == [] or value == {}


def clean_value(item: Field, raw, path):
    if item.type == FieldType.PERSON:
        return _clean_person(item, raw, path)
    if item.type == FieldType.TABLE:
        return _clean_table(item, raw, path)
    if item.type == FieldType.BOOL:
        return _clean_bool(raw)
    if _is_blank(raw):
        if item.required:
            _refuse(f"Заполните поле «{item.label}».", path)
        return None
    cleaner = {FieldType.TEXT: _clean_text, FieldType.TEXTAREA: _clean_text, FieldType.DATE: _clean_date,
               FieldType.INT: _clean_int, FieldType.CHOICE: _clean_choice}[item.type]
    return cleaner(item, raw, path)


def clean_text(value):
    """Strip, and drop characters XML cannot hold (they would break the .docx)."""
    return _NOT_XML.sub("", str(value)).strip()


def _clean_text(item, raw, path):
    text = clean_text(raw)
    if item.type == FieldType.TEXT:
        text = " ".join(text.split())
    else:
        text = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    if not text and item.required:
        _refuse(f"Заполните поле «{item.label}».", path)
    limit = TEXT_LIMITS[item.type]
    if len(text) > limit:
        _refuse(f"Поле «{item.label}» длиннее {limit} знаков: сократите его.", path)
    if text and item.pattern and not re.fullmatch(item.pattern[0], text):
        _refuse(f"Поле «{item.label}»: {item.pattern[1]}", path)
    return text or None


def _clean_date(item, raw, path):
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    try:
        return date.fromisoformat(str(raw).strip()).isoformat()
    except ValueError:
        _refuse(f"Поле «{item.label}»: введите дату, например 2026-09-01.", path)


def _clean_int(item, raw, path):
    if isinstance(raw, bool):
        _refuse(f"Поле «{item.label}»: введите целое число.", path)
    try:
        number = int(str(raw).strip())
    except ValueError:
        _refuse(f"Поле «{item.label}»: введите целое число.", path)
    if item.minimum is not None and number < item.minimum:
        _refuse(f"Поле «{item.label}»: число не меньше {item.minimum}.", path)
    if item.maximum is not None and number > item.maximum:
        _refuse(f"Поле «{item.label}»: число не больше {item.maximum}.", path)
    return number


def _clean_choice(item, raw, path):
    value = str(raw).strip()
    if value not in {choice for choice, _ in item.choices}:
        _refuse(f"Поле «{item.label}»: выберите значение из списка.", path)
    return value


def _clean_bool(raw):
    if isinstance(raw, str):
        return raw.strip().lower() in {"1", "true", "yes", "on", "да", "y"}
    return bool(raw)


def person_value(raw):
    """A person as a dict, from a dict or from any record with the name attributes (a Person of the people)."""
    if raw is None:
        return {}
    if isinstance(raw, dict):
        return raw
    return {key: getattr(raw, key, None) for key in PERSON_KEYS}


def _clean_person(item, raw, path):
    raw = person_value(raw)
    parts = {key: " ".join(clean_text(raw.get(key) or "").split()) for key in ("last_name", "first_name",
                                                                              "middle_name")}
    if not any(parts.values()):
        if item.required:
            _refuse(f"Заполните поле «{item.label}»: фамилию, имя и отчество.", f"{path}.last_name")
        return None
    for key in ("last_name", "first_name"):
        if not parts[key]:
            _refuse(f"«{item.label}»: заполните {PERSON_PART_LABELS[key]}.", f"{path}.{key}")
        if len(parts[key]) > 100:
            _refuse(f"«{item.label}»: слишком длинное значение (больше 100 знаков).", f"{path}.{key}")
    gender = raw.get("gender") or None
    if gender is not None:
        gender = str(getattr(gender, "value", gender))
        if gender not in {g.value for g in Gender}:
            _refuse(f"«{item.label}»: выберите пол.", f"{path}.gender")
    else:
        detected = person_gender(parts)
        if detected is None:
            _refuse(f"«{item.label}»: укажите пол — он нужен, чтобы склонять фамилию.", f"{path}.gender")
        gender = detected.value
    forms = raw.get("name_forms") or {}
    name_forms = {}
    for case in GrammaticalCase:
        text = " ".join(clean_text(forms.get(case.value) or "").split())
        if text and case != GrammaticalCase.NOMINATIVE:
            name_forms[case.value] = text[:300]
    return {**parts, "gender": gender, "name_forms": name_forms}


def _clean_table(item, raw, path):
    rows = []
    for index, row in enumerate(raw or []):
        row = row or {}
        if all(_is_blank(row.get(column.name)) for column in item.columns if column.type != FieldType.BOOL):
            continue
        rows.append({column.name: clean_value(column, row.get(column.name), f"{path}.{index}.{column.name}")
                     for column in item.columns})
    if item.required and not rows:
        _refuse(f"Таблица «{item.label}»: добавьте хотя бы одну строку.", path)
    if item.maximum is not None and len(rows) > item.maximum:
        _refuse(f"Таблица «{item.label}»: не больше {item.maximum} строк.", path)
    return rows
