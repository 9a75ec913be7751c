"""Forms of the programs domain: the program year, the stage, the forms of mentorship."""
from wtforms import BooleanField, DateField, HiddenField, IntegerField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from app.people.categories import MenteeCategory, MentorCategory
from forms.base import BaseForm, MultiCheckboxField, choices, strip_filter


class ProgramYearForm(BaseForm):
    title = StringField("Учебный год", validators=[DataRequired(), Length(max=9)], filters=[strip_filter],
                        description="Например, 2026/2027.")
    start_date = DateField("Дата начала", validators=[InputRequired(message="Укажите дату начала.")])
    end_date = DateField("Дата окончания", validators=[InputRequired(message="Укажите дату окончания.")])
    forms = MultiCheckboxField("Реализуемые формы наставничества (п. 4.1)",
                               validators=[InputRequired(message="Выберите хотя бы одну форму наставничества.")])
    submit = SubmitField("Сохранить")

    def set_form_choices(self, forms):
        self.forms.choices = choices((form.id, form.name) for form in forms)


class StageForm(BaseForm):
    direction = HiddenField(validators=[DataRequired()])
    submit = SubmitField("Сменить этап")


class MentorshipFormForm(BaseForm):
    name = StringField("Название", validators=[DataRequired(), Length(max=100)], filters=[strip_filter],
                       description="Например, «работодатель – ученик».")
    description = TextAreaField("Описание", validators=[Optional(), Length(max=2000)], filters=[strip_filter])
    mentor_categories = MultiCheckboxField(
        "Кто может быть наставником (п. 4.4)", choices=choices((c.value, c.label) for c in MentorCategory),
        validators=[InputRequired(message="Отметьте хотя бы одну категорию наставников.")])
    mentee_categories = MultiCheckboxField(
        "Для кого устанавливается наставничество (п. 4.3)", choices=choices((c.value, c.label) for c in MenteeCategory),
        validators=[InputRequired(message="Отметьте хотя бы одну категорию наставляемых.")])
    allows_groups = BooleanField("Групповая форма: наставник может вести больше двух наставляемых (п. 4.6)")
    active = BooleanField("Доступна для выбора в новых учебных годах", default=True)
    position = IntegerField("Порядок в списках", default=100, validators=[Optional(), NumberRange(min=0, max=9999)])
    submit = SubmitField("Сохранить")
