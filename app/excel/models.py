"""An uploaded import file, kept server-side between the preview and the confirmation."""
from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import enum_type
from app.core.errors import RuleError
from app.core.models import TimestampMixin
from app.core.roles import Role
from app.core.storage import StoredFileMixin
from app.core.types import UTCDateTime, utcnow
from app.extensions import db
from app.people.access import EDIT_ROLES


class ImportKind(StrEnum):
    PEOPLE = "people"
    MENTEES = "mentees"
    MENTORS = "mentors"

    @property
    def label(self):
        return {ImportKind.PEOPLE: "люди", ImportKind.MENTEES: "база наставляемых",
                ImportKind.MENTORS: "база наставников"}[self]


class ImportStatus(StrEnum):
    UPLOADED = "uploaded"
    IMPORTED = "imported"
    DISCARDED = "discarded"

    @property
    def label(self):
        return {ImportStatus.UPLOADED: "ожидает подтверждения", ImportStatus.IMPORTED: "загружен",
                ImportStatus.DISCARDED: "отменён"}[self]


class ImportBatch(StoredFileMixin, TimestampMixin, db.Model):
    """The file stays under UPLOAD_ROOT (app.core.storage) so a preview and its confirmation read the same bytes."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ImportKind] = mapped_column(enum_type(ImportKind))
    #: The year mentees or mentors are entered in; empty for people.
    program_year_id: Mapped[int | None] = mapped_column(ForeignKey("program_year.id", ondelete="RESTRICT"))
    status: Mapped[ImportStatus] = mapped_column(enum_type(ImportStatus), default=ImportStatus.UPLOADED)
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    imported_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    rows_imported: Mapped[int] = mapped_column(default=0)
    #: The headings and filled rows, parsed once on upload (app.excel.kept): the file is never read again.
    sheet: Mapped[dict | None] = mapped_column(JSON)
    #: The check of those rows made on upload (importing.ImportReport.to_json), shown by the preview.
    report: Mapped[dict | None] = mapped_column(JSON)

    program_year = relationship("ProgramYear", lazy="joined")
    uploaded_by = relationship("User", lazy="joined")

    def can(self, user, action="view"):
        """The uploader's own file; the curator may finish or cancel anyone's."""
        if not (user.is_authenticated and user.has_any_role(*EDIT_ROLES)):
            return False
        return user.id == self.uploaded_by_id or user.has_role(Role.CURATOR)

    def mark_imported(self, rows):
        self._ensure_waiting()
        self.status, self.imported_at, self.rows_imported = ImportStatus.IMPORTED, utcnow(), rows

    def discard(self):
        self._ensure_waiting()
        self.status = ImportStatus.DISCARDED

    def _ensure_waiting(self):
        if self.status != ImportStatus.UPLOADED:
            raise RuleError(f"Этот файл уже {self.status.label}: загрузите файл заново, если нужно.")
