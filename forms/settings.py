"""The settings form, built from the declared settings so a domain's new setting needs no form code."""
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Optional

from forms.base import BaseForm, choices, strip_filter

FIELD_TYPES = {"text": StringField, "textarea": TextAreaField, "int": IntegerField, "date": DateField,
               "choice": SelectField, "bool": BooleanField}


def field_name(key):
    return key.replace(".", "__")


def settings_form_class(specs):
    """A BaseForm subclass with one field per SettingSpec, named key with dots as "__"."""
    attrs = {}
    for spec in specs:
        field_class = FIELD_TYPES[spec.kind]
        kwargs = {"description": spec.description}
        if spec.kind == "bool":
            kwargs["validators"] = [Optional()]
        elif spec.kind == "int":
            kwargs["validators"] = [InputRequired()] if spec.required else [Optional()]
        else:
            kwargs["validators"] = [DataRequired()] if spec.required else [Optional()]
        if spec.kind in {"text", "textarea"}:
            kwargs["filters"] = [strip_filter]
        if spec.kind == "choice":
            kwargs["choices"] = choices(spec.choices)
        attrs[field_name(spec.key)] = field_class(spec.label, **kwargs)
    attrs["submit"] = SubmitField("Сохранить настройки")
    return type("SettingsForm", (BaseForm,), attrs)
