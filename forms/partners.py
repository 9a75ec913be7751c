"""The partner organisation form: details, the head who signs, the contact person of agreement 2.2."""
from wtforms import BooleanField, RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from app.partners.models import DEFAULT_HEAD_BASIS
from forms.base import BaseForm, EmailAddress, PhoneNumber, strip_filter
from forms.people import GENDER_CHOICES, PHONE_HINT


class PartnerForm(BaseForm):
    full_name = TextAreaField("Полное наименование", validators=[DataRequired(), Length(max=500)],
                              filters=[strip_filter])
    short_name = StringField("Сокращённое наименование", validators=[DataRequired(), Length(max=200)],
                             filters=[strip_filter], description="Например, ООО «Уралмеханика».")
    legal_address = StringField("Юридический адрес", validators=[DataRequired(), Length(max=500)],
                                filters=[strip_filter])
    head_last_name = StringField("Фамилия руководителя", validators=[DataRequired(), Length(max=100)],
                                 filters=[strip_filter])
    head_first_name = StringField("Имя руководителя", validators=[DataRequired(), Length(max=100)],
                                  filters=[strip_filter])
    head_middle_name = StringField("Отчество руководителя", validators=[Optional(), Length(max=100)],
                                   filters=[strip_filter])
    head_gender = RadioField("Пол руководителя", choices=GENDER_CHOICES,
                             validators=[InputRequired(message="Укажите пол руководителя.")],
                             description="Нужен, чтобы склонять ФИО в соглашении.")
    head_position = StringField("Должность руководителя", validators=[DataRequired(), Length(max=200)],
                                filters=[strip_filter], description="Например, «генеральный директор».")
    head_basis = StringField("Действует на основании", default=DEFAULT_HEAD_BASIS,
                             validators=[Optional(), Length(max=200)], filters=[strip_filter],
                             description="В родительном падеже: «Устава», «доверенности № 12 от 01.09.2026».")
    contact_name = StringField("ФИО уполномоченного сотрудника", validators=[Optional(), Length(max=300)],
                               filters=[strip_filter],
                               description="Сотрудник партнёра для работы с техникумом (п. 2.2 соглашения).")
    contact_position = StringField("Должность уполномоченного сотрудника", validators=[Optional(), Length(max=200)],
                                   filters=[strip_filter])
    contact_phone = StringField("Телефон уполномоченного сотрудника", validators=[Optional(), Length(max=32),
                                                                                  PhoneNumber()],
                                filters=[strip_filter], description=PHONE_HINT)
    contact_email = StringField("Электронная почта уполномоченного сотрудника",
                                validators=[Optional(), Length(max=254), EmailAddress()], filters=[strip_filter])
    active = BooleanField("Участвует в программе наставничества", default=True)
    submit = SubmitField("Сохранить")

    def values(self):
        return {name: getattr(self, name).data for name in (
            "full_name", "short_name", "legal_address", "head_last_name", "head_first_name", "head_middle_name",
            "head_gender", "head_position", "head_basis", "contact_name", "contact_position", "contact_phone",
            "contact_email", "active")}
