"""Forms of the accounts domain: login, own password, users for the administrator."""
from wtforms import BooleanField, HiddenField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length, Optional

from app.core.roles import Role
from forms.base import BaseForm, MultiCheckboxField, choices, email_field, strip_filter

ROLE_CHOICES = [(role.value, role.label) for role in Role]



class LoginForm(BaseForm):
    email = StringField("Электронная почта", validators=[DataRequired(message="Введите адрес электронной почты.")],
                        filters=[strip_filter], render_kw={"autocomplete": "username", "autofocus": True})
    password = PasswordField("Пароль", validators=[DataRequired(message="Введите пароль.")],
                             render_kw={"autocomplete": "current-password"})
    remember = BooleanField("Запомнить меня на этом компьютере")
    next = HiddenField()
    submit = SubmitField("Войти")


class UserForm(BaseForm):
    last_name = StringField("Фамилия", validators=[DataRequired(), Length(max=100)], filters=[strip_filter])
    first_name = StringField("Имя", validators=[DataRequired(), Length(max=100)], filters=[strip_filter])
    middle_name = StringField("Отчество", validators=[Optional(), Length(max=100)], filters=[strip_filter])
    email = email_field()
    position = StringField("Должность", validators=[Optional(), Length(max=200)], filters=[strip_filter])
    roles = MultiCheckboxField("Роли", choices=choices(ROLE_CHOICES),
                               validators=[InputRequired(message="Выберите хотя бы одну роль.")])
    submit = SubmitField("Сохранить")


class EditUserForm(UserForm):
    person = SelectField(
        "Карточка человека в программе наставничества", validators=[Optional()],
        description="Если владелец учётной записи есть среди людей программы (например, он кандидат в наставники). "
                    "По этой связи член комиссии не оценивает собственную кандидатуру (п. 4.13). Предлагаются "
                    "карточки с той же фамилией и именем.")

    def set_people(self, people):
        self.person.choices = choices([("", "не связана"), *(
            (person.id, f"{person.full_name}, {person.birth_date.strftime('%d.%m.%Y')} г. р., "
                        f"{person.category.label}") for person in people)])


class NewUserForm(UserForm):
    password = PasswordField(
        "Пароль", validators=[Optional()],
        description="Оставьте пустым, чтобы пароль был создан автоматически и показан один раз.",
        render_kw={"autocomplete": "new-password"})


class OwnPasswordForm(BaseForm):
    current_password = PasswordField("Текущий пароль", validators=[DataRequired()],
                                     render_kw={"autocomplete": "current-password"})
    new_password = PasswordField("Новый пароль", validators=[DataRequired()],
                                 description="Не менее 10 символов: буквы и цифры или знаки.",
                                 render_kw={"autocomplete": "new-password"})
    confirm = PasswordField("Новый пароль ещё раз", validators=[
        DataRequired(), EqualTo("new_password", message="Пароли не совпадают.")],
        render_kw={"autocomplete": "new-password"})
    submit = SubmitField("Сменить пароль")


class ResetPasswordForm(BaseForm):
    password = PasswordField("Новый пароль", validators=[Optional()],
                             description="Оставьте пустым, чтобы пароль был создан автоматически.",
                             render_kw={"autocomplete": "new-password"})
    submit = SubmitField("Задать пароль")

