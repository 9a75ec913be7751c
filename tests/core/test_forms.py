"""Every form speaks Russian, including WTForms' own messages for fields without a custom one."""
from wtforms import DateField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired

from forms.base import BaseForm, choices


class SampleForm(BaseForm):
    choice = SelectField("Выбор", choices=choices([("x", "X")]))
    text = StringField("Текст", validators=[DataRequired()])
    day = DateField("Дата")
    number = IntegerField("Число")


def test_default_validation_messages_are_russian(app):
    with app.test_request_context(method="POST", data={"choice": "zzz", "day": "31.02.2020", "number": "x"}):
        form = SampleForm(meta={"csrf": False})
        assert not form.validate()
    assert form.errors == {"choice": ["Неверный вариант."], "text": ["Обязательное поле."],
                           "day": ["Неверное значение даты."], "number": ["Неверное целое число."]}
