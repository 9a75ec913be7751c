"""Expected access: the document register, issuing, a document and its files, scans, ZIPs, templates.

Readers (docs/design.md "Who uses it"): the secretary keeps the register, the curator and the director read it, staff
file scans; the curator may prepare drafts (5.1); only the secretary issues, corrects and cancels; the
administrator keeps the templates. A ZIP belongs to the user who asked for it.
"""
import io

from flask import current_app

from app.core.roles import Role
from app.documents.archives import build_archive, request_archive
from app.documents.kinds import get_kind
from app.documents.pdf import EXTENSION_KEY
from app.documents.scans import file_signed_scan
from app.documents.services import issue_document
from app.documents.template_store import active_template
from app.extensions import db
from tests.access.rules import NOT_REFUSED, Access, roles
from tests.documents.fixtures import FakeConverter
from tests.documents.helpers import make_pdf

READERS = roles(Role.SECRETARY, Role.CURATOR, Role.DIRECTOR, Role.STAFF)
DRAFTERS = roles(Role.SECRETARY, Role.CURATOR)
SECRETARY = roles(Role.SECRETARY)
SCAN_FILERS = roles(Role.SECRETARY, Role.STAFF)
ADMIN = roles(Role.ADMIN)

RULES = {
    "documents.register": Access("/documents/", READERS),
    "documents.register_pdf": Access("/documents/register.pdf", READERS),
    "documents.choose_kind": Access("/documents/new", DRAFTERS),
    "documents.issue": Access("/documents/new/order_appoint_curator", DRAFTERS),
    "documents.document": Access("/documents/{document_id}", READERS),
    "documents.download_docx": Access("/documents/{document_id}/versions/1/docx", READERS),
    "documents.download_pdf": Access("/documents/{document_id}/versions/1/pdf", READERS),
    "documents.correct": Access("/documents/{document_id}/correct", SECRETARY),
    "documents.issue_draft": Access("/documents/{draft_id}/issue", SECRETARY, method="POST",
                                    allowed_status=NOT_REFUSED),
    "documents.cancel": Access("/documents/{document_id}/cancel", SECRETARY, method="POST",
                               allowed_status=NOT_REFUSED),
    "documents.upload_scan": Access("/documents/{document_id}/scans", SCAN_FILERS, method="POST",
                                    allowed_status=NOT_REFUSED),
    "documents.download_scan": Access("/documents/scans/{scan_id}", READERS),
    "documents.archive_create": Access("/documents/archives", READERS, method="POST", allowed_status=NOT_REFUSED),
    "documents.archive": Access("/documents/archives/{job_id}", SECRETARY),
    "documents.archive_status": Access("/documents/archives/{job_id}/status", SECRETARY),
    "documents.archive_download": Access("/documents/archives/{job_id}/download", SECRETARY),
    "documents.template_list": Access("/documents/templates", ADMIN),
    "documents.template_detail": Access("/documents/templates/order_appoint_curator", ADMIN),
    "documents.template_upload": Access("/documents/templates/order_appoint_curator/upload", ADMIN, method="POST",
                                        allowed_status=NOT_REFUSED),
    "documents.template_preview": Access("/documents/templates/order_appoint_curator/preview.docx", ADMIN),
    "documents.template_activate": Access("/documents/templates/versions/{template_id}/activate", ADMIN,
                                          method="POST", allowed_status=NOT_REFUSED),
    "documents.template_download": Access("/documents/templates/versions/{template_id}/download", ADMIN),
}


def seed(world):
    current_app.extensions[EXTENSION_KEY] = FakeConverter()
    current_app.config["DOCUMENTS_BACKGROUND_JOBS"] = False
    secretary = world["users"][Role.SECRETARY]
    values = get_kind("order_appoint_curator").example_values()
    document = issue_document("order_appoint_curator", values, secretary)
    draft = issue_document("order_appoint_curator", values, secretary, draft=True)
    scan = file_signed_scan(document, _file(make_pdf(), "скан.pdf"), secretary)
    job = request_archive([document.id], secretary, "Приказы")
    world["template_id"] = active_template(get_kind("order_appoint_curator")).id
    db.session.commit()
    build_archive(job.id)
    world.update(document_id=document.id, draft_id=draft.id, scan_id=scan.id, job_id=job.id)


def _file(data, name):
    from werkzeug.datastructures import FileStorage
    return FileStorage(stream=io.BytesIO(data), filename=name)
