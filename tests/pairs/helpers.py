"""Printing and signing a group's agreements (4.6) as a clerk would: the paper issued, its scan filed."""
from app.applications.paperwork import scan_file
from app.core.formatting import local_today
from app.documents.prefill import Subject
from app.documents.scans import file_signed_scan
from app.documents.services import issue_document
from app.extensions import db
from app.pairs.prefill import agreement_subjects, agreement_values


def sign_agreements(group, user):
    for agreement in group.agreements:
        if agreement.signed:
            continue
        document = agreement.current_document or issue_document(
            "group_work_agreement", {"doc_date": local_today(), **agreement_values(agreement)}, user,
            subjects=agreement_subjects(agreement))
        person = agreement.person
        file_signed_scan(document, scan_file(), user,
                         subject=Subject("person", person.id, "participant", person.short_name))
    db.session.commit()
    db.session.expire_all()
