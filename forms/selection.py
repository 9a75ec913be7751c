"""Forms of the selection domain: a criterion of Приложение 1, the commission's composition, a meeting, its agenda,
a member's review, the orders that follow the protocol."""
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from app.selection.models import CommissionRole, CriterionScope, Vote
from app.selection.reviews import MAX_COMMENT, SCALE
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


class AgendaForm(BaseForm):
    applications = MultiCheckboxField("Кандидаты, чьи заявления рассматривает заседание")
    submit = SubmitField("Включить в повестку заседания")


def review_form_class(criteria):
    """A score on the scale for each criterion of the candidate (``score_<criterion id>``), a comment, the vote."""
    scale = choices((value, f"{value} — {label}") for value, label in SCALE)
    attrs = {f"score_{criterion.id}": RadioField(criterion.label, choices=scale, validators=[
        InputRequired(message="Оцените кандидата по этому критерию.")]) for criterion in criteria}
    attrs["comment"] = TextAreaField("Комментарий", validators=[Optional(), Length(max=MAX_COMMENT)],
                                     filters=[strip_filter], render_kw={"rows": 3})
    attrs["vote"] = RadioField("Голос", choices=choices((vote.value, vote.label) for vote in Vote),
                               validators=[InputRequired(message="Выберите голос.")])
    #: The review being changed; empty for a first vote (a second first vote is refused, 4.13).
    attrs["review_id"] = HiddenField()
    attrs["submit"] = SubmitField("Сохранить оценку и голос")
    return type("ReviewForm", (BaseForm,), attrs)


def registry_form_class(newcomers):
    """The registry order's date, the date the mentors enter the program, the competencies of those new to the base
    (``competencies_<agenda item id>``: «Основные компетенции наставника», Приложение 4)."""
    attrs = {"order_date": DateField("Дата приказа", validators=[InputRequired(message="Укажите дату приказа.")]),
             "entry_date": DateField("Дата вхождения в программу",
                                     validators=[InputRequired(message="Укажите дату вхождения в программу.")],
                                     description="Приложение 4: с этой даты отобранные кандидаты — наставники.")}
    for item in newcomers:
        attrs[f"competencies_{item.id}"] = TextAreaField(
            f"{item.person.full_name}: основные компетенции наставника",
            validators=[DataRequired(message="Опишите основные компетенции наставника."), Length(max=2000)],
            filters=[strip_filter], render_kw={"rows": 2})
    attrs["submit"] = SubmitField("Выпустить приказ и включить в реестр")
    return type("RegistryForm", (BaseForm,), attrs)


class CuratorOrderForm(BaseForm):
    order_date = DateField("Дата приказа", validators=[InputRequired(message="Укажите дату приказа.")])
    submit = SubmitField("Выпустить приказ о назначении куратора")
