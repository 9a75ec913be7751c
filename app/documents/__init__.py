"""The document engine: Word templates per kind, the numbered register, versions, PDFs, signed scans.

It renders, numbers and keeps; it knows no domain and no rule of the regulation. Each domain declares the kinds of
its papers in its ``kinds.py`` (``app.documents.kinds.register_kind``) and fills them from its records in its
``prefill.py`` (``app.documents.prefill.register_prefill``); it issues them through
``app.documents.services.issue_document``, finds them with ``services.documents_for`` and files scans with
``scans.file_signed_scan``, never through the engine's models.
"""
import os
from pathlib import Path

from flask import Blueprint

from app.audit.actions import register_action
from app.core.navigation import register_nav
from app.documents.models import DRAFTERS, READERS, TEMPLATE_KEEPERS

bp = Blueprint("documents", __name__, url_prefix="/documents", cli_group="documents")

register_nav("Реестр документов", "documents.register", roles=READERS, group="Документы", order=300,
             active_prefix="documents.document")
register_nav("Выпустить документ", "documents.choose_kind", roles=DRAFTERS, group="Документы", order=310,
             active_prefix="documents.issue")
register_nav("Шаблоны документов", "documents.template_list", roles=TEMPLATE_KEEPERS, group="Администрирование",
             order=930, active_prefix="documents.template")

for _code, _label in [
    ("document_issued", "Выпущен документ"),
    ("document_draft_saved", "Сохранён проект документа"),
    ("document_corrected", "Исправлен документ (новая версия)"),
    ("document_cancelled", "Отменён документ"),
    ("document_downloaded", "Скачан документ"),
    ("scan_uploaded", "Загружен скан подписанного документа"),
    ("scan_downloaded", "Скачан скан подписанного документа"),
    ("template_uploaded", "Загружена версия шаблона документа"),
    ("template_activated", "Выбрана версия шаблона документа"),
    ("archive_requested", "Запрошен ZIP-архив документов"),
    ("archive_downloaded", "Скачан ZIP-архив документов"),
]:
    register_action(_code, _label)


@bp.record_once
def _configure(state):
    """Defaults for the PDF converter and background jobs; instance/config.py may set each."""
    app = state.app
    root = Path(app.root_path).parent
    app.config.setdefault("PDF_CONVERTER_DIR", os.path.join(app.instance_path, "pdf-converter"))
    app.config.setdefault("PDF_CONVERTER_PYTHON", str(root / ".venv-uno" / "bin" / "python"))
    app.config.setdefault("PDF_CONVERSION_TIMEOUT", 60)
    app.config.setdefault("PDF_CONVERTER_START_TIMEOUT", 90)
    app.config.setdefault("WKHTMLTOPDF", "wkhtmltopdf")
    #: ZIP archives are built in a thread; False builds them in the request (tests, one-off scripts).
    app.config.setdefault("DOCUMENTS_BACKGROUND_JOBS", True)
    from app.documents.pdf import EXTENSION_KEY, make_converter
    app.extensions[EXTENSION_KEY] = make_converter(app.config)


from app.audit.vocabulary import register_value_resolver, register_values  # noqa: E402
from app.documents import cli, routes, settings  # noqa: E402,F401
from app.documents.models import DocumentStatus  # noqa: E402


def _kind_title(key, value):
    """A document kind's code in the log's details, by its title."""
    from app.documents.kinds import get_kind
    kind = get_kind(value) if key == "kind" else None
    return kind.title if kind else None


register_value_resolver(_kind_title)
register_values("status", {member.value: member.label for member in DocumentStatus})
