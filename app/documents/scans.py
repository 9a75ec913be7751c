"""Signed scans filed against the document they sign; earlier versions stay, the same file is not filed twice.

``file_signed_scan`` is the one entry point, for the document page here and for the participant
papers' checklists (app.applications): pass the issued document, Werkzeug's FileStorage, the user and, when the
document concerns several people, the participant (a Subject) the scan is for.
"""
from sqlalchemy import select

from app.audit import services as audit
from app.core.errors import RuleError
from app.core.idempotency import serialize
from app.core.storage import save_bytes
from app.documents.models import DocumentStatus, SignedScan
from app.documents.uploads import check_new_version
from app.extensions import db


def file_signed_scan(document, file_storage, user, *, subject=None) -> SignedScan:
    """Check the upload by content and keep it as the next version of the document's scan."""
    if document.status == DocumentStatus.DRAFT:
        raise RuleError("Проект не подписывают: сначала выпустите документ, затем загрузите скан подписанного.",
                        field="file")
    if document.status == DocumentStatus.CANCELLED:
        raise RuleError("Документ отменён: скан к нему не принимается.", field="file")
    serialize("scan", document.id)  # versions are numbered one at a time; the same file twice is refused
    versions = list(db.session.scalars(select(SignedScan).where(SignedScan.document_id == document.id)))
    upload, version_no = check_new_version(file_storage, versions, "Этот файл уже загружен к документу:")
    blob = save_bytes(upload.data, "scans", upload.suffix)
    current = document.current_version
    scan = SignedScan(document=document, version_no=version_no, document_version_id=current.id if current else None,
                      subject_type=subject.type if subject else None, subject_id=subject.id if subject else None,
                      uploaded_by_id=user.id, original_name=upload.original_name, content_type=upload.content_type)
    scan.attach(blob)
    db.session.add(scan)
    db.session.flush()
    audit.record("scan_uploaded", actor=user, target=scan,
                 details={"document": document.id, "version": version_no, "file": upload.original_name})
    return scan


def scans_for(document, subject=None):
    """The document's scans, oldest first; only those for ``subject`` when given."""
    scans = list(document.scans)
    if subject is not None:
        scans = [scan for scan in scans if (scan.subject_type, scan.subject_id) == (subject.type, subject.id)]
    return scans


def record_scan_download(scan, user):
    """Every download of a scan is in the audit log (personal data)."""
    audit.record("scan_downloaded", actor=user, target=scan,
                 details={"document": scan.document_id, "version": scan.version_no})
