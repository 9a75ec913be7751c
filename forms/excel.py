"""The upload form of an Excel import."""
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, SubmitField
from wtforms.validators import InputRequired, Optional

from app.excel.models import ImportKind
from forms.base import BaseForm, choices


class ImportUploadForm(BaseForm):
    kind = SelectField("Что загружаем", choices=choices((kind.value, kind.label.capitalize()) for kind in ImportKind),
                       validators=[InputRequired()])
    program_year = SelectField("Учебный год", validators=[Optional()],
                               description="Для баз наставляемых и наставников: в какой год вносятся записи.")
    file = FileField("Файл Excel (.xlsx)", validators=[FileRequired(message="Выберите файл .xlsx.")])
    submit = SubmitField("Проверить файл")
