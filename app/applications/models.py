"""Mentor candidates (4.12, 4.13): their applications (Приложение 5), how they were put forward, and the files
a participant hands in that are not printed here (the portfolio, the papers of agreement 2.2).

The application is what the selection commission reviews: it moves submitted -> under review ->
selected / not selected (or withdrawn) only through the transition methods below.
"""
from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import enum_type
from app.core.errors import RuleError
from app.core.models import TimestampMixin
from app.core.storage import StoredFileMixin
from app.core.types import UTCDateTime, utcnow
from app.documents.links import LinkedDocumentsMixin, PaperState
from app.extensions import db
from app.people.access import PersonalDataAccess


class ApplicationStatus(StrEnum):
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    SELECTED = "selected"
    NOT_SELECTED = "not_selected"
    WITHDRAWN = "withdrawn"

    @property
    def label(self):
        return {ApplicationStatus.SUBMITTED: "заявление подано",
                ApplicationStatus.UNDER_REVIEW: "на рассмотрении комиссии",
                ApplicationStatus.SELECTED: "отобран", ApplicationStatus.NOT_SELECTED: "не отобран",
                ApplicationStatus.WITHDRAWN: "заявление отозвано"}[self]


class NominationKind(StrEnum):
    """4.13: a candidate is put forward by the administration or by a collective of staff (or applies himself)."""

    ADMINISTRATION = "administration"
    COLLECTIVE = "collective"

    @property
    def label(self):
        """How a candidate came: «выдвинут администрацией»."""
        return {NominationKind.ADMINISTRATION: "выдвинут администрацией",
                NominationKind.COLLECTIVE: "выдвинут коллективом сотрудников"}[self]

    @property
    def title(self):
        """What the nomination is: «Выдвижение администрацией»."""
        return {NominationKind.ADMINISTRATION: "Выдвижение администрацией",
                NominationKind.COLLECTIVE: "Выдвижение коллективом сотрудников"}[self]


class Nomination(LinkedDocumentsMixin, PersonalDataAccess, TimestampMixin, db.Model):
    """Putting candidates forward (4.13): a draft order, and for the administration an approval sheet."""

    __tablename__ = "nomination"
    subject_type = "nomination"
    #: The paper signed back is the approval sheet (administration); the draft order is signed by the director.
    #: Every candidate and the curator sign the one sheet, so its scan is filed against the document for no one
    #: participant (``paper_person`` is None). A collective's signed представление is a PresentationScan.
    document_kind = "approval_sheet"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_year_id: Mapped[int] = mapped_column(ForeignKey("program_year.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[NominationKind] = mapped_column(enum_type(NominationKind))
    nominated_on: Mapped[date]
    #: The collective that wrote the представление: «инициативная группа преподавателей отделения …».
    nominated_by: Mapped[str | None] = mapped_column(String(300))
    #: The представление's text (free form, to the director).
    presentation: Mapped[str | None] = mapped_column(Text)
    #: The heading of the draft order the candidates and the curator approve (administration).
    order_title: Mapped[str | None] = mapped_column(String(300))
    approval_deadline: Mapped[date | None]
    #: The curator who approves the draft order with the candidates (administration).
    curator_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))

    program_year = relationship("ProgramYear", lazy="joined")
    curator = relationship("User", foreign_keys=[curator_id])
    created_by = relationship("User", foreign_keys=[created_by_id])
    candidates: Mapped[list["NominationCandidate"]] = relationship(
        back_populates="nomination", cascade="all, delete-orphan", order_by="NominationCandidate.id")
    presentation_scans: Mapped[list["PresentationScan"]] = relationship(
        back_populates="nomination", order_by="PresentationScan.version_no")

    @property
    def order_document(self):
        return self.current_document_of("order_nominate_mentors")

    @property
    def approval_sheet(self):
        return self.current_document_of("approval_sheet")

    @property
    def label(self):
        return f"{self.kind.title} {self.nominated_on.strftime('%d.%m.%Y')}"

    @property
    def presentation_state(self):
        """A collective's представление: SIGNED once its signed paper is scanned, else MISSING (None otherwise)."""
        if self.kind != NominationKind.COLLECTIVE:
            return None
        return PaperState.SIGNED if self.presentation_scans else PaperState.MISSING


class PresentationScan(StoredFileMixin, db.Model):
    """The scan of a collective's signed представление to the director (4.13: «составленного в произвольной форме
    на имя директора»): the collective's own paper, not one printed here. Each upload is a new version."""

    __tablename__ = "presentation_scan"
    __table_args__ = (UniqueConstraint("nomination_id", "version_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="RESTRICT"), index=True)
    version_no: Mapped[int]
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    nomination: Mapped[Nomination] = relationship(back_populates="presentation_scans")
    uploaded_by = relationship("User", lazy="joined")

    def can(self, user, action="view"):
        return self.nomination.can(user, action)


class NominationCandidate(db.Model):
    __tablename__ = "nomination_candidate"
    __table_args__ = (UniqueConstraint("nomination_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    mentorship_form_id: Mapped[int] = mapped_column(ForeignKey("mentorship_form.id", ondelete="RESTRICT"))
    #: 4.13 «Выдвижение … куратора»: put forward as the curator (his criteria: the teacher form's and his own).
    for_curator: Mapped[bool] = mapped_column(default=False, server_default=sa.false())

    nomination: Mapped[Nomination] = relationship(back_populates="candidates")
    person = relationship("Person", lazy="joined")
    mentorship_form = relationship("MentorshipForm", lazy="joined")


class CandidateApplication(LinkedDocumentsMixin, PersonalDataAccess, TimestampMixin, db.Model):
    """«Заявление кандидата в наставники» (Приложение 5) with every field of the form."""

    __tablename__ = "candidate_application"
    __table_args__ = (UniqueConstraint("person_id", "program_year_id"),)
    subject_type = "candidate_application"
    document_kind = "candidate_application"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    program_year_id: Mapped[int] = mapped_column(ForeignKey("program_year.id", ondelete="RESTRICT"), index=True)
    #: The form of mentorship he applies for (Приложение 1 gives each form its criteria).
    mentorship_form_id: Mapped[int] = mapped_column(ForeignKey("mentorship_form.id", ondelete="RESTRICT"),
                                                    index=True)
    #: How he was put forward (4.13); empty when he applied of his own accord.
    nomination_id: Mapped[int | None] = mapped_column(ForeignKey("nomination.id", ondelete="SET NULL"), index=True)
    #: «(полные ф.и.о. и должность кандидата в наставники)»: the position, or the group for a student.
    position: Mapped[str] = mapped_column(String(300))
    #: «Контакты кандидата: тел. … E-mail: …»
    phone: Mapped[str] = mapped_column(String(32))
    email: Mapped[str] = mapped_column(String(254))
    #: «портфолио на … листах»
    portfolio_pages: Mapped[int]
    #: «С Положением о наставничестве … ознакомлен(а)»
    regulation_acknowledged: Mapped[bool] = mapped_column(default=False)
    #: «Подтверждаю свое согласие на обработку своих персональных данных …» and its date.
    personal_data_consent: Mapped[bool] = mapped_column(default=False)
    personal_data_consent_on: Mapped[date]
    #: «Дата написания заявления»
    applied_on: Mapped[date]
    #: A candidacy for the curator (Приложение 1, last paragraph): scored on the teacher form's criteria and the
    #: curator's own; its outcome is the curator's appointment order, not the registry of mentors.
    for_curator: Mapped[bool] = mapped_column(default=False)
    status: Mapped[ApplicationStatus] = mapped_column(enum_type(ApplicationStatus),
                                                      default=ApplicationStatus.SUBMITTED)
    #: The date of the last move and its basis: the commission's protocol, or the candidate's words.
    status_on: Mapped[date | None]
    decision_basis: Mapped[str | None] = mapped_column(String(500))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))

    person = relationship("Person", lazy="joined")
    program_year = relationship("ProgramYear", lazy="joined")
    mentorship_form = relationship("MentorshipForm", lazy="joined")
    nomination = relationship("Nomination")
    created_by = relationship("User")

    @property
    def paper_person(self):
        return self.person

    @property
    def candidacy_label(self):
        return "кандидат в кураторы" if self.for_curator else "кандидат в наставники"

    @property
    def how_put_forward(self):
        return self.nomination.kind.label if self.nomination is not None else "по собственному желанию"

    # Transitions (the selection moves them from the commission's pages through app.applications.services) --

    def start_review(self, on):
        self._move((ApplicationStatus.SUBMITTED,), ApplicationStatus.UNDER_REVIEW, "передать на рассмотрение "
                   "комиссии", on)

    def record_decision(self, selected, basis, on):
        target = ApplicationStatus.SELECTED if selected else ApplicationStatus.NOT_SELECTED
        self._move((ApplicationStatus.UNDER_REVIEW,), target, "записать решение комиссии", on)
        self.decision_basis = basis

    def return_from_review(self, on):
        """Taken off a meeting's agenda before anyone scored him: he waits for the commission again."""
        self._move((ApplicationStatus.UNDER_REVIEW,), ApplicationStatus.SUBMITTED, "снять заявление с рассмотрения",
                   on)

    def withdraw(self, on, note):
        self._move((ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW), ApplicationStatus.WITHDRAWN,
                   "отозвать заявление", on)
        self.decision_basis = note

    def reinstate(self, on):
        self._move((ApplicationStatus.WITHDRAWN,), ApplicationStatus.SUBMITTED, "вернуть заявление", on)
        self.decision_basis = None

    def _move(self, allowed, target, wanted, on):
        if self.status not in allowed:
            raise RuleError(f"Нельзя {wanted}: сейчас «{self.status.label}».")
        self.status, self.status_on = target, on

    @property
    def editable(self):
        """The fields change while it waits for the commission and its signed paper is not back."""
        return self.status == ApplicationStatus.SUBMITTED and self.printed_state != PaperState.SIGNED


class FileKind(StrEnum):
    """A candidate's portfolio (Приложение 5), or a paper a partner supplies for its mentor (agreement 2.2)."""

    PORTFOLIO = "portfolio"
    PARTNER_PAPER = "partner_paper"


class ParticipantFile(PersonalDataAccess, StoredFileMixin, db.Model):
    """A file a participant hands in for a year that is not printed here: his portfolio (Приложение 5), a
    certificate of no criminal record or a medical certificate (agreement 2.2). Each upload is a new version."""

    __tablename__ = "participant_file"
    __table_args__ = (UniqueConstraint("person_id", "program_year_id", "kind", "title", "version_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    program_year_id: Mapped[int] = mapped_column(ForeignKey("program_year.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[FileKind] = mapped_column(enum_type(FileKind))
    #: «Портфолио», «Справка об отсутствии судимости» (the settings list the papers of 2.2).
    title: Mapped[str] = mapped_column(String(200))
    version_no: Mapped[int]
    #: The date on the paper (a certificate's date of issue), when given.
    paper_date: Mapped[date | None]
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    person = relationship("Person")
    program_year = relationship("ProgramYear")
    uploaded_by = relationship("User", lazy="joined")
