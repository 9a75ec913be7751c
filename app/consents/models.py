"""The papers of 4.11 a participant (or, for a minor, his parent) signs: consents to personal-data processing and
applications to take part in the Program. Each is printed as a document of the engine and comes back as a scan.

Which papers are once per person and which per program year (4.11 collects consents only "от тех участников …,
которые еще не давали такого согласия"):

- consent to personal-data processing, own or a parent's: once per person, valid until withdrawn; the parent's
  counts while the participant is a minor, his own from 18;
- the mentee's participation application and the parent's participation application: per program year — they
  name the year, and the mentee's carries the year's main request.
"""
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import enum_type
from app.core.errors import RuleError
from app.core.types import UTCDateTime, utcnow
from app.documents.links import LinkedDocumentsMixin, PaperState
from app.extensions import db
from app.people.access import PersonalDataAccess


class ParticipantRole(StrEnum):
    MENTEE = "mentee"
    MENTOR = "mentor"
    CANDIDATE = "candidate"

    @property
    def label(self):
        return {ParticipantRole.MENTEE: "наставляемый", ParticipantRole.MENTOR: "наставник",
                ParticipantRole.CANDIDATE: "кандидат в наставники"}[self]

    @property
    def genitive(self):
        """«в качестве наставника»: the words the papers print (the choices of app.consents.kinds)."""
        return {ParticipantRole.MENTEE: "наставляемого", ParticipantRole.MENTOR: "наставника",
                ParticipantRole.CANDIDATE: "кандидата в наставники"}[self]


class ConsentKind(StrEnum):
    PERSONAL_DATA = "personal_data"
    PERSONAL_DATA_PARENT = "personal_data_parent"
    MENTEE_APPLICATION = "mentee_application"
    PARENT_APPLICATION = "parent_application"

    @property
    def label(self):
        return CONSENT_LABELS[self]

    @property
    def document_kind(self):
        return {ConsentKind.PERSONAL_DATA: "consent_personal_data",
                ConsentKind.PERSONAL_DATA_PARENT: "consent_personal_data_parent",
                ConsentKind.MENTEE_APPLICATION: "participation_application_mentee",
                ConsentKind.PARENT_APPLICATION: "participation_application_parent"}[self]

    @property
    def per_year(self):
        return self in (ConsentKind.MENTEE_APPLICATION, ConsentKind.PARENT_APPLICATION)

    @property
    def by_representative(self):
        """Signed by a parent or legal representative of a minor (4.11)."""
        return self in (ConsentKind.PERSONAL_DATA_PARENT, ConsentKind.PARENT_APPLICATION)

    @property
    def withdrawable(self):
        """A consent to personal-data processing may be withdrawn by its giver (152-ФЗ, ст. 9)."""
        return self in PERSONAL_DATA_KINDS


CONSENT_LABELS = {
    ConsentKind.PERSONAL_DATA: "Согласие на обработку персональных данных",
    ConsentKind.PERSONAL_DATA_PARENT: "Согласие родителя (законного представителя) на обработку персональных данных",
    ConsentKind.MENTEE_APPLICATION: "Заявление на участие в Программе наставничества",
    ConsentKind.PARENT_APPLICATION: "Заявление родителя (законного представителя) на участие в Программе "
                                    "наставничества",
}

PERSONAL_DATA_KINDS = (ConsentKind.PERSONAL_DATA, ConsentKind.PERSONAL_DATA_PARENT)


class Consent(LinkedDocumentsMixin, PersonalDataAccess, db.Model):
    """One paper of 4.11 as printed for a person: its state comes from the register (printed, signed scan)."""

    __tablename__ = "consent"
    __table_args__ = (Index("ix_consent_person_kind", "person_id", "kind"),)
    subject_type = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    kind: Mapped[ConsentKind] = mapped_column(enum_type(ConsentKind))
    #: The year of a per-year paper (participation applications); empty for a consent given once.
    program_year_id: Mapped[int | None] = mapped_column(ForeignKey("program_year.id", ondelete="RESTRICT"),
                                                        index=True)
    #: The participant's part as printed: «в качестве наставляемого».
    role: Mapped[ParticipantRole] = mapped_column(enum_type(ParticipantRole))
    #: Who signs for a minor; kept by name too, should the representative later be removed from the card.
    representative_id: Mapped[int | None] = mapped_column(
        ForeignKey("legal_representative.id", ondelete="SET NULL"), index=True)
    representative_name: Mapped[str | None] = mapped_column(String(300))
    #: The date on the paper.
    given_on: Mapped[date]
    #: A withdrawn consent: from this date the person enters no new pair and is flagged.
    withdrawn_on: Mapped[date | None]
    withdrawal_note: Mapped[str | None] = mapped_column(String(500))
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    person = relationship("Person", lazy="joined")
    representative = relationship("LegalRepresentative")
    program_year = relationship("ProgramYear")
    created_by = relationship("User", foreign_keys=[created_by_id])
    withdrawn_by = relationship("User", foreign_keys=[withdrawn_by_id])

    @property
    def document_kind(self):
        return self.kind.document_kind

    @property
    def state(self):
        """WITHDRAWN from its withdrawal on; otherwise what the register shows."""
        if self.withdrawn_on is not None:
            return PaperState.WITHDRAWN
        return self.printed_state

    @property
    def title(self):
        year = f" на {self.program_year.title} учебный год" if self.kind.per_year and self.program_year else ""
        return f"{self.kind.label}{year}"

    @property
    def paper_person(self):
        """The participant the paper is for: a scan is filed for him."""
        return self.person

    def withdraw(self, on, note, user):
        """Withdraw a consent that was printed (or signed); a withdrawal is not undone — a new consent is."""
        if not self.kind.withdrawable:
            raise RuleError("Отозвать можно согласие на обработку персональных данных; заявление на участие "
                            "не отзывается — отметьте выбытие участника в базе.")
        if self.withdrawn_on is not None:
            raise RuleError("Согласие уже отозвано.")
        if self.printed_state == PaperState.MISSING:
            raise RuleError("Документ согласия отменён или не выпущен: отзывать нечего.")
        self.withdrawn_on, self.withdrawal_note, self.withdrawn_by_id = on, note, user.id

    def __repr__(self):
        return f"<Consent {self.id} {self.kind} person={self.person_id}>"
