"""A document's page: its data, versions, DOCX and PDF downloads, signed scans."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.core.actions import perform
from app.core.downloads import send_stored
from app.core.permissions import get_for_user_or_403, role_required
from app.documents import bp
from app.documents.downloads import send_version
from app.documents.locks import lock_reason
from app.documents.models import DRAFTERS, ISSUERS, READERS, SCAN_FILERS, Document, DocumentVersion, SignedScan
from app.documents.scans import file_signed_scan, record_scan_download
from app.documents.schema_view import described_values
from app.extensions import db
from forms.base import ConfirmForm
from forms.documents import CancelForm, ScanForm


@bp.route("/<int:document_id>")
@role_required(*READERS)
def document(document_id):
    document = get_for_user_or_403(Document, document_id, current_user)
    version = document.current_version
    kind = document.kind_spec
    user = current_user._get_current_object()
    return render_template(
        "documents/document.html", document=document, version=version, kind=kind,
        values=described_values(kind, version.context) if kind else [],
        can_issue=user.has_any_role(*ISSUERS), can_draft=document.can(user, "draft"),
        can_file_scan=user.has_any_role(*SCAN_FILERS), drafters=DRAFTERS, lock=lock_reason(document),
        action_form=ConfirmForm(), cancel_form=CancelForm(), scan_form=ScanForm())


@bp.route("/<int:document_id>/versions/<int:version_no>/docx")
@role_required(*READERS)
def download_docx(document_id, version_no):
    return _send(document_id, version_no, "docx")


@bp.route("/<int:document_id>/versions/<int:version_no>/pdf")
@role_required(*READERS)
def download_pdf(document_id, version_no):
    return _send(document_id, version_no, "pdf")


def _send(document_id, version_no, fmt):
    return send_version(_version(document_id, version_no), fmt,
                        back_url=url_for("documents.document", document_id=document_id),
                        pdf_missing_hint="Документ в формате DOCX выпущен и доступен для скачивания.")


@bp.route("/<int:document_id>/scans", methods=["POST"])
@role_required(*SCAN_FILERS)
def upload_scan(document_id):
    document = get_for_user_or_403(Document, document_id, current_user, "file_scan")
    form = ScanForm()
    if form.validate_on_submit():
        perform(lambda: file_signed_scan(document, request.files.get("file"), current_user._get_current_object()),
                lambda scan: f"Скан «{scan.original_name}» загружен (версия {scan.version_no}).", once=form)
    else:
        flash("Форма устарела: обновите страницу и загрузите файл снова.", "danger")
    return redirect(url_for("documents.document", document_id=document_id, _anchor="scans"))


@bp.route("/scans/<int:scan_id>")
@role_required(*READERS)
def download_scan(scan_id):
    scan = get_for_user_or_403(SignedScan, scan_id, current_user)
    record_scan_download(scan, current_user._get_current_object())
    db.session.commit()
    return send_stored(scan)


def _version(document_id, version_no):
    document = get_for_user_or_403(Document, document_id, current_user)
    version = db.session.scalars(db.select(DocumentVersion).where(
        DocumentVersion.document_id == document.id, DocumentVersion.version_no == version_no)).first()
    return version or abort(404)
