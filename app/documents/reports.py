"""HTML reports printed to PDF: lists and registers that have no Word form of their own.

One function, ``html_to_pdf``, hides the engine (wkhtmltopdf through pdfkit today). The report
templates live in doc_templates/*.html and are rendered with autoescaping and strict undefined, so a
value is printed as text and never becomes markup; wkhtmltopdf runs with JavaScript and local file
access off, so a report cannot reach the server's files.
"""
import shutil
from pathlib import Path

import pdfkit
from flask import current_app
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from app.core.errors import RuleError
from app.core.formatting import ru_date, ru_datetime
from app.documents.russian import FILTERS

WKHTMLTOPDF_OPTIONS = {
    "encoding": "UTF-8",
    "page-size": "A4",
    "margin-top": "15mm",
    "margin-bottom": "15mm",
    "margin-left": "20mm",
    "margin-right": "10mm",
    "disable-javascript": None,
    "disable-local-file-access": None,
    "disable-external-links": None,
    "quiet": None,
}

_ENVIRONMENTS = {}


def report_environment():
    folder = str(Path(current_app.root_path).parent / "doc_templates")
    if folder not in _ENVIRONMENTS:
        env = Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(["html"]),
                          undefined=StrictUndefined)
        env.filters.update(FILTERS)
        env.filters.update(ru_date=ru_date, ru_datetime=ru_datetime)
        _ENVIRONMENTS[folder] = env
    return _ENVIRONMENTS[folder]


def render_report(template_name, **context) -> str:
    return report_environment().get_template(template_name).render(**context)


def html_to_pdf(html: str, landscape=False) -> bytes:
    """The PDF of an HTML page; RuleError if wkhtmltopdf is missing or fails."""
    options = dict(WKHTMLTOPDF_OPTIONS)
    if landscape:
        options["orientation"] = "Landscape"
    try:
        binary = current_app.config["WKHTMLTOPDF"]
        configuration = pdfkit.configuration(wkhtmltopdf=shutil.which(binary) or binary)
        return pdfkit.from_string(html, False, options=options, configuration=configuration)
    except OSError as error:  # pdfkit raises OSError for a missing binary and for a failed run
        raise RuleError(f"PDF не сформирован: wkhtmltopdf сообщил об ошибке ({str(error).strip()[:300]}).") from None
