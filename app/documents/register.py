"""The register's search and filters, shared by the page, its PDF printout and the ZIP of what it shows."""
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import selectinload

from app.core.actors import accounts_named
from app.core.formatting import ru_date
from app.core.search import contains_pattern
from app.documents.kinds import get_kind
from app.documents.models import Document, DocumentStatus, SignedScan
from app.documents.registers import REGISTERS

SCAN_FILTERS = {"yes": "скан загружен", "no": "скана нет"}


@dataclass
class RegisterFilters:
    q: str = ""
    kind: str = ""
    register: str = ""
    status: str = ""
    issued_by: str = ""
    date_from: str = ""
    date_to: str = ""
    scan: str = ""

    @classmethod
    def from_args(cls, args):
        """Read the query string, dropping values that are not one of the choices."""
        filters = cls(**{name: (args.get(name) or "").strip()[:200] for name in cls.__dataclass_fields__})
        if filters.kind and get_kind(filters.kind) is None:
            filters.kind = ""
        if filters.register not in REGISTERS:
            filters.register = ""
        if filters.status not in {s.value for s in DocumentStatus}:
            filters.status = ""
        if not filters.issued_by.isdigit():
            filters.issued_by = ""
        if filters.scan not in SCAN_FILTERS:
            filters.scan = ""
        for name in ("date_from", "date_to"):
            if _date(getattr(filters, name)) is None:
                setattr(filters, name, "")
        return filters

    def as_args(self):
        return {name: value for name, value in asdict(self).items() if value}

    def describe(self):
        """In words, for the ZIP's name and the printout's heading."""
        parts = []
        if self.kind:
            parts.append(get_kind(self.kind).title)
        elif self.register:
            parts.append(REGISTERS[self.register].title)
        if self.status:
            parts.append(DocumentStatus(self.status).label)
        if self.date_from:
            parts.append(f"с {ru_date(_date(self.date_from))}")
        if self.date_to:
            parts.append(f"по {ru_date(_date(self.date_to))}")
        if self.q:
            parts.append(f"«{self.q}»")
        if self.scan:
            parts.append(SCAN_FILTERS[self.scan])
        return ", ".join(parts) or "все документы"


def register_query(filters: RegisterFilters):
    """Documents matching ``filters``, newest first, with what a row shows loaded in bulk."""
    query = (select(Document)
             .options(selectinload(Document.subjects), selectinload(Document.scans), selectinload(Document.versions))
             .order_by(Document.doc_date.desc(), Document.id.desc()))
    if filters.q:
        query = query.where(Document.search_text.like(contains_pattern(filters.q), escape="\\"))
    if filters.kind:
        query = query.where(Document.kind == filters.kind)
    if filters.register:
        query = query.where(Document.register == filters.register)
    if filters.status:
        query = query.where(Document.status == DocumentStatus(filters.status))
    if filters.issued_by:
        query = query.where(Document.issued_by_id == int(filters.issued_by))
    if filters.date_from:
        query = query.where(Document.doc_date >= _date(filters.date_from))
    if filters.date_to:
        query = query.where(Document.doc_date <= _date(filters.date_to))
    if filters.scan:
        # Signed: a scan of the current version (a correction is unsigned until its own scan comes).
        has_scan = exists().where(SignedScan.document_id == Document.id,
                                  or_(SignedScan.document_version_id.is_(None),
                                      SignedScan.document_version_id == Document.current_version_id))
        query = query.where(has_scan if filters.scan == "yes" else ~has_scan)
    return query


def issuers():
    """The users who have issued documents, for the «Выпустил» filter."""
    return accounts_named(select(Document.issued_by_id).where(Document.issued_by_id.is_not(None)))


def _date(value):
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
