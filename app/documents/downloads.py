"""A document's version served as DOCX or PDF, the download audited: the documents' pages and the selection's papers
use it."""
from flask import flash, redirect

from app.audit import services as audit
from app.core.downloads import send_stored
from app.documents.pdf import PDF_TYPE, ensure_pdf
from app.extensions import db


def send_version(version, fmt, *, back_url, pdf_missing_hint):
    """A document's version as "docx" or "pdf", the download audited. Where no PDF can be made, back to ``back_url``
    with the reason (kept on the version, so the document's page shows it too) and ``pdf_missing_hint``."""
    stored = version
    if fmt == "pdf":
        stored = ensure_pdf(version)
        if stored is None:
            db.session.commit()
            flash(f"{version.pdf_error} {pdf_missing_hint}", "danger")
            return redirect(back_url)
    audit.record("document_downloaded", target=version.document,
                 details={"version": version.version_no, "format": fmt})
    db.session.commit()
    return send_stored(stored, mimetype=PDF_TYPE if fmt == "pdf" else None)
