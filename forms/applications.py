"""Forms of the candidates' applications (Приложение 5), nominations (4.13) and participants' files."""
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    FormField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from app.applications.models import NominationKind
from app.core.declension import gendered
from forms.base import BaseForm, PhoneNumber, choices, email_field, strip_filter
from forms.people import PHONE_HINT


class ApplicationForm(BaseForm):
    """Every field of «Форма заявления кандидата в наставники», in its order."""

    program_year = SelectField("Учебный год отбора", validators=[InputRequired()])
    mentorship_form = SelectField("Форма наставничества, в которой кандидат хочет быть наставником",
                                  validators=[InputRequired(message="Выберите форму наставничества.")])
    for_curator = BooleanField("Кандидатура на роль куратора наставнической деятельности",
                               description="Приложение 1, последний абзац: куратор соответствует критериям формы "
                                           "«преподаватель – преподаватель» и дополнительным критериям куратора.")
    position = StringField("Должность кандидата (для обучающегося — группа)",
                           validators=[DataRequired(), Length(max=300)], filters=[strip_filter],
                           description="Как в заявлении: «(полные ф.и.о. и должность кандидата в наставники)».")
    phone = StringField("Контакты кандидата: телефон", validators=[DataRequired(), Length(max=32), PhoneNumber()],
                        filters=[strip_filter], description=PHONE_HINT)
    email = email_field("E-mail")
    portfolio_pages = IntegerField("Портфолио: число листов",
                                   validators=[InputRequired(message="Укажите число листов портфолио."),
                                               NumberRange(min=1, max=500)])
    regulation_acknowledged = BooleanField("С Положением о наставничестве ознакомлен(а)")
    personal_data_consent = BooleanField("Подтверждает согласие на обработку своих персональных данных")
    personal_data_consent_on = DateField("Дата согласия на обработку персональных данных",
                                         validators=[InputRequired(message="Укажите дату согласия.")])
    applied_on = DateField("Дата написания заявления",
                           validators=[InputRequired(message="Укажите дату заявления.")])
    submit = SubmitField("Сохранить и распечатать")

    def agree_with(self, person):
        """The labels that speak of the candidate agree with him: «ознакомлен» or «ознакомлена»."""
        self.regulation_acknowledged.label.text = (
            f"С Положением о наставничестве {gendered(person, 'ознакомлен', 'ознакомлена')}")
        return self

    def set_choices(self, years, forms):
        if "program_year" in self:
            self.program_year.choices = choices((year.id, year.title) for year in years)
        self.mentorship_form.choices = choices([("", "— выберите —"), *((form.id, form.name) for form in forms)])


class DecisionForm(BaseForm):
    on = DateField("Дата", validators=[InputRequired(message="Укажите дату.")])
    note = StringField("Основание", validators=[Optional(), Length(max=500)], filters=[strip_filter])
    submit = SubmitField("Отозвать заявление")


class CandidateRow(BaseForm):
    class Meta:
        csrf = False

    person = SelectField("Кандидат", validators=[Optional()], validate_choice=False)
    mentorship_form = SelectField("Форма наставничества", validators=[Optional()], validate_choice=False)
    for_curator = BooleanField("Кандидат в кураторы наставнической деятельности",
                               description="П. 4.13: выдвигаются наставники и куратор; куратором — один кандидат.")


class NominationForm(BaseForm):
    """4.13: who puts the candidates forward, and the candidates with their forms."""

    kind = RadioField("Кто выдвигает", choices=choices((kind.value, kind.label) for kind in NominationKind),
                      validators=[InputRequired(message="Выберите, кто выдвигает.")])
    program_year = SelectField("Учебный год", validators=[InputRequired()])
    nominated_on = DateField("Дата выдвижения", validators=[InputRequired(message="Укажите дату.")])
    nominated_by = StringField("По представлению (кого — в родительном падеже)",
                               validators=[Optional(), Length(max=300)], filters=[strip_filter],
                               description="Для выдвижения коллективом: «инициативной группы преподавателей отделения "
                                           "машиностроения», «совета техникума».")
    presentation = TextAreaField("Текст представления на имя директора", validators=[Optional(), Length(max=5000)],
                                 filters=[strip_filter])
    order_title = StringField("Заголовок проекта приказа", validators=[Optional(), Length(max=300)],
                              filters=[strip_filter], description="Для выдвижения администрацией.")
    approval_deadline = DateField("Согласовать до", validators=[Optional()])
    curator = SelectField("Куратор, согласующий проект приказа", validators=[Optional()])
    candidates = FieldList(FormField(CandidateRow), min_entries=5)
    submit = SubmitField("Сохранить и подготовить документы")
