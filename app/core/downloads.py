"""Serving files: always as an attachment, never sniffed, never cached. A stored file (app.core.storage) is served
under its original name; bytes made for the request (a preview, a printout) under the name given."""
import io

from flask import send_file


def send_stored(row, download_name=None, mimetype=None):
    """A StoredFileMixin row's bytes under its original (or the given) name."""
    response = send_file(row.path, mimetype=mimetype or row.content_type, as_attachment=True,
                         download_name=download_name or row.original_name, max_age=0, etag=row.sha256)
    return _private(response)


def send_bytes(data, download_name, mimetype):
    """Bytes made for this request (a preview, a printout), as an attachment."""
    response = send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=download_name,
                         max_age=0)
    return _private(response)


def _private(response):
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    return response
