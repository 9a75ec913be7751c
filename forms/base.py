"""The base form (Russian validation messages) and fields every domain uses."""
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectMultipleField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from app.core.errors import RuleError
from app.core.validation import check_email, check_phone


class BaseForm(FlaskForm):
    """Forms speak Russian: WTForms' own translations, not Flask-Babel."""

    class Meta:
        locales = ("ru_RU", "ru")

    def apply_rule_error(self, error: RuleError):
        """Put a service's refusal next to its field; return False if it belongs to no field."""
        field = getattr(self, error.field, None) if error.field else None
        if field is None:
            return False
        messages = [str(error), *error.details]
        field.errors = [*field.errors, *messages] if isinstance(field.errors, list) else messages
        return True


class ConfirmForm(BaseForm):
    """An empty form: a button that posts with a CSRF token (deactivate, log out, issue a draft, build a ZIP...)."""

    submit = SubmitField("Подтвердить")


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes (roles, forms of mentorship) instead of a multi-select box."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class EmailAddress:
    """WTForms validator over app.core.validation.check_email, so forms and services agree."""

    def __call__(self, form, field):
        try:
            check_email(field.data)
        except RuleError as error:
            raise ValidationError(error.message) from None


class PhoneNumber:
    """WTForms validator over app.core.validation.check_phone."""

    def __call__(self, form, field):
        try:
            check_phone(field.data)
        except RuleError as error:
            raise ValidationError(error.message) from None


def email_field(label="Электронная почта", required=True):
    validators = [DataRequired(message="Введите адрес электронной почты.") if required else Optional(),
                  Length(max=254), EmailAddress()]
    return StringField(label, validators=validators, filters=[strip_filter], render_kw={"autocomplete": "email"})


def strip_filter(value):
    return value.strip() if isinstance(value, str) else value


def choices(pairs):
    """(value, label) pairs as WTForms' SelectChoice options (tuples are deprecated)."""
    return [SelectChoice(str(value), label) for value, label in pairs]
