"""Forms of the document engine. The issue form is built from a kind's field schema, so a new kind
needs no form code: a person becomes four inputs (and the hand-typed case forms), a table a grid of
rows with a button for more."""
from datetime import date

from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from app.core.names import Gender, GrammaticalCase
from app.documents.kinds.schema import FieldType, person_value
from forms.base import BaseForm, choices, strip_filter

#: Blank rows a table shows beyond its filled ones; "Добавить строки" adds as many again.
SPARE_ROWS = 2
#: Rows a new table starts with.
FIRST_ROWS = 3
GENDER_CHOICES = [("", "— пол —")] + [(gender.value, gender.label) for gender in Gender]
CASE_FIELDS = [case for case in GrammaticalCase if case != GrammaticalCase.NOMINATIVE]


class DocumentForm(BaseForm):
    """A schema form: a service's refusal about "members.2.name" lands next to that very cell."""

    def apply_rule_error(self, error):
        target = self
        for part in (error.field or "").split("."):
            if isinstance(target, FieldList) and part.isdigit():
                index = int(part)
                if index >= len(target.entries):
                    return False
                target = target.entries[index]
            elif isinstance(target, FormField):
                target = getattr(target.form, part, None)
            else:
                target = getattr(target, part, None) if part else None
            if target is None:
                return False
        if target is self or isinstance(target, FieldList | FormField):
            return False
        target.errors = [*target.errors, str(error)] if isinstance(target.errors, list) else [str(error)]
        return True


def _simple_field(item, *, in_table=False):
    """The WTForms field of a simple (not person, not table) schema field."""
    required = item.required and not in_table
    text_validators = [DataRequired(message=f"Заполните поле «{item.label}».")] if required else [Optional()]
    kwargs = {"description": "" if in_table else item.help}
    if item.type == FieldType.TEXT:
        return StringField(item.label, validators=[*text_validators, Length(max=500)], filters=[strip_filter], **kwargs)
    if item.type == FieldType.TEXTAREA:
        return TextAreaField(item.label, validators=[*text_validators, Length(max=5000)], filters=[strip_filter],
                             render_kw={"rows": 3}, **kwargs)
    if item.type == FieldType.DATE:
        validators = [InputRequired(message="Введите дату.")] if required else [Optional()]
        return DateField(item.label, validators=validators, **kwargs)
    if item.type == FieldType.INT:
        validators = [InputRequired(message="Введите число.")] if required else [Optional()]
        return IntegerField(item.label, validators=validators, **kwargs)
    if item.type == FieldType.BOOL:
        return BooleanField(item.label, validators=[Optional()], **kwargs)
    if item.type == FieldType.CHOICE:
        validators = [DataRequired(message="Выберите значение из списка.")] if required else [Optional()]
        return SelectField(item.label, choices=choices([("", "— выберите —"), *item.choices]), validators=validators,
                           **kwargs)
    raise ValueError(f"not a simple field: {item.type}")


def person_form_class(item):
    """Last name, first name, patronymic, gender; the case forms for when declension goes wrong."""
    def needed(message):
        return [DataRequired(message=message)] if item.required else [Optional()]

    attrs = {
        "last_name": StringField("Фамилия", validators=[*needed("Введите фамилию."), Length(max=100)],
                                 filters=[strip_filter]),
        "first_name": StringField("Имя", validators=[*needed("Введите имя."), Length(max=100)],
                                  filters=[strip_filter]),
        "middle_name": StringField("Отчество", validators=[Optional(), Length(max=100)], filters=[strip_filter]),
        "gender": SelectField("Пол", choices=choices(GENDER_CHOICES), validators=[Optional()]),
    }
    for case in CASE_FIELDS:
        attrs[f"form_{case.value}"] = StringField(f"ФИО в падеже: {case.label}", validators=[Optional(),
                                                  Length(max=300)], filters=[strip_filter])
    return type(f"PersonForm_{item.name}", (Form,), attrs)


def row_form_class(item):
    attrs = {column.name: _simple_field(column, in_table=True) for column in item.columns}
    return type(f"RowForm_{item.name}", (Form,), attrs)


def issue_form_class(kind, *, rows=None, correction=False):
    """The form of ``kind``; ``rows`` gives each table's number of rows to show."""
    rows = rows or {}
    attrs = {}
    for item in kind.fields:
        if item.type == FieldType.PERSON:
            attrs[item.name] = FormField(person_form_class(item), label=item.label, description=item.help)
        elif item.type == FieldType.TABLE:
            attrs[item.name] = FieldList(FormField(row_form_class(item)), label=item.label,
                                         min_entries=rows.get(item.name, FIRST_ROWS), description=item.help)
        else:
            attrs[item.name] = _simple_field(item)
    attrs["prefill_provider"] = HiddenField()
    attrs["prefill_records"] = HiddenField()
    attrs["add_rows"] = SubmitField("Добавить строки")
    if correction:
        attrs["reason"] = TextAreaField("Что исправлено и почему", validators=[
            DataRequired(message="Укажите, что исправлено и почему."), Length(max=500)], filters=[strip_filter],
            render_kw={"rows": 2})
        attrs["save"] = SubmitField("Сохранить новую версию")
    else:
        attrs["issue"] = SubmitField("Выпустить документ")
        attrs["draft"] = SubmitField("Сохранить проект")
    return type(f"IssueForm_{kind.code}", (DocumentForm,), attrs)


def table_rows(kind, values):
    """Rows to show per table: the filled ones plus spares."""
    return {item.name: max(len((values or {}).get(item.name) or []) + SPARE_ROWS, FIRST_ROWS)
            for item in kind.fields if item.type == FieldType.TABLE}


def form_data(kind, values):
    """Values (JSON, as a kind cleans them) -> the ``data`` a schema form starts with."""
    data = {}
    for item in kind.fields:
        value = (values or {}).get(item.name)
        if value is None and item.default is not None and item.type != FieldType.TABLE:
            value = item.default()
        if item.type == FieldType.PERSON:
            value = person_value(value)
            gender = value.get("gender") or ""
            data[item.name] = {**{key: value.get(key) or "" for key in ("last_name", "first_name", "middle_name")},
                               "gender": str(getattr(gender, "value", gender)),
                               **{f"form_{case.value}": (value.get("name_forms") or {}).get(case.value, "")
                                  for case in CASE_FIELDS}}
        elif item.type == FieldType.TABLE:
            data[item.name] = [{column.name: _to_form(column, row.get(column.name)) for column in item.columns}
                               for row in value or []]
        else:
            data[item.name] = _to_form(item, value)
    return data


def form_values(kind, form):
    """A submitted schema form -> values for the kind to clean."""
    values = {}
    for item in kind.fields:
        field = form[item.name]
        if item.type == FieldType.PERSON:
            data = field.data
            values[item.name] = {**{key: data.get(key) for key in ("last_name", "first_name", "middle_name")},
                                 "gender": data.get("gender") or None,
                                 "name_forms": {case.value: data.get(f"form_{case.value}") for case in CASE_FIELDS}}
        elif item.type == FieldType.TABLE:
            values[item.name] = [entry.data for entry in field.entries]
        else:
            values[item.name] = field.data
    return values


def _to_form(item, value):
    if item.type == FieldType.DATE and isinstance(value, str) and value:
        return date.fromisoformat(value)
    return value


class CancelForm(BaseForm):
    reason = TextAreaField("Причина отмены", validators=[DataRequired(message="Укажите причину отмены."),
                                                         Length(max=500)], filters=[strip_filter],
                           render_kw={"rows": 2})
    submit = SubmitField("Отменить документ")


class ScanForm(BaseForm):
    file = FileField("Скан подписанного документа (PDF, JPEG или PNG)")
    submit = SubmitField("Загрузить скан")


class TemplateUploadForm(BaseForm):
    file = FileField("Шаблон Word (.docx)")
    comment = StringField("Что изменено", validators=[Optional(), Length(max=500)], filters=[strip_filter])
    submit = SubmitField("Загрузить и проверить")

