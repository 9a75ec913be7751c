"""The partners' forms: the organisation (details, the head who signs, the contact person of agreement 2.2) and
its agreement (Приложение 2): details, termination."""
from wtforms import BooleanField, DateField, RadioField, StringField, SubmitField, TextAreaField
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


class AgreementForm(BaseForm):
    signatory_last_name = StringField("Фамилия", validators=[DataRequired(), Length(max=100)], filters=[strip_filter])
    signatory_first_name = StringField("Имя", validators=[DataRequired(), Length(max=100)], filters=[strip_filter])
    signatory_middle_name = StringField("Отчество", validators=[Optional(), Length(max=100)], filters=[strip_filter])
    signatory_gender = RadioField("Пол", choices=GENDER_CHOICES, validators=[InputRequired(message="Укажите пол.")],
                                  description="Нужен, чтобы склонять ФИО в соглашении.")
    signatory_position = StringField("Должность", validators=[DataRequired(), Length(max=200)],
                                     filters=[strip_filter])
    signatory_position_genitive = StringField("Должность в родительном падеже",
                                              validators=[DataRequired(), Length(max=200)], filters=[strip_filter],
                                              description="Для слов «в лице генерального директора …».")
    signatory_basis = StringField("Действует на основании", validators=[DataRequired(), Length(max=200)],
                                  filters=[strip_filter],
                                  description="В родительном падеже: «Устава», «доверенности № 12 от 01.09.2026».")
    college_signatory_last_name = StringField("Фамилия", validators=[DataRequired(), Length(max=100)],
                                              filters=[strip_filter])
    college_signatory_first_name = StringField("Имя", validators=[DataRequired(), Length(max=100)],
                                               filters=[strip_filter], description="Полностью или инициалом с точкой.")
    college_signatory_middle_name = StringField("Отчество", validators=[Optional(), Length(max=100)],
                                                filters=[strip_filter])
    college_signatory_gender = RadioField("Пол", choices=GENDER_CHOICES,
                                          validators=[InputRequired(message="Укажите пол.")],
                                          description="Нужен, чтобы склонять ФИО в соглашении.")
    college_signatory_position = StringField("Должность", validators=[DataRequired(), Length(max=200)],
                                             filters=[strip_filter],
                                             description="«директор», «исполняющий обязанности директора».")
    college_signatory_position_genitive = StringField("Должность в родительном падеже",
                                                      validators=[DataRequired(), Length(max=200)],
                                                      filters=[strip_filter],
                                                      description="Для слов «в лице директора …».")
    college_signatory_basis = StringField("Действует на основании", validators=[DataRequired(), Length(max=200)],
                                          filters=[strip_filter],
                                          description="В родительном падеже: «Устава», «приказа № 15-к от "
                                                      "01.02.2026».")
    requisites = TextAreaField("Реквизиты партнёра", validators=[Optional(), Length(max=2000)], filters=[strip_filter],
                               description="ИНН, ОГРН, банковские реквизиты — как их укажет партнёр.")
    signed_on = DateField("Дата соглашения", validators=[InputRequired(message="Укажите дату соглашения.")])
    end_date = DateField("Соглашение действует до", validators=[InputRequired(message="Укажите дату окончания.")],
                         description="По форме Положения — до 30 декабря (п. 3.6); значение по умолчанию задаётся в "
                                     "настройках.")
    submit = SubmitField("Сохранить проект")

    def values(self):
        return {name: getattr(self, name).data for name in (
            "signatory_last_name", "signatory_first_name", "signatory_middle_name", "signatory_gender",
            "signatory_position", "signatory_position_genitive", "signatory_basis", "college_signatory_last_name",
            "college_signatory_first_name", "college_signatory_middle_name", "college_signatory_gender",
            "college_signatory_position", "college_signatory_position_genitive", "college_signatory_basis",
            "requisites", "signed_on", "end_date")}


class TerminateForm(BaseForm):
    on = DateField("Дата расторжения", validators=[InputRequired(message="Укажите дату расторжения.")])
    reason = StringField("Основание", validators=[DataRequired(message="Укажите основание."), Length(max=500)],
                         filters=[strip_filter], description="Соглашение о расторжении, его дата (п. 3.5).")
    submit = SubmitField("Отметить расторжение")
