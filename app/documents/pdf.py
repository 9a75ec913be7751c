"""PDFs of issued versions, made once by LibreOffice and kept; a failure leaves the DOCX and says why."""
from flask import current_app
from sqlalchemy.exc import IntegrityError

from app.core.errors import RuleError
from app.core.storage import path_for, save_bytes
from app.documents.converter import ConverterError, PdfConverter
from app.documents.models import DocumentPdf, DocumentVersion
from app.extensions import db

PDF_TYPE = "application/pdf"
EXTENSION_KEY = "documents.pdf_converter"


def converter() -> PdfConverter:
    """The app's converter (tests may put another object with a ``convert(bytes)`` method there)."""
    return current_app.extensions[EXTENSION_KEY]


def make_converter(config):
    return PdfConverter(config["PDF_CONVERTER_DIR"], config["PDF_CONVERTER_PYTHON"],
                        timeout=config["PDF_CONVERSION_TIMEOUT"], start_timeout=config["PDF_CONVERTER_START_TIMEOUT"])


def ensure_pdf(version: DocumentVersion):
    """The version's PDF row, converting now if there is none; None (and ``pdf_error`` set) on failure.

    The caller commits either way: the PDF, or the reason it is missing, is kept.
    """
    if version.pdf is not None:
        return version.pdf
    try:
        data = converter().convert(version.read_bytes())
    except ConverterError as error:
        version.pdf_error = f"PDF не сформирован: {error}"[:1000]
        db.session.flush()
        return None
    blob = save_bytes(data, "pdf", ".pdf")
    name = version.original_name.rsplit(".", 1)[0] + ".pdf"
    try:
        with db.session.begin_nested():
            pdf = DocumentPdf(version=version, original_name=name, content_type=PDF_TYPE)
            pdf.attach(blob)
            db.session.add(pdf)
            version.pdf_error = None
    except IntegrityError:  # another request converted the same version a moment earlier
        path_for(blob.key).unlink(missing_ok=True)
        db.session.refresh(version)
        return version.pdf
    return pdf


def preview_pdf(docx: bytes) -> bytes:
    """A PDF for a template preview (not kept); RuleError if LibreOffice cannot make it."""
    try:
        return converter().convert(docx)
    except ConverterError as error:
        raise RuleError(f"PDF не сформирован: {error}") from None
