"""The selection of mentors and the curator (4.13, Приложение 1): the criteria candidates are scored on,
the commission created by the director's order, its meetings, the candidates on their agendas, and each
member's review (scores, comment, vote) of each candidate."""
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import enum_type
from app.core.errors import RuleError
from app.core.models import TimestampMixin
from app.core.types import UTCDateTime
from app.extensions import db
from app.programs.models import MentorshipForm


class CriterionScope(StrEnum):
    #: Every candidate, mentor or curator: Приложение 1, "общие и обязательные критерии".
    COMMON = "common"
    #: Candidates of one form of mentorship: "дополнительные критерии в соответствии с формами".
    FORM = "form"
    #: The curator's own selection, on top of the teacher form's criteria (the last paragraph).
    CURATOR = "curator"

    @property
    def label(self):
        return {CriterionScope.COMMON: "общие и обязательные критерии",
                CriterionScope.FORM: "дополнительные критерии формы наставничества",
                CriterionScope.CURATOR: "дополнительные критерии отбора куратора"}[self]


class SelectionCriterion(TimestampMixin, db.Model):
    """One criterion of Приложение 1; data, so a form added later gets its own list."""

    __tablename__ = "selection_criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[CriterionScope] = mapped_column(enum_type(CriterionScope, 16), index=True)
    #: Set for FORM criteria only.
    mentorship_form_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentorship_form.id", ondelete="CASCADE"), index=True)
    #: A heading several criteria share («Высокий уровень развития ключевых компетенций»).
    group: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=100)
    #: An inactive criterion stays on the reviews that used it but is not offered for new ones.
    active: Mapped[bool] = mapped_column(default=True)

    mentorship_form: Mapped[MentorshipForm | None] = relationship()

    @property
    def label(self):
        return f"{self.group}: {self.text}" if self.group else self.text

    def __repr__(self):
        return f"<SelectionCriterion {self.scope} {self.text[:30]!r}>"


class CommissionRole(StrEnum):
    """A member's place in the commission; the words match the order (kind order_create_commission)."""

    CHAIR = "chair"
    MEMBER = "member"
    SECRETARY = "secretary"

    @property
    def label(self):
        return {CommissionRole.CHAIR: "председатель комиссии", CommissionRole.MEMBER: "член комиссии",
                CommissionRole.SECRETARY: "секретарь комиссии"}[self]


class Commission(TimestampMixin, db.Model):
    """One composition of a program year's selection commission, created by one director's order (4.13).

    A later order makes a new composition and supersedes this one; the history stays.
    """

    __tablename__ = "commission"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_year_id: Mapped[int] = mapped_column(ForeignKey("program_year.id", ondelete="RESTRICT"), index=True)
    #: The order that created this composition (issued through the document engine).
    order_document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="RESTRICT"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    #: Set when a later order replaced this composition.
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("commission.id", ondelete="SET NULL"))

    program_year = relationship("ProgramYear")
    order_document = relationship("Document")
    members: Mapped[list["CommissionMember"]] = relationship(
        back_populates="commission", cascade="all, delete-orphan", lazy="selectin",
        order_by="CommissionMember.position")
    meetings: Mapped[list["CommissionMeeting"]] = relationship(
        back_populates="commission", order_by="CommissionMeeting.meeting_date")

    @property
    def is_current(self):
        return self.superseded_by_id is None

    @property
    def chair(self):
        return next((member for member in self.members if member.role == CommissionRole.CHAIR), None)

    def member_for(self, user):
        return next((member for member in self.members if member.user_id == getattr(user, "id", None)), None)

    @property
    def quorum(self):
        """More than half of the members (4.13): the fewest present for the commission to decide."""
        return len(self.members) // 2 + 1

    def can(self, user, action="view"):
        """``view``: its members and the roles that run the selection; ``manage``: the secretary."""
        from app.core.roles import Role

        if action == "manage":
            return user.has_role(Role.SECRETARY)
        return self.member_for(user) is not None or user.has_any_role(Role.SECRETARY, Role.DIRECTOR, Role.CURATOR)


class CommissionMember(db.Model):
    __tablename__ = "commission_member"
    __table_args__ = (UniqueConstraint("commission_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    commission_id: Mapped[int] = mapped_column(ForeignKey("commission.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    role: Mapped[CommissionRole] = mapped_column(enum_type(CommissionRole, 16))
    #: The position printed in the order, as it was on the order's date.
    position_title: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(default=0)

    commission: Mapped[Commission] = relationship(back_populates="members")
    user = relationship("User", lazy="joined")


class MeetingStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"

    @property
    def label(self):
        return {MeetingStatus.OPEN: "идёт", MeetingStatus.CLOSED: "закрыто"}[self]


meeting_attendance = Table(
    "meeting_attendance",
    db.metadata,
    Column("meeting_id", ForeignKey("commission_meeting.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", ForeignKey("commission_member.id", ondelete="CASCADE"), primary_key=True),
)


class CommissionMeeting(TimestampMixin, db.Model):
    """A meeting (заседание) of one composition: its date, the members present, the candidates on its agenda;
    closing freezes it, records the decisions and issues the protocol."""

    __tablename__ = "commission_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    commission_id: Mapped[int] = mapped_column(ForeignKey("commission.id", ondelete="RESTRICT"), index=True)
    meeting_date: Mapped[date]
    status: Mapped[MeetingStatus] = mapped_column(enum_type(MeetingStatus, 16), default=MeetingStatus.OPEN)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    #: The protocol issued when the meeting closed (kind commission_protocol); none when nobody was on the agenda.
    protocol_document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="RESTRICT"))
    #: The director's order approving the registry of mentors from this protocol (4.13, Приложение 4).
    registry_order_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="RESTRICT"))

    commission: Mapped[Commission] = relationship(back_populates="meetings")
    present: Mapped[list[CommissionMember]] = relationship(secondary=meeting_attendance, lazy="selectin",
                                                           order_by=CommissionMember.position)
    candidates: Mapped[list["MeetingCandidate"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingCandidate.position")
    protocol_document = relationship("Document", foreign_keys=[protocol_document_id])
    registry_order = relationship("Document", foreign_keys=[registry_order_id])

    @property
    def is_open(self):
        return self.status == MeetingStatus.OPEN

    @property
    def has_quorum(self):
        return len(self.present) >= self.commission.quorum

    def ensure_open(self):
        if not self.is_open:
            raise RuleError("Заседание закрыто: его состав и решения больше не меняются.", section="4.13")

    def close(self, user, moment):
        self.ensure_open()
        self.status = MeetingStatus.CLOSED
        self.closed_at = moment
        self.closed_by_id = user.id

    def member_present(self, user):
        """The user's membership if he is on this composition and marked present, else None."""
        return next((member for member in self.present if member.user_id == getattr(user, "id", None)), None)

    @property
    def papers(self):
        """The papers the meeting produced, in the order they are issued: protocol, registry order, curator orders."""
        documents = [self.protocol_document, self.registry_order,
                     *(item.appointment_order for item in self.candidates)]
        return [document for document in documents if document is not None]

    def can(self, user, action="view"):
        """``view`` and ``manage`` as the composition's; ``review``: a member of this composition."""
        if action == "review":
            return self.commission.member_for(user) is not None
        return self.commission.can(user, action)


class Vote(StrEnum):
    """A member's vote on a candidate (4.13)."""

    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"

    @property
    def label(self):
        return {Vote.FOR: "за", Vote.AGAINST: "против", Vote.ABSTAIN: "воздержался"}[self]


class MeetingCandidate(TimestampMixin, db.Model):
    """A candidate on a meeting's agenda — his application — and, once the meeting closed, the decision."""

    __tablename__ = "meeting_candidate"
    __table_args__ = (UniqueConstraint("meeting_id", "application_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("commission_meeting.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("candidate_application.id", ondelete="RESTRICT"),
                                                index=True)
    position: Mapped[int] = mapped_column(default=0)
    added_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    #: The decision recorded when the meeting closed (4.13); None while it is open, or for a withdrawn candidate.
    selected: Mapped[bool | None]
    votes_for: Mapped[int | None]
    votes_against: Mapped[int | None]
    votes_abstained: Mapped[int | None]
    #: Exactly half of those present voted «за»: the chair's vote decided.
    by_chair: Mapped[bool] = mapped_column(default=False)
    #: The sum of the counted members' scores, as the protocol prints it.
    total_score: Mapped[int | None]
    #: The curator's appointment order issued on a selected curator candidacy (Приложение 1, last paragraph).
    appointment_order_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="RESTRICT"))

    meeting: Mapped[CommissionMeeting] = relationship(back_populates="candidates")
    application = relationship("CandidateApplication", lazy="joined")
    reviews: Mapped[list["Review"]] = relationship(back_populates="candidate", cascade="all, delete-orphan",
                                                   lazy="selectin", order_by="Review.id")
    appointment_order = relationship("Document", foreign_keys=[appointment_order_id])

    @property
    def person(self):
        return self.application.person

    @property
    def decided(self):
        return self.selected is not None

    @property
    def decision_label(self):
        if self.selected is None:
            return ""
        chair = " (решающий голос председателя)" if self.by_chair else ""
        return ("отобран" if self.selected else "не отобран") + chair

    def review_by(self, member):
        return next((review for review in self.reviews if member is not None and review.member_id == member.id),
                    None)

    def can(self, user, action="view"):
        return self.meeting.can(user, action)


class Review(TimestampMixin, db.Model):
    """One member's review of one candidate at one meeting: a score on each criterion, a comment, a vote.

    One per member and candidate (4.13: nobody votes twice); he may change it while the meeting is open.
    """

    __tablename__ = "commission_review"
    __table_args__ = (UniqueConstraint("candidate_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("meeting_candidate.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("commission_member.id", ondelete="RESTRICT"), index=True)
    vote: Mapped[Vote] = mapped_column(enum_type(Vote, 16))
    comment: Mapped[str | None] = mapped_column(Text)

    candidate: Mapped[MeetingCandidate] = relationship(back_populates="reviews")
    member: Mapped[CommissionMember] = relationship(lazy="joined")
    scores: Mapped[list["ReviewScore"]] = relationship(back_populates="review", cascade="all, delete-orphan",
                                                       lazy="selectin", order_by="ReviewScore.id")

    @property
    def total(self):
        return sum(row.score for row in self.scores)

    def score_for(self, criterion):
        return next((row.score for row in self.scores if row.criterion_id == criterion.id), None)


class ReviewScore(db.Model):
    """A member's score of a candidate on one criterion of Приложение 1, on the scale of app.selection.reviews."""

    __tablename__ = "review_score"
    __table_args__ = (UniqueConstraint("review_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("commission_review.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("selection_criterion.id", ondelete="RESTRICT"), index=True)
    score: Mapped[int]

    review: Mapped[Review] = relationship(back_populates="scores")
    criterion: Mapped[SelectionCriterion] = relationship(lazy="joined")
