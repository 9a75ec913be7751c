"""Forms of the pairs' individual plans, typical plans and meetings (issue 13, part B)."""
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    FormField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.pairs.plan_models import MeetingFormat, MeetingKind, PlanItemStatus
from forms.base import BaseForm, MultiCheckboxField, choices


class TypicalItemForm(BaseForm):
    """One row of a typical plan (no tokens of its own: the outer form carries them)."""

    class Meta:
        csrf = False

    task = TextAreaField("Мероприятие (задача)", validators=[Optional(), Length(max=2000)])
    expected_result = TextAreaField("Ожидаемый результат", validators=[Optional(), Length(max=2000)])
    responsible = StringField("Ответственный", validators=[Optional(), Length(max=200)])
    weeks_from_start = IntegerField("Срок, недель от начала", validators=[Optional(), NumberRange(0, 52)])


class TypicalPlanForm(BaseForm):
    items = FieldList(FormField(TypicalItemForm), min_entries=1)
    submit = SubmitField("Сохранить типовой план")


class PlanForm(BaseForm):
    role_model = StringField("Ролевая модель (п. 4.1)", validators=[Optional(), Length(max=300)])
    planned_results = TextAreaField("Планируемые результаты (п. 4.7)", validators=[Optional(), Length(max=5000)])
    submit = SubmitField("Сохранить")


class PlanItemForm(BaseForm):
    """An item: its wording (the curator and the mentor), its status, the mentor's mark and the mentee's report."""

    task = TextAreaField("Мероприятие (задача)", validators=[DataRequired(), Length(max=2000)])
    expected_result = TextAreaField("Ожидаемый результат", validators=[Optional(), Length(max=2000)])
    deadline = DateField("Срок", validators=[Optional()])
    responsible = StringField("Ответственный", validators=[Optional(), Length(max=200)])
    status = SelectField("Статус", choices=choices((s.value, s.label) for s in PlanItemStatus),
                         default=PlanItemStatus.PLANNED.value)
    mentor_mark = TextAreaField("Отметка наставника (фактический результат, п. 6.1)",
                                validators=[Optional(), Length(max=5000)])
    mentee_report = TextAreaField("Отчёт наставляемого (п. 7.1)", validators=[Optional(), Length(max=5000)])
    submit = SubmitField("Сохранить")


class MeetingForm(BaseForm):
    """A meeting held; ``pairings`` is offered only for a group meeting (a pair's meeting is its page's)."""

    kind = SelectField("Вид встречи (Приложение 14)", choices=choices((k.value, k.label) for k in MeetingKind))
    pairings = MultiCheckboxField("Пары и группы, чьи участники были на встрече", choices=[], validate_choice=False)
    held_on = DateField("Дата встречи", validators=[DataRequired()])
    format = SelectField("Формат", choices=choices((f.value, f.label) for f in MeetingFormat))
    topic = StringField("Тема", validators=[DataRequired(), Length(max=300)])
    attendees = MultiCheckboxField("Присутствовали", choices=[], validate_choice=False)
    curator_attended = BooleanField("Присутствовал куратор (п. 5.2)")
    outcome = TextAreaField("Итог встречи", validators=[Optional(), Length(max=5000)])
    submit = SubmitField("Записать встречу")
