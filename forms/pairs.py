"""Forms of pairs and groups: forming them, the orders that change them (4.7, 4.8), a group's new member; the
individual plans, the typical plans and the meetings (part B)."""
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    FormField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from app.pairs.plan_models import MeetingFormat, MeetingKind, PlanItemStatus
from forms.base import BaseForm, MultiCheckboxField, choices, strip_filter

PERIOD_HINT = "Не позднее 1 календарного года после начала (п. 4.7)."


class _Period:
    starts_on = DateField("Начало наставничества", validators=[InputRequired(message="Укажите начало.")])
    planned_end_on = DateField("Плановое окончание", validators=[InputRequired(message="Укажите окончание.")],
                               description=PERIOD_HINT)


class PairForm(_Period, BaseForm):
    mentor = SelectField("Наставник (из реестра наставников)",
                         validators=[InputRequired(message="Выберите наставника.")])
    mentee = SelectField("Наставляемый (ожидает наставника)",
                         validators=[InputRequired(message="Выберите наставляемого.")])
    submit = SubmitField("Сформировать пару")


class GroupForm(_Period, BaseForm):
    mentor = SelectField("Наставник (из реестра наставников)",
                         validators=[InputRequired(message="Выберите наставника.")])
    mentees = SelectMultipleField("Наставляемые группы", option_widget=CheckboxInput(),
                                  widget=ListWidget(prefix_label=False),
                                  validators=[DataRequired(message="Отметьте наставляемых группы.")],
                                  description="Группа начнёт работу, когда наставник и каждый наставляемый подпишут "
                                              "согласие на групповую форму работы (п. 4.6).")
    submit = SubmitField("Сформировать группу")


class MemberForm(BaseForm):
    mentee = SelectField("Наставляемый (ожидает наставника)",
                         validators=[InputRequired(message="Выберите наставляемого.")])
    joined_on = DateField("Дата вступления в группу", validators=[InputRequired(message="Укажите дату.")])
    submit = SubmitField("Добавить в группу")


class CompleteForm(BaseForm):
    on = DateField("Дата завершения", validators=[InputRequired(message="Укажите дату.")])
    submit = SubmitField("Отметить завершение")


class _Order(BaseForm):
    doc_date = DateField("Дата приказа", validators=[InputRequired(message="Укажите дату приказа.")])


class ExtendForm(_Order):
    new_end = DateField("Новая дата окончания", validators=[InputRequired(message="Укажите новую дату.")])
    absence_reason = SelectField("Причина (п. 4.7)", validators=[InputRequired(message="Выберите причину.")])
    absent_party = SelectField("Кто отсутствовал", validators=[InputRequired(message="Выберите, кто.")])
    reason_details = TextAreaField("Подтверждающий документ, сведения о причине",
                                   validators=[DataRequired(message="Укажите подтверждающий документ."),
                                               Length(max=5000)], filters=[strip_filter],
                                   description="Например: листок нетрудоспособности с 12.01.2027 по 05.02.2027.")
    submit = SubmitField("Подготовить приказ о продлении")


class EndEarlyForm(_Order):
    end_date = DateField("Дата досрочного завершения", validators=[InputRequired(message="Укажите дату.")])
    reason = TextAreaField("Основание", validators=[DataRequired(message="Укажите основание."), Length(max=5000)],
                           filters=[strip_filter],
                           description="Например: индивидуальный план выполнен досрочно, компетенции освоены.")
    mentor_agreed_on = DateField("Дата согласия наставника (п. 4.7)",
                                 validators=[InputRequired(message="Укажите дату согласия наставника.")])
    curator_agreed_on = DateField("Дата согласования с куратором (п. 4.7)",
                                  validators=[InputRequired(message="Укажите дату согласования с куратором.")])
    submit = SubmitField("Подготовить приказ о досрочном завершении")


class ReplaceForm(_Order):
    new_mentor = SelectField("Новый наставник (из реестра наставников)",
                             validators=[InputRequired(message="Выберите нового наставника.")])
    reason = SelectField("Основание замены (п. 4.8)", validators=[InputRequired(message="Выберите основание.")])
    reason_details = TextAreaField("Документ-основание", validators=[Optional(), Length(max=5000)],
                                   filters=[strip_filter],
                                   description="Например: заявление наставника от 10.01.2027 (п. 6.2) или ходатайство "
                                               "наставляемого (п. 7.2).")
    submit = SubmitField("Подготовить приказ о замене наставника")


# Individual plans, typical plans, meetings -------------------------------------------------------------



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
