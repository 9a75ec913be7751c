"""Forms of the people domain: a person, a legal representative, the hand-made case forms of a name."""
from wtforms import BooleanField, DateField, RadioField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from app.core.names import CASE_LABELS, Gender
from app.people.categories import PersonCategory
from app.people.models import Relation
from app.people.services import EDITABLE_CASES
from forms.base import BaseForm, EmailAddress, PhoneNumber, choices, strip_filter

GENDER_CHOICES = choices((gender.value, gender.label) for gender in Gender)
PHONE_HINT = "Например, +7 (343) 432-12-34."


def name_fields(cls):
    """Surname, name, patronymic and gender, shared by people and representatives."""
    cls.last_name = StringField("Фамилия", validators=[DataRequired(), Length(max=100)], filters=[strip_filter])
    cls.first_name = StringField("Имя", validators=[DataRequired(), Length(max=100)], filters=[strip_filter])
    cls.middle_name = StringField("Отчество", validators=[Optional(), Length(max=100)], filters=[strip_filter])
    cls.gender = RadioField("Пол", choices=GENDER_CHOICES, validators=[InputRequired(message="Укажите пол.")],
                            description="Нужен, чтобы склонять ФИО в документах.")
    return cls


def contact_fields(cls):
    cls.phone = StringField("Телефон", validators=[Optional(), Length(max=32), PhoneNumber()], filters=[strip_filter],
                            description=PHONE_HINT)
    cls.email = StringField("Электронная почта", validators=[Optional(), Length(max=254), EmailAddress()],
                            filters=[strip_filter])
    return cls


@contact_fields
@name_fields
class PersonForm(BaseForm):
    birth_date = DateField("Дата рождения", validators=[InputRequired(message="Укажите дату рождения.")])
    category = SelectField("Категория", choices=choices((c.value, c.label) for c in PersonCategory),
                           validators=[InputRequired()])
    study_group = StringField("Учебная группа", validators=[Optional(), Length(max=50)], filters=[strip_filter],
                              description="Для обучающихся, например «ТМ-21».")
    position = StringField("Должность", validators=[Optional(), Length(max=200)], filters=[strip_filter])
    organisation = SelectField("Организация-партнёр", validators=[Optional()],
                               description="Только для сотрудников организаций-партнёров.")
    confirm_duplicate = BooleanField("Это другой человек: сохранить, несмотря на совпадение ФИО и даты рождения")
    submit = SubmitField("Сохранить")

    def set_organisation_choices(self, partners):
        self.organisation.choices = choices([("", "—"), *((p.id, p.short_name) for p in partners)])


@contact_fields
@name_fields
class RepresentativeForm(BaseForm):
    relation = SelectField("Кем приходится", choices=choices((r.value, r.label) for r in Relation),
                           validators=[InputRequired()])
    submit = SubmitField("Сохранить")


class NameFormsForm(BaseForm):
    """One field per oblique case; an empty field leaves the case to automatic declension."""

    submit = SubmitField("Сохранить")


for _case in EDITABLE_CASES:
    setattr(NameFormsForm, _case.value, StringField(
        f"Падеж: {CASE_LABELS[_case]}", validators=[Optional(), Length(max=320)], filters=[strip_filter]))
