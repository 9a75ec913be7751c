"""Issued documents and what they are made of: template versions, versions of a document with the data
they were filled with, their PDFs, the records they concern, register counters, signed scans, ZIP
exports.

Nothing here is ever deleted or rewritten: a correction is a new version, a cancelled document keeps
its number, a new scan is a new version of the scan.
"""
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import DDL, JSON, Date, ForeignKey, Index, String, Text, UniqueConstraint, event, func, select
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from app.core.enums import enum_type
from app.core.errors import RuleError
from app.core.roles import Role
from app.core.search import search_key
from app.core.storage import StoredFileMixin
from app.core.types import UTCDateTime, utcnow
from app.extensions import db

#: Who may read the register, open documents and download them (docs/design.md "Who uses it").
READERS = (Role.SECRETARY, Role.CURATOR, Role.DIRECTOR, Role.STAFF)
#: Who numbers, issues, corrects and cancels (docs/design.md: the secretary keeps the register).
ISSUERS = (Role.SECRETARY,)
#: Who may prepare a draft (5.1: the curator prepares drafts of the program's documents).
DRAFTERS = (Role.SECRETARY, Role.CURATOR)
#: Who files signed scans (docs/design.md: staff and the secretary).
SCAN_FILERS = (Role.SECRETARY, Role.STAFF)
#: Who keeps the Word templates.
TEMPLATE_KEEPERS = (Role.ADMIN,)


class DocumentStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    CANCELLED = "cancelled"

    @property
    def label(self):
        return {DocumentStatus.DRAFT: "проект", DocumentStatus.ISSUED: "выпущен",
                DocumentStatus.CANCELLED: "отменён"}[self]


class TemplateOrigin(StrEnum):
    BUILTIN = "builtin"
    UPLOADED = "uploaded"

    @property
    def label(self):
        return {TemplateOrigin.BUILTIN: "из поставки", TemplateOrigin.UPLOADED: "загружен"}[self]


class DocumentTemplate(StoredFileMixin, db.Model):
    """One version of a kind's Word template; exactly one version of a kind is active."""

    __tablename__ = "document_template"
    __table_args__ = (UniqueConstraint("kind", "version_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(64), index=True)
    version_no: Mapped[int]
    origin: Mapped[TemplateOrigin] = mapped_column(enum_type(TemplateOrigin))
    active: Mapped[bool] = mapped_column(default=False)
    comment: Mapped[str | None] = mapped_column(String(500))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    uploaded_by = relationship("User", lazy="joined")

    @property
    def label(self):
        return f"версия {self.version_no} ({self.origin.label})"


class Document(db.Model):
    """A document of the register: its kind, number, date and status; the files are its versions."""

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("register", "year", "number"),
                      # The register's search: a trigram index answers «contains» on PostgreSQL (plain on SQLite,
                      # where a scan of this one column is fast enough at 20,000 documents).
                      Index("ix_document_search_text", "search_text", postgresql_using="gin",
                            postgresql_ops={"search_text": "gin_trgm_ops"}))

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(64), index=True)
    #: Register code (app.documents.registers) and its count for the year; empty for a draft.
    register: Mapped[str | None] = mapped_column(String(32))
    year: Mapped[int | None]
    number: Mapped[int | None]
    #: The number as printed: "12-од".
    number_text: Mapped[str | None] = mapped_column(String(64), index=True)
    doc_date: Mapped[date] = mapped_column(Date, index=True)
    #: The kind's heading at issue time: «О назначении куратора наставнической деятельности».
    title: Mapped[str] = mapped_column(String(300))
    #: Whom or what it concerns, for the register: «Морозова О.Н.».
    summary: Mapped[str] = mapped_column(String(300), default="")
    #: What the register's search looks in, folded by search_key(): the number, the heading, the summary and the
    #: labels of what it concerns; kept in step by refresh_search_text() wherever the services change them.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[DocumentStatus] = mapped_column(enum_type(DocumentStatus), index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancel_reason: Mapped[str | None] = mapped_column(String(500))

    created_by = relationship("User", foreign_keys=[created_by_id], lazy="joined")
    issued_by = relationship("User", foreign_keys=[issued_by_id], lazy="joined")
    cancelled_by = relationship("User", foreign_keys=[cancelled_by_id])
    versions: Mapped[list["DocumentVersion"]] = relationship(
        back_populates="document", order_by="DocumentVersion.version_no", foreign_keys="DocumentVersion.document_id")
    subjects: Mapped[list["DocumentSubject"]] = relationship(back_populates="document",
                                                             order_by="DocumentSubject.id")
    scans: Mapped[list["SignedScan"]] = relationship(back_populates="document", order_by="SignedScan.version_no")

    # Status transitions ---------------------------------------------------------------------------

    def mark_issued(self, user, moment):
        """A draft becomes an issued document; it is given its number by the caller."""
        if self.status != DocumentStatus.DRAFT:
            raise RuleError(f"Выпустить можно только проект; этот документ {self.status.label}.")
        self.status = DocumentStatus.ISSUED
        self.issued_by_id = user.id
        self.issued_at = moment

    def cancel(self, user, reason, moment):
        """Cancelled, never deleted: the number stays taken and the files stay."""
        if self.status == DocumentStatus.CANCELLED:
            raise RuleError("Документ уже отменён.")
        reason = (reason or "").strip()
        if not reason:
            raise RuleError("Укажите причину отмены.", field="reason")
        self.status = DocumentStatus.CANCELLED
        self.cancelled_by_id = user.id
        self.cancelled_at = moment
        self.cancel_reason = reason[:500]

    def ensure_correctable(self):
        if self.status == DocumentStatus.CANCELLED:
            raise RuleError("Отменённый документ не исправляют: выпустите новый.")

    def refresh_search_text(self):
        """One folded column for the register's search (issue 12: ILIKE over three columns and the subjects'
        labels could use no index: 0.25 s a search at 10× a college)."""
        self.search_text = search_key(" | ".join([self.number_text or "", self.title or "", self.summary or "",
                                                  *(subject.label for subject in self.subjects)]))

    # Reading --------------------------------------------------------------------------------------

    @property
    def current_version(self):
        return self.versions[-1] if self.versions else None

    @property
    def current_scans(self):
        """The scans of the paper printed from the current version: a correction is unsigned until its scan comes."""
        return [scan for scan in self.scans if self.signed_by_scan(scan)]

    @property
    def current_scan(self):
        scans = self.current_scans
        return scans[-1] if scans else None

    def signed_by_scan(self, scan):
        """Whether ``scan`` signs the current version (a scan filed before versions were recorded counts)."""
        return scan.document_version_id is None or scan.document_version_id == self.current_version_id

    @property
    def kind_spec(self):
        from app.documents.kinds import get_kind
        return get_kind(self.kind)

    @property
    def kind_title(self):
        spec = self.kind_spec
        return spec.title if spec else self.kind

    @property
    def concerned(self):
        """Whom it concerns: the records it is linked to, then the people it names that no record stands for (a row
        typed by hand in an awards order)."""
        labels = list(dict.fromkeys(subject.label for subject in self.subjects))
        spec, version = self.kind_spec, self.current_version
        named = spec.concerned(version.context) if spec and version else []
        return labels + [name for name in dict.fromkeys(named) if name not in labels]

    @property
    def reference(self):
        """«№ 12-од от 01.09.2026»: how a sentence cites it after its kind («утверждён приказом № 12-од от …»)."""
        number = f"№ {self.number_text} " if self.number_text else ""
        return f"{number}от {self.doc_date.strftime('%d.%m.%Y')}"

    @property
    def label(self):
        """«Приказ о замене наставника № 12-од от 01.09.2026» — how pages and files name it."""
        number = f" № {self.number_text}" if self.number_text else ""
        return f"{self.kind_title}{number} от {self.doc_date.strftime('%d.%m.%Y')}"

    def can(self, user, action="view"):
        """Record-level access: ``view``, ``issue`` (issue, correct, cancel), ``draft``, ``file_scan``."""
        roles = {"view": READERS, "issue": ISSUERS, "draft": DRAFTERS, "file_scan": SCAN_FILERS}[action]
        if action == "draft" and self.status != DocumentStatus.DRAFT:
            roles = ISSUERS
        return user.has_any_role(*roles)


class DocumentVersion(StoredFileMixin, db.Model):
    """The .docx as issued, with the template version and the exact data it was filled with."""

    __tablename__ = "document_version"
    __table_args__ = (UniqueConstraint("document_id", "version_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    version_no: Mapped[int]
    template_id: Mapped[int] = mapped_column(ForeignKey("document_template.id"), index=True)
    #: Everything the template was given: the college's details as they were, the number, the fields.
    context: Mapped[dict] = mapped_column(JSON)
    #: The version this one corrects.
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("document_version.id"))
    #: Why it was corrected (empty on the first version).
    reason: Mapped[str | None] = mapped_column(String(500))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: Why the PDF could not be made, shown on the document's page until a conversion succeeds.
    pdf_error: Mapped[str | None] = mapped_column(String(1000))

    document: Mapped[Document] = relationship(back_populates="versions", foreign_keys=[document_id])
    template: Mapped[DocumentTemplate] = relationship(lazy="joined")
    replaces = relationship("DocumentVersion", remote_side=[id])
    created_by = relationship("User", lazy="joined")
    pdf: Mapped["DocumentPdf | None"] = relationship(back_populates="version", uselist=False)


#: The id of the document's latest version, read with the document itself (no query per document in a list).
Document.current_version_id = column_property(
    select(func.max(DocumentVersion.id)).where(DocumentVersion.document_id == Document.id).correlate_except(
        DocumentVersion).scalar_subquery())


class DocumentPdf(StoredFileMixin, db.Model):
    """The PDF of one version, made once and served again byte for byte."""

    __tablename__ = "document_pdf"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("document_version.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    version: Mapped[DocumentVersion] = relationship(back_populates="pdf")


#: The trigram operators of the register's search index (PostgreSQL; create_all as the migration does).
event.listen(Document.__table__, "before_create",
             DDL("CREATE EXTENSION IF NOT EXISTS pg_trgm").execute_if(dialect="postgresql"))


class DocumentSubject(db.Model):
    """What a document concerns, by type and id, so the engine needs no other domain's models."""

    __tablename__ = "document_subject"
    __table_args__ = (Index("ix_document_subject_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    #: The record's kind as its domain names it: "user", "person", "partner", "application"…
    subject_type: Mapped[str] = mapped_column(String(50))
    subject_id: Mapped[int]
    #: Its part in the document: "curator", "mentor", "mentee", "partner", "candidate"…
    role: Mapped[str] = mapped_column(String(50))
    #: How to show it without loading the record: «Морозова О.Н.».
    label: Mapped[str] = mapped_column(String(300))

    document: Mapped[Document] = relationship(back_populates="subjects")


class RegisterCounter(db.Model):
    """The last number given in a register in a year; its row is the lock numbering takes."""

    __tablename__ = "register_counter"
    __table_args__ = (UniqueConstraint("register", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    register: Mapped[str] = mapped_column(String(32))
    year: Mapped[int]
    last_number: Mapped[int] = mapped_column(default=0)


class SignedScan(StoredFileMixin, db.Model):
    """A scan of the signed paper, a new version on each upload; the original file name is kept."""

    __tablename__ = "signed_scan"
    __table_args__ = (UniqueConstraint("document_id", "version_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    version_no: Mapped[int]
    #: The version of the document the paper was printed from.
    document_version_id: Mapped[int | None] = mapped_column(ForeignKey("document_version.id"))
    #: The participant the scan is for, when the document concerns several (the papers' checklists).
    subject_type: Mapped[str | None] = mapped_column(String(50))
    subject_id: Mapped[int | None]
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    document: Mapped[Document] = relationship(back_populates="scans")
    uploaded_by = relationship("User", lazy="joined")

    def can(self, user, action="view"):
        return self.document.can(user, action)


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"

    @property
    def label(self):
        return {JobStatus.QUEUED: "в очереди", JobStatus.RUNNING: "собирается", JobStatus.DONE: "готов",
                JobStatus.FAILED: "ошибка"}[self]


class DocumentArchive(StoredFileMixin, db.Model):
    """A built ZIP of documents."""

    __tablename__ = "document_archive"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ArchiveJob(db.Model):
    """A ZIP being built in the background; the page polls its progress."""

    __tablename__ = "document_archive_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[JobStatus] = mapped_column(enum_type(JobStatus), default=JobStatus.QUEUED)
    #: The documents chosen when it was requested (later issues do not slip in).
    document_ids: Mapped[list] = mapped_column(JSON)
    total: Mapped[int] = mapped_column(default=0)
    done: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(String(1000))
    archive_id: Mapped[int | None] = mapped_column(ForeignKey("document_archive.id"))

    archive: Mapped[DocumentArchive | None] = relationship()

    @property
    def percent(self):
        if self.status == JobStatus.DONE:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0

    def start(self):
        if self.status != JobStatus.QUEUED:
            raise RuleError(f"Архив уже {self.status.label}.")
        self.status = JobStatus.RUNNING

    def finish(self, archive, moment):
        if self.status != JobStatus.RUNNING:
            raise RuleError(f"Архив {self.status.label}: завершить нельзя.")
        self.status = JobStatus.DONE
        self.archive = archive
        self.done = self.total
        self.finished_at = moment

    def fail(self, message, moment):
        self.status = JobStatus.FAILED
        self.error = message[:1000]
        self.finished_at = moment

    def can(self, user, action="view"):
        """A ZIP is its requester's: it was built from what his filters chose."""
        return user.id == self.requested_by_id
