"""Pairs and groups (4.6–4.8, 4.14): a mentor of the year's mentor base with one mentee (a pair) or several (a group),
a form, a period and a state; the one source of what the bases show as «ФИО наставника» and «Дата завершения
программы».

A pairing changes only through its papers: the orders of 4.7 (early end, extension) and 4.8 (replacement) are each
recorded as a ``PairingChange`` when issued, and a group's agreement of the mentor and of each mentee (4.6) is a
``PairingAgreement`` printed and signed through the documents' engine. The rules are in app.pairs.rules.
"""
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import enum_type
from app.core.errors import RuleError
from app.core.models import TimestampMixin
from app.core.roles import Role
from app.core.types import UTCDateTime, utcnow
from app.documents.links import LinkedDocumentsMixin, PaperState
from app.extensions import db
from app.people.access import PersonalDataAccess

#: Who sees the pairs (the bases' readers); who forms and changes them: the curator, as in the bases (5.1).
READ_ROLES = (Role.CURATOR, Role.STAFF, Role.SECRETARY, Role.DIRECTOR)
MANAGE_ROLES = (Role.CURATOR,)


class PairingKind(StrEnum):
    PAIR = "pair"
    GROUP = "group"

    @property
    def label(self):
        return {PairingKind.PAIR: "пара", PairingKind.GROUP: "группа"}[self]


class PairingState(StrEnum):
    #: A group waiting for the signed agreements of its mentor and mentees (4.6).
    FORMING = "forming"
    ACTIVE = "active"
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    REPLACED = "replaced"

    @property
    def label(self):
        return {PairingState.FORMING: "формируется", PairingState.ACTIVE: "действует",
                PairingState.COMPLETED: "завершена", PairingState.ENDED_EARLY: "завершена досрочно",
                PairingState.REPLACED: "наставник заменён"}[self]

    @property
    def is_open(self):
        """Forming or active: the mentor is busy with its mentees (4.6)."""
        return self in (PairingState.FORMING, PairingState.ACTIVE)


class PairingChangeKind(StrEnum):
    """The orders that change a running pairing."""

    EXTENDED = "extended"
    ENDED_EARLY = "ended_early"
    REPLACED = "replaced"

    @property
    def label(self):
        return {PairingChangeKind.EXTENDED: "продление срока (п. 4.7)",
                PairingChangeKind.ENDED_EARLY: "досрочное завершение (п. 4.7)",
                PairingChangeKind.REPLACED: "замена наставника (п. 4.8)"}[self]


class Pairing(LinkedDocumentsMixin, TimestampMixin, db.Model):
    """A pair or a group of a program year: the form, the mentor, the members, the period and the state."""

    __tablename__ = "pairing"
    subject_type = "pairing"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[PairingKind] = mapped_column(enum_type(PairingKind), default=PairingKind.PAIR)
    program_year_id: Mapped[int] = mapped_column(ForeignKey("program_year.id", ondelete="RESTRICT"), index=True)
    mentorship_form_id: Mapped[int] = mapped_column(ForeignKey("mentorship_form.id", ondelete="RESTRICT"),
                                                    index=True)
    #: The mentor's row in the year's mentor base (Приложение 4).
    mentor_id: Mapped[int] = mapped_column(ForeignKey("mentor_participation.id", ondelete="RESTRICT"), index=True)
    starts_on: Mapped[date]
    #: The planned end (4.7: at most one calendar year after the start, later only by an extension order).
    planned_end_on: Mapped[date]
    #: The actual end: completed, ended early, or the day the mentor was replaced.
    ended_on: Mapped[date | None]
    state: Mapped[PairingState] = mapped_column(enum_type(PairingState), default=PairingState.ACTIVE, index=True)
    #: Why it ended early or was replaced (the order's reason).
    end_reason: Mapped[str | None] = mapped_column(Text)
    #: The pairing with the new mentor that a replacement order (4.8) opened.
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("pairing.id", ondelete="RESTRICT"))

    program_year = relationship("ProgramYear", lazy="joined")
    mentorship_form = relationship("MentorshipForm", lazy="joined")
    mentor = relationship("MentorParticipation", lazy="joined")
    members: Mapped[list["PairingMember"]] = relationship(
        back_populates="pairing", cascade="all, delete-orphan", order_by="PairingMember.id", lazy="selectin")
    agreements: Mapped[list["PairingAgreement"]] = relationship(
        back_populates="pairing", cascade="all, delete-orphan", order_by="PairingAgreement.id", lazy="select")
    changes: Mapped[list["PairingChange"]] = relationship(
        back_populates="pairing", order_by="PairingChange.id", lazy="select",
        foreign_keys="PairingChange.pairing_id")
    replaced_by: Mapped["Pairing | None"] = relationship(remote_side=[id], foreign_keys=[replaced_by_id],
                                                         lazy="select")
    replaces: Mapped["Pairing | None"] = relationship(remote_side=[replaced_by_id], foreign_keys=[replaced_by_id],
                                                      viewonly=True, uselist=False, lazy="select")

    @property
    def is_group(self):
        return self.kind == PairingKind.GROUP

    @property
    def current_members(self):
        """The mentees who have not left it."""
        return [member for member in self.members if member.left_on is None]

    @property
    def mentees(self):
        return [member.mentee for member in self.current_members]

    @property
    def end_on(self):
        """«Дата завершения программы»: the actual end once ended, else the planned one."""
        return self.ended_on or self.planned_end_on

    @property
    def extended(self):
        """Whether an extension order (4.7) moved the planned end: then it may pass one calendar year."""
        return any(change.kind == PairingChangeKind.EXTENDED and change.in_force and not change.member_id
                   for change in self.changes)

    @property
    def title(self):
        """The mentor and the mentees: those still in it while it runs, everyone who was once it is closed."""
        members = self.current_members if self.state.is_open else self.members
        mentees = ", ".join(member.mentee.person.short_name for member in members) or "—"
        return f"{self.mentor.person.short_name} — {mentees}"

    @property
    def label(self):
        """How pages, the audit log and the documents' subjects name it."""
        return f"{self.kind.label.capitalize()} {self.title}"

    def can(self, user, action="view"):
        """``view``: the bases' readers and the mentor himself (his account linked to his card); ``manage``: those
        who keep the bases."""
        if not user.is_authenticated:
            return False
        if action == "view":
            if user.has_any_role(*READ_ROLES):
                return True
            return user.person_id is not None and user.person_id == self.mentor.person_id
        return user.has_any_role(*MANAGE_ROLES)

    # Transitions (the services check the rules and the papers first) ------------------------------------

    def _ensure(self, *states, what):
        if self.state not in states:
            raise RuleError(f"Нельзя {what}: {self.kind.label} в состоянии «{self.state.label}».")

    def activate(self):
        self._ensure(PairingState.FORMING, what="начать работу")
        self.state = PairingState.ACTIVE

    def complete(self, on):
        self._ensure(PairingState.ACTIVE, what="отметить завершение")
        self.state, self.ended_on = PairingState.COMPLETED, on

    def end_early(self, on, reason):
        self._ensure(PairingState.ACTIVE, what="завершить досрочно")
        self.state, self.ended_on, self.end_reason = PairingState.ENDED_EARLY, on, reason

    def mark_replaced(self, on, reason, successor):
        self._ensure(PairingState.ACTIVE, PairingState.FORMING, what="заменить наставника")
        self.state, self.ended_on, self.end_reason = PairingState.REPLACED, on, reason
        self.replaced_by = successor


class PairingMember(TimestampMixin, db.Model):
    """A mentee of a pairing (Приложение 3's row of the year), from the day he joined to the day he left."""

    __tablename__ = "pairing_member"
    __table_args__ = (UniqueConstraint("pairing_id", "mentee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pairing_id: Mapped[int] = mapped_column(ForeignKey("pairing.id", ondelete="CASCADE"), index=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("mentee_participation.id", ondelete="RESTRICT"), index=True)
    joined_on: Mapped[date]
    left_on: Mapped[date | None]
    #: His own planned end when an extension order (4.7) for him alone moved it past the group's; else the group's.
    planned_end_on: Mapped[date | None]

    pairing: Mapped[Pairing] = relationship(back_populates="members", lazy="joined")
    mentee = relationship("MenteeParticipation", lazy="joined")

    @property
    def planned_end(self):
        """His planned end: his own (extended for him alone, 4.7), else the pairing's."""
        return max(self.planned_end_on or self.pairing.planned_end_on, self.pairing.planned_end_on)

    @property
    def end_on(self):
        """His «Дата завершения программы»: the day he left the group (ended early or moved, 4.7, 4.8), the pairing's
        actual end, else his planned end."""
        if self.left_on is not None and self.left_on != self.pairing.ended_on:
            return self.left_on
        return self.pairing.ended_on or self.planned_end


class AgreementRole(StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"

    @property
    def label(self):
        return {AgreementRole.MENTOR: "наставник", AgreementRole.MENTEE: "наставляемый"}[self]


class PairingAgreement(LinkedDocumentsMixin, PersonalDataAccess, db.Model):
    """4.6: the agreement of the mentor or of one mentee to group work, a paper printed and signed (its scan filed)
    like every participant's paper; a group starts only when all of them are signed."""

    __tablename__ = "pairing_agreement"
    __table_args__ = (UniqueConstraint("pairing_id", "person_id"),)
    subject_type = "pairing_agreement"
    document_kind = "group_work_agreement"

    id: Mapped[int] = mapped_column(primary_key=True)
    pairing_id: Mapped[int] = mapped_column(ForeignKey("pairing.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    role: Mapped[AgreementRole] = mapped_column(enum_type(AgreementRole))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    pairing: Mapped[Pairing] = relationship(back_populates="agreements")
    person = relationship("Person", lazy="joined")

    @property
    def paper_person(self):
        return self.person

    @property
    def signed(self):
        return self.printed_state == PaperState.SIGNED

    @property
    def label(self):
        return f"Согласие на групповую форму работы: {self.person.short_name} ({self.role.label})"


class PairingChange(db.Model):
    """An order that changed a pairing (4.7, 4.8), recorded when the order is issued, with what it changed, so that
    cancelling the order can be refused or undone consistently."""

    __tablename__ = "pairing_change"
    __table_args__ = (UniqueConstraint("document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pairing_id: Mapped[int] = mapped_column(ForeignKey("pairing.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[PairingChangeKind] = mapped_column(enum_type(PairingChangeKind))
    #: The order (None for a change carried over from before the pairs were records).
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="RESTRICT"))
    #: The day it takes effect: the early end, the new planned end, the replacement's day.
    effective_on: Mapped[date]
    reason: Mapped[str | None] = mapped_column(Text)
    #: What was before and what the order set ({"planned_end_on": …, "new_pairing_id": …}), for the history.
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Set when the order was cancelled and the change undone.
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    pairing: Mapped[Pairing] = relationship(back_populates="changes", foreign_keys=[pairing_id])
    document = relationship("Document", lazy="joined")

    @property
    def in_force(self):
        return self.undone_at is None

    @property
    def member_id(self):
        """The member of a group the order concerned alone (4.7, 4.8), or None for the whole pairing."""
        return (self.details or {}).get("member_id")
