"""Individual development plans (4.1, 4.7, 4.14, 6.1, 7.1) and the log of meetings (Приложение 14, 5.2, 6.1).

A form of mentorship has a typical plan (``TypicalPlanItem`` rows the curator edits); a pairing's individual plan
starts as a copy of its form's typical plan and is then the pair's own: each item has a task, an expected result,
a deadline, who is responsible, a status, the mentor's mark (6.1: he evaluates the actual result) and the mentee's
report (7.1: he reports to the mentor). The plan prints through the documents' engine and its signed scan is filed
against the printed document (``LinkedDocumentsMixin``).

A meeting is of one of the kinds the roadmap of Приложение 14 names; a pair's meeting belongs to one pairing, a
group meeting of mentors and mentees (stages 5 and 7) links every pairing whose people attended, recorded once.
The rules are in app.pairs.plans and app.pairs.meetings.
"""
from datetime import date
from enum import StrEnum

from flask import url_for
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import enum_type
from app.core.models import TimestampMixin
from app.core.roles import Role
from app.documents.links import LinkedDocumentsMixin
from app.extensions import db


class TypicalPlanItem(TimestampMixin, db.Model):
    """An item of a form's typical plan (4.1): the pairs of the form start their plans from these."""

    __tablename__ = "typical_plan_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_form_id: Mapped[int] = mapped_column(ForeignKey("mentorship_form.id", ondelete="CASCADE"),
                                                    index=True)
    position: Mapped[int] = mapped_column(default=0)
    task: Mapped[str] = mapped_column(Text)
    expected_result: Mapped[str | None] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(String(200))
    #: The deadline, in weeks from the pair's start (empty: the pair sets it).
    weeks_from_start: Mapped[int | None]

    mentorship_form = relationship("MentorshipForm", lazy="joined")


class PlanItemStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_DONE = "not_done"

    @property
    def label(self):
        return {PlanItemStatus.PLANNED: "запланировано", PlanItemStatus.IN_PROGRESS: "выполняется",
                PlanItemStatus.DONE: "выполнено", PlanItemStatus.NOT_DONE: "не выполнено"}[self]

    @property
    def finished(self):
        """Done or not done: the mentor has evaluated the actual result (6.1)."""
        return self in (PlanItemStatus.DONE, PlanItemStatus.NOT_DONE)


class IndividualPlan(LinkedDocumentsMixin, TimestampMixin, db.Model):
    """«Индивидуальный план развития наставляемого под руководством наставника» of one pairing."""

    __tablename__ = "individual_plan"
    subject_type = "individual_plan"
    document_kind = "individual_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    pairing_id: Mapped[int] = mapped_column(ForeignKey("pairing.id", ondelete="CASCADE"), unique=True)
    #: 4.1: the pair develops its plan «с учетом выбранной ролевой модели».
    role_model: Mapped[str | None] = mapped_column(String(300))
    #: 4.7: the planned results, from the analysis of the mentee's need for development.
    planned_results: Mapped[str | None] = mapped_column(Text)

    pairing = relationship("Pairing", lazy="joined", backref=db.backref("plan", uselist=False, lazy="select"))
    items: Mapped[list["PlanItem"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="(PlanItem.position, PlanItem.id)",
        lazy="selectin")

    @property
    def progress(self):
        """(done, total): what the year's page and the person's card show."""
        return sum(item.status == PlanItemStatus.DONE for item in self.items), len(self.items)

    @property
    def paper_person(self):
        """The plan is signed by the mentor and the mentee(s): its scan is filed against the document alone."""
        return None

    @property
    def label(self):
        return f"Индивидуальный план: {self.pairing.title}"

    @property
    def page_url(self):
        """Where a filed scan returns to (the participants' papers route knows no pairs)."""
        return url_for("pairs.plan_view", pairing_id=self.pairing_id)

    def can(self, user, action="view"):
        """``view`` as its pairing; ``file`` (its signed scan): those who file participants' papers."""
        if action == "file":
            return user.is_authenticated and user.has_any_role(Role.CURATOR, Role.STAFF, Role.SECRETARY)
        return self.pairing.can(user, action)


class PlanItem(TimestampMixin, db.Model):
    """One item of an individual plan: the mentor marks it (6.1), the mentee reports on it (7.1)."""

    __tablename__ = "plan_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("individual_plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    task: Mapped[str] = mapped_column(Text)
    expected_result: Mapped[str | None] = mapped_column(Text)
    deadline: Mapped[date | None]
    responsible: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[PlanItemStatus] = mapped_column(enum_type(PlanItemStatus), default=PlanItemStatus.PLANNED)
    #: 6.1: the mentor evaluates the actual result.
    mentor_mark: Mapped[str | None] = mapped_column(Text)
    #: 7.1: the mentee reports on the items that concern him.
    mentee_report: Mapped[str | None] = mapped_column(Text)

    plan: Mapped[IndividualPlan] = relationship(back_populates="items")


class MeetingKind(StrEnum):
    """The meetings of the roadmap (Приложение 14), in its order and words."""

    GROUP_START = "group_start"
    FIRST = "first"
    TRIAL = "trial"
    PLANNING = "planning"
    REGULAR = "regular"
    FINAL = "final"
    GROUP_FINAL = "group_final"

    @property
    def label(self):
        return MEETING_KIND_LABELS[self]

    @property
    def is_group(self):
        """A meeting of all mentors and mentees, recorded once for every pairing whose people attended."""
        return self in (MeetingKind.GROUP_START, MeetingKind.GROUP_FINAL)

    @property
    def once(self):
        """The roadmap names one such meeting per pair: the first, the second, the planning one, the final one."""
        return self in (MeetingKind.FIRST, MeetingKind.TRIAL, MeetingKind.PLANNING, MeetingKind.FINAL)


MEETING_KIND_LABELS = {
    MeetingKind.GROUP_START: "групповая встреча наставников и наставляемых",
    MeetingKind.FIRST: "первая, организационная, встреча наставника и наставляемого",
    MeetingKind.TRIAL: "вторая, пробная рабочая, встреча наставника и наставляемого",
    MeetingKind.PLANNING: "встреча-планирование рабочего процесса в рамках программы наставничества",
    MeetingKind.REGULAR: "регулярная встреча наставника и наставляемого",
    MeetingKind.FINAL: "заключительная встреча наставника и наставляемого",
    MeetingKind.GROUP_FINAL: "групповая заключительная встреча всех пар и групп наставников и наставляемых",
}


class MeetingFormat(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"

    @property
    def label(self):
        return {MeetingFormat.IN_PERSON: "очно", MeetingFormat.ONLINE: "дистанционно"}[self]


meeting_pairing = db.Table(
    "meeting_pairing",
    db.Column("meeting_id", db.ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    db.Column("pairing_id", db.ForeignKey("pairing.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Meeting(TimestampMixin, db.Model):
    """A meeting held: its kind, date, format, topic, who attended (the curator may, 5.2) and its outcome."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_year_id: Mapped[int] = mapped_column(ForeignKey("program_year.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[MeetingKind] = mapped_column(enum_type(MeetingKind))
    held_on: Mapped[date] = mapped_column(index=True)
    format: Mapped[MeetingFormat] = mapped_column(enum_type(MeetingFormat), default=MeetingFormat.IN_PERSON)
    topic: Mapped[str] = mapped_column(String(300))
    outcome: Mapped[str | None] = mapped_column(Text)
    #: 5.2: the curator has the right to take part in the mentors' meetings with their mentees.
    curator_attended: Mapped[bool] = mapped_column(default=False)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    program_year = relationship("ProgramYear", lazy="joined")
    pairings = relationship("Pairing", secondary=meeting_pairing, lazy="selectin", order_by="Pairing.id",
                            backref=db.backref("meetings", lazy="select", order_by="Meeting.held_on"))
    attendees: Mapped[list["MeetingAttendee"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingAttendee.id", lazy="selectin")
    recorded_by = relationship("User", lazy="select")

    @property
    def people(self):
        return [attendee.person for attendee in self.attendees]

    def can(self, user, action="view"):
        """As its pairings: a mentor sees (and records) a meeting of his own pairings only."""
        return any(pairing.can(user, action) for pairing in self.pairings)


class MeetingAttendee(db.Model):
    """A mentor or a mentee who attended a meeting."""

    __tablename__ = "meeting_attendee"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)

    meeting: Mapped[Meeting] = relationship(back_populates="attendees")
    person = relationship("Person", lazy="joined")
