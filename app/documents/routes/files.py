"""Serving stored files: always as an attachment, never sniffed, never cached."""
import io

from flask import flash, redirect, send_file

from app.audit import services as audit
from app.documents.pdf import PDF_TYPE, ensure_pdf
from app.extensions import db


def send_stored(row, download_name=None, mimetype=None):
    """A StoredFileMixin row's bytes under its original (or the given) name."""
    response = send_file(row.path, mimetype=mimetype or row.content_type, as_attachment=True,
                         download_name=download_name or row.original_name, max_age=0, etag=row.sha256)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    return response


def send_bytes(data, download_name, mimetype):
    """Bytes made for this request (a preview, a printout), as an attachment."""
    response = send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=download_name,
                         max_age=0)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    return response


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
