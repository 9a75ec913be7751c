"""Forms of pairs and groups: forming them, the orders that change them (4.7, 4.8), a group's new member."""
from wtforms import DateField, SelectField, SelectMultipleField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from forms.base import BaseForm, strip_filter

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
