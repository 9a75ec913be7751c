"""Forms every kind of participant's paper shares: uploading a file against it, printing it in one click."""
from wtforms import DateField, FileField, HiddenField, SubmitField
from wtforms.validators import Optional

from forms.base import BaseForm


class UploadForm(BaseForm):
    """A file for a paper: a signed scan, a portfolio, a certificate of 2.2 (PDF, JPEG or PNG)."""

    file = FileField("Файл (PDF, JPEG или PNG)")
    title = HiddenField()
    year = HiddenField()
    paper_date = DateField("Дата документа (если есть)", validators=[Optional()])
    next = HiddenField()
    submit = SubmitField("Загрузить")


class QuickPrintForm(BaseForm):
    """The checklist's one-click print: everything comes from the cards, the date is today."""

    next = HiddenField()
