"""Forms of the papers of 4.11: printing a consent or an application, withdrawing a consent."""
from wtforms import DateField, SelectField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, Optional

from forms.base import BaseForm, choices, strip_filter

BY_HAND = "Можно оставить пустым: в документе будет строка, которую участник заполнит от руки при подписании."


class ConsentForm(BaseForm):
    """The date, and what a card does not hold: the signer's address and identity document (optional)."""

    given_on = DateField("Дата документа", validators=[InputRequired(message="Укажите дату документа.")])
    role = SelectField("Участвует в Программе в качестве", validators=[InputRequired()])
    representative = SelectField("Родитель (законный представитель), подписывающий документ",
                                 validators=[Optional()])
    address = StringField("Адрес регистрации", validators=[Optional(), Length(max=300)], filters=[strip_filter],
                          description=BY_HAND)
    id_document = StringField("Документ, удостоверяющий личность (вид, серия, номер, кем и когда выдан)",
                              validators=[Optional(), Length(max=300)], filters=[strip_filter], description=BY_HAND)
    submit = SubmitField("Распечатать (DOCX)")

    def set_choices(self, roles, representatives):
        self.role.choices = choices((role.value, role.label) for role in roles)
        self.representative.choices = choices((rep.id, f"{rep.full_name} — {rep.relation.label}")
                                              for rep in representatives)


class WithdrawConsentForm(BaseForm):
    on = DateField("Дата отзыва", validators=[InputRequired(message="Укажите дату отзыва.")])
    note = StringField("Основание", validators=[Optional(), Length(max=500)], filters=[strip_filter],
                       description="Например: «заявление об отзыве согласия от 12.11.2026».")
    submit = SubmitField("Отметить отзыв согласия")
