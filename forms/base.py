"""The base form (Russian validation messages) and fields every domain uses."""
from flask_wtf import FlaskForm
from flask_wtf.csrf import _FlaskFormCSRF
from markupsafe import Markup
from wtforms import HiddenField, SelectChoice, SelectMultipleField, StringField, SubmitField
from wtforms.csrf.core import CSRFTokenField
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from app.core import idempotency
from app.core.errors import RuleError
from app.core.validation import check_email, check_phone


class _TokensField(CSRFTokenField):
    """The CSRF field, rendered with the form's one-time token beside it: every template that writes
    ``{{ form.csrf_token }}`` sends both, so no form can forget its token (app.core.idempotency)."""

    def __call__(self, **kwargs):
        html = super().__call__(**kwargs)
        token = getattr(self.csrf_impl, "form", None)
        token = token._fields.get(idempotency.FIELD) if token is not None else None
        return Markup(html + token()) if token is not None else html


class _TokensCSRF(_FlaskFormCSRF):
    field_class = _TokensField

    def setup_form(self, form):
        self.form = form
        return super().setup_form(form)


class BaseForm(FlaskForm):
    """Forms speak Russian: WTForms' own translations, not Flask-Babel."""

    class Meta:
        locales = ("ru_RU", "ru")
        csrf_class = _TokensCSRF

    #: The one-time token (app.core.idempotency): the same form sent twice is done once.
    form_token = HiddenField(default=idempotency.new_token)

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
