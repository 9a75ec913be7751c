"""Forms of the selection domain: a criterion of Приложение 1."""
from wtforms import BooleanField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.selection.models import CriterionScope
from forms.base import BaseForm, choices, strip_filter


class CriterionForm(BaseForm):
    scope = SelectField("К кому применяется", choices=choices((s.value, s.label) for s in CriterionScope))
    mentorship_form = SelectField("Форма наставничества", validators=[Optional()],
                                  description="Только для дополнительных критериев формы.")
    group = StringField("Общий заголовок", validators=[Optional(), Length(max=200)], filters=[strip_filter],
                        description="Например: «Высокий уровень развития ключевых компетенций».")
    text = TextAreaField("Критерий", validators=[DataRequired(), Length(max=2000)], filters=[strip_filter],
                         render_kw={"rows": 3})
    position = IntegerField("Порядок", default=100, validators=[Optional(), NumberRange(min=0, max=10000)])
    active = BooleanField("Применяется при отборе", default=True)
    submit = SubmitField("Сохранить")
