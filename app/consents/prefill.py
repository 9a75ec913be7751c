"""The register's issue form, filled from a paper printed for a participant (app.documents.prefill).

The secretary may issue a paper of 4.11 again from the register — after cancelling a spoilt copy, say: the
provider offers the papers recorded for participants and links the new document to the same record, so the
participant's checklist sees it.
"""
from sqlalchemy import select

from app.consents.models import Consent, ConsentKind
from app.consents.services import paper_subjects, paper_values
from app.core.formatting import ru_date
from app.documents.prefill import Prefill, PrefillProvider, register_prefill
from app.extensions import db

#: The fields typed on the paper's own form, kept only in its document: carried over from the last copy.
TYPED_FIELDS = {ConsentKind.PERSONAL_DATA: ("address", "id_document"),
                ConsentKind.PERSONAL_DATA_PARENT: ("representative_address", "representative_id_document")}
OPTIONS_LIMIT = 500


def _options(kind):
    def options():
        rows = db.session.scalars(select(Consent).where(Consent.kind == kind, Consent.withdrawn_on.is_(None))
                                  .order_by(Consent.given_on.desc(), Consent.id.desc()).limit(OPTIONS_LIMIT))
        return [(str(row.id), f"{row.person.full_name} — {row.title.lower()}, {ru_date(row.given_on)}")
                for row in rows]
    return options


def _fill(ids):
    consent = db.session.get(Consent, int(ids[0]))
    typed = {}
    document = consent.current_document
    fields = TYPED_FIELDS.get(consent.kind, ())
    if document is not None and fields:
        context = document.current_version.context
        typed = {"address": context.get(fields[0]), "id_document": context.get(fields[1])}
    return Prefill(values=paper_values(consent, **typed), subjects=paper_subjects(consent))


for _kind in ConsentKind:
    register_prefill(_kind.document_kind, PrefillProvider(
        "consent", "Документ, оформленный в карточке участника", _options(_kind), _fill,
        help="Выпуск заново: новый документ связывается с тем же участником и учитывается в его перечне документов."))
