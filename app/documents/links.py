"""A domain record's documents and signed scans, found through the subjects the engine keeps.

A record that is printed as a document (a consent, a candidate's application, a partner agreement)
mixes in ``LinkedDocumentsMixin`` and names its subject type. Every document issued with
``Subject(<that type>, record.id, …)`` — from the record's own page or from the register's issue form
with a prefill provider — is then the record's, and the paper's state is read from the engine: never
stored twice, so it cannot disagree with the register. The relationships are read-only and can be
loaded for a whole list at once (``selectinload(Model.linked_documents)``, ``…linked_scans``).
"""
from enum import StrEnum

from sqlalchemy.orm import declared_attr, lazyload, relationship, selectinload

#: subject type -> model, for the pages that act on any linked record (upload a scan, print).
LINKED_MODELS = {}


class PaperState(StrEnum):
    """Where a paper a participant signs stands, as the register and its scans show it."""

    MISSING = "missing"
    PRINTED = "printed"
    SIGNED = "signed"
    #: A consent withdrawn by its giver (from that date).
    WITHDRAWN = "withdrawn"
    #: An agreement past its end date or terminated.
    EXPIRED = "expired"

    @property
    def label(self):
        return PAPER_STATE_LABELS[self]


PAPER_STATE_LABELS = {
    PaperState.MISSING: "нет",
    PaperState.PRINTED: "распечатан, не подписан",
    PaperState.SIGNED: "подписан (скан загружен)",
    PaperState.WITHDRAWN: "отозван",
    PaperState.EXPIRED: "истёк срок действия",
}


def _join(cls):
    return (f"and_(DocumentSubject.subject_type == '{cls.subject_type}', "
            f"foreign(DocumentSubject.subject_id) == {cls.__name__}.id)")


class LinkedDocumentsMixin:
    """``linked_documents`` and ``linked_scans`` of a record; ``current_document`` and ``paper_state``."""

    #: The subject type its documents are linked with: "consent", "candidate_application", "agreement".
    subject_type: str = ""
    #: The document kind the record is printed as (a property where it depends on the record).
    document_kind: str | None = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.subject_type:
            LINKED_MODELS[cls.subject_type] = cls

    @classmethod
    def papers_loaded(cls):
        """Loader options for a list of these records and their paper state: the documents and scans in two
        queries, without the accounts that issued them (a state needs none; loading them cost two more queries
        and an account's roles for every list of papers, issue 12)."""
        from app.documents.models import Document
        return (selectinload(cls.linked_documents).options(lazyload(Document.created_by),
                                                           lazyload(Document.issued_by)),
                selectinload(cls.linked_scans))

    @declared_attr
    def linked_documents(cls):
        return relationship("Document", secondary="document_subject", primaryjoin=_join(cls),
                            secondaryjoin="Document.id == foreign(DocumentSubject.document_id)",
                            viewonly=True, order_by="Document.id")

    @declared_attr
    def linked_scans(cls):
        return relationship("SignedScan", secondary="document_subject", primaryjoin=_join(cls),
                            secondaryjoin="SignedScan.document_id == foreign(DocumentSubject.document_id)",
                            viewonly=True, order_by="SignedScan.id")

    @property
    def current_document(self):
        return self.current_document_of(self.document_kind)

    @property
    def paper_person(self):
        """The participant a scan of the paper is filed for; None for a paper that is no one person's (an
        agreement, a sheet several people sign): its scan is filed against the document alone."""
        return None

    def current_document_of(self, kind=None):
        """The latest issued document of ``kind`` (cancelled ones do not count); a draft while none is issued."""
        documents = [doc for doc in self.linked_documents if kind is None or doc.kind == kind]
        issued = [doc for doc in documents if doc.status == "issued"]
        if issued:
            return issued[-1]
        drafts = [doc for doc in documents if doc.status == "draft"]
        return drafts[-1] if drafts else None

    @property
    def current_scans(self):
        """Scans of the current document's current version: after a correction, none until its scan comes."""
        document = self.current_document
        return [scan for scan in self.scans_of(document) if document.signed_by_scan(scan)]

    @property
    def document_scans(self):
        """Every scan of the current document, oldest first, those of earlier versions too (its history)."""
        return self.scans_of(self.current_document)

    def scans_of(self, document):
        """Scans of ``document``, oldest first: earlier versions stay."""
        if document is None:
            return []
        return sorted((scan for scan in self.linked_scans if scan.document_id == document.id),
                      key=lambda scan: scan.version_no)

    @property
    def printed_state(self):
        """MISSING (nothing issued, or only cancelled or a draft), PRINTED or SIGNED."""
        document = self.current_document
        if document is None or document.status != "issued":
            return PaperState.MISSING
        return PaperState.SIGNED if self.current_scans else PaperState.PRINTED
