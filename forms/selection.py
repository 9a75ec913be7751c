"""Forms of the selection domain: a criterion of Приложение 1, the commission's composition, a meeting."""
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.selection.models import CommissionRole, CriterionScope
from forms.base import BaseForm, MultiCheckboxField, choices, strip_filter

NOT_A_MEMBER = ""


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


def commission_form_class(users):
    """One role choice per account (or «не входит»), plus the order's date and the selection deadline."""
    role_choices = choices([(NOT_A_MEMBER, "не входит")] + [(role.value, role.label) for role in CommissionRole])
    attrs = {f"member_{user.id}": SelectField(user.full_name, choices=role_choices, validators=[Optional()],
                                              description=user.position or "должность не указана")
             for user in users}
    attrs["order_date"] = DateField("Дата приказа", validators=[DataRequired()])
    attrs["selection_deadline"] = DateField("Провести отбор до", validators=[DataRequired()])
    attrs["submit"] = SubmitField("Выпустить приказ и утвердить состав")
    return type("CommissionForm", (BaseForm,), attrs)


class MeetingForm(BaseForm):
    meeting_date = DateField("Дата заседания", validators=[DataRequired()])
    present = MultiCheckboxField("Присутствуют члены комиссии")
    submit = SubmitField("Открыть заседание")


class AttendanceForm(BaseForm):
    present = MultiCheckboxField("Присутствуют члены комиссии")
    submit = SubmitField("Сохранить список присутствующих")
