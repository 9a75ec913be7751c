"""Forms of the questionnaires: the administrator's edits, the curator's dispatch, the answers (through a link or
typed from paper), built from the version's questions."""
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from app.questionnaires.links import TARGETS
from app.questionnaires.models import AnswerKind, Phase, Respondent
from forms.base import BaseForm, MultiCheckboxField, choices, strip_filter


class QuestionnaireForm(BaseForm):
    title = StringField("Название анкеты", validators=[DataRequired(), Length(max=300)], filters=[strip_filter])
    respondent = SelectField("Кто отвечает", choices=choices((r.value, r.label) for r in Respondent))
    form_id = SelectField("Форма наставничества", choices=[])
    instruction = TextAreaField("Инструкция перед вопросами", validators=[Optional(), Length(max=2000)],
                                filters=[strip_filter])
    active = BooleanField("Анкету можно отправлять", default=True)
    submit = SubmitField("Сохранить")

    def set_form_choices(self, forms):
        self.form_id.choices = choices([("", "Все формы"), *((form.id, form.name) for form in forms)])


class QuestionForm(BaseForm):
    position = IntegerField("Номер вопроса", validators=[Optional(), NumberRange(min=1, max=200)],
                            description="Куда вставить вопрос; пусто — в конец анкеты.")
    text = TextAreaField("Текст вопроса", validators=[DataRequired(message="Введите текст вопроса."),
                                                      Length(max=2000)], filters=[strip_filter])
    kind = SelectField("Тип ответа", choices=choices((k.value, k.label) for k in AnswerKind))
    required = BooleanField("Обязательный вопрос", default=True)
    submit = SubmitField("Сохранить")


class SendForm(BaseForm):
    year_id = SelectField("Учебный год", choices=[])
    phase = RadioField("Этап", choices=choices((p.value, p.label) for p in Phase),
                       validators=[InputRequired(message="Выберите этап.")])
    target = RadioField("Кому", choices=choices(TARGETS.items()), validators=[InputRequired(message="Выберите, кому.")])
    form_id = SelectField("Форма наставничества", choices=[], validate_choice=False)
    pairing_id = SelectField("Пара или группа", choices=[], validate_choice=False)
    mentee_ids = MultiCheckboxField("Наставляемые", choices=[], validate_choice=False)
    mentor_ids = MultiCheckboxField("Наставники", choices=[], validate_choice=False)
    expires_on = DateField("Ссылки действуют по", validators=[InputRequired(message="Укажите последний день ответа.")])
    submit = SubmitField("Создать ссылки")


class _Required:
    """Marks a question required (the asterisk, the browser's check); the service enforces it."""

    field_flags = {"required": True}

    def __call__(self, form, field):
        return None


class AnswerFormBase(BaseForm):
    """Every problem of the answers next to its question (app.questionnaires.answering.AnswersInvalid)."""

    def apply_rule_error(self, error):
        problems = getattr(error, "problems", None)
        if not problems:
            return super().apply_rule_error(error)
        for name, message in problems.items():
            if name in self._fields:
                self._fields[name].errors = [message]
        self.form_errors.append(str(error))
        return True


def answer_form(version, submit_label="Отправить ответы", **kwargs):
    """A form with a field per question of ``version``, named by the question's id."""

    class AnswerForm(AnswerFormBase):
        pass

    for question in version.questions:
        label = f"{question.position}. {question.text}"
        checks = [_Required()] if question.required else []
        if question.kind == AnswerKind.TEXT:
            field = TextAreaField(label, validators=checks, render_kw={"rows": 3, "maxlength": 2000})
        else:
            field = RadioField(label, choices=choices(question.kind.options), validators=checks,
                               validate_choice=False)
        setattr(AnswerForm, question.field_name, field)
    AnswerForm.submit = SubmitField(submit_label)
    return AnswerForm(**kwargs)
