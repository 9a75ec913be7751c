"""Forms of the mentee base (Приложение 3) and the mentor base (Приложение 4), labelled in their words."""
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from app.bases.labels import MENTEE_CATEGORY, MENTEE_COLUMNS, MENTOR_CATEGORY, MENTOR_COLUMNS, REGISTRY_BASIS
from forms.base import BaseForm, choices, strip_filter

LINK_HINT = "Адрес страницы на сайте техникума, например https://kmt-krasnouralsk.ru/…"


def _year_and_form(cls):
    cls.program_year = SelectField("Учебный год", validators=[InputRequired()])
    cls.mentorship_form = SelectField(MENTEE_COLUMNS["mentorship_form"], validators=[Optional()])
    return cls


def _results(cls, columns):
    cls.end_date = DateField(columns["end_date"], validators=[Optional()],
                             description="Не позднее года после даты вхождения (п. 4.7).")
    cls.results = TextAreaField(columns["results"], validators=[Optional(), Length(max=5000)], filters=[strip_filter])
    cls.case_link = StringField(columns["case_link"], validators=[Optional(), Length(max=500)],
                                filters=[strip_filter], description=LINK_HINT)
    return cls


class _ParticipationForm(BaseForm):
    def set_choices(self, years, forms, categories, allow_no_form):
        if "program_year" in self:
            self.program_year.choices = choices((year.id, year.title) for year in years)
        self.mentorship_form.choices = choices(
            [*([("", "— выбрать позже —")] if allow_no_form else []), *((form.id, form.name) for form in forms)])
        self.category.choices = choices((category.value, category.label) for category in categories)


@_year_and_form
class MenteeForm(_ParticipationForm):
    category = SelectField(MENTEE_CATEGORY, validators=[InputRequired()])
    main_request = TextAreaField(MENTEE_COLUMNS["main_request"], validators=[DataRequired(), Length(max=5000)],
                                 filters=[strip_filter])
    entry_date = DateField(MENTEE_COLUMNS["entry_date"],
                           validators=[InputRequired(message="Укажите дату вхождения в программу.")])
    submit = SubmitField("Сохранить")


_results(MenteeForm, MENTEE_COLUMNS)


@_year_and_form
class MentorForm(_ParticipationForm):
    category = SelectField(MENTOR_CATEGORY, validators=[InputRequired()])
    competencies = TextAreaField(MENTOR_COLUMNS["competencies"], validators=[DataRequired(), Length(max=5000)],
                                 filters=[strip_filter])
    achievements = TextAreaField(MENTOR_COLUMNS["achievements"], validators=[Optional(), Length(max=5000)],
                                 filters=[strip_filter])
    interests = TextAreaField(MENTOR_COLUMNS["interests"], validators=[Optional(), Length(max=5000)],
                              filters=[strip_filter])
    desired_mentee_age = StringField(MENTOR_COLUMNS["desired_mentee_age"], validators=[Optional(), Length(max=100)],
                                     filters=[strip_filter], description="Например, «16–18 лет».")
    time_resource = StringField(MENTOR_COLUMNS["time_resource"], validators=[Optional(), Length(max=200)],
                                filters=[strip_filter], description="Например, «2 часа в неделю».")
    entry_date = DateField(MENTOR_COLUMNS["entry_date"],
                           validators=[InputRequired(message="Укажите дату вхождения в программу.")])
    submit = SubmitField("Сохранить")


_results(MentorForm, MENTOR_COLUMNS)


class LinkMentorForm(BaseForm):
    mentor = SelectField(MENTEE_COLUMNS["mentor"], validators=[InputRequired(message="Выберите наставника.")])
    submit = SubmitField("Назначить наставника")


class StatusDateForm(BaseForm):
    on = DateField("Дата", validators=[InputRequired(message="Укажите дату.")])
    submit = SubmitField("Подтвердить")


class RegistryForm(BaseForm):
    basis = StringField(REGISTRY_BASIS, validators=[DataRequired(), Length(max=300)], filters=[strip_filter],
                        description="Приказ или протокол комиссии: номер и дата (п. 4.13).")
    on = DateField("Дата включения", validators=[InputRequired(message="Укажите дату.")])
    submit = SubmitField("Включить в реестр наставников")
