"""The mentee base (Приложение 3) and the mentor base (Приложение 4): a person's participation in a year.

The pairs ("ФИО наставника" of the mentee base, "ФИО наставляемого (наставляемых)" of the mentor base) are records of
the pairs domain (app.pairs.models.Pairing), read here through relationships named by string: a mentee's mentor is
the mentor of his current pairing. Columns derived from other records (contacts, year of birth, places of work or
study) are not stored: the bases show them from the person.
"""
from datetime import date
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import enum_type
from app.core.errors import RuleError
from app.core.models import TimestampMixin
from app.extensions import db
from app.people.access import PersonalDataAccess
from app.people.categories import MenteeCategory, MentorCategory


class MenteeStatus(StrEnum):
    WAITING = "waiting"
    PAIRED = "paired"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self):
        return {MenteeStatus.WAITING: "ожидает наставника", MenteeStatus.PAIRED: "в паре с наставником",
                MenteeStatus.COMPLETED: "прошёл программу", MenteeStatus.WITHDRAWN: "выбыл"}[self]


class MentorStatus(StrEnum):
    POTENTIAL = "potential"
    REGISTERED = "registered"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self):
        return {MentorStatus.POTENTIAL: "в базе потенциальных наставников",
                MentorStatus.REGISTERED: "в реестре наставников",
                MentorStatus.COMPLETED: "завершил программу", MentorStatus.WITHDRAWN: "выбыл"}[self]


def _refuse_move(status, wanted):
    raise RuleError(f"Нельзя {wanted}: сейчас статус «{status.label}».")


class ParticipationMixin(PersonalDataAccess, TimestampMixin):
    """What both bases record: the year, the person, the form, the dates, the results."""

    id: Mapped[int] = mapped_column(primary_key=True)
    program_year_id: Mapped[int] = mapped_column(ForeignKey("program_year.id", ondelete="RESTRICT"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    #: «Дата вхождения в программу»
    entry_date: Mapped[date]
    #: «Дата завершения программы»: planned or actual; 4.7 bounds it to one calendar year.
    end_date: Mapped[date | None]
    #: «Результаты программы»
    results: Mapped[str | None] = mapped_column(Text)
    #: «Ссылка на кейс/отзыв …, размещенные на сайте организации»
    case_link: Mapped[str | None] = mapped_column(String(500))


class MentorParticipation(ParticipationMixin, db.Model):
    """A row of the mentor base (Приложение 4)."""

    __tablename__ = "mentor_participation"
    __table_args__ = (UniqueConstraint("person_id", "program_year_id"),)

    #: 4.4, as it was when he entered the year.
    category: Mapped[MentorCategory] = mapped_column(enum_type(MentorCategory))
    mentorship_form_id: Mapped[int] = mapped_column(ForeignKey("mentorship_form.id", ondelete="RESTRICT"),
                                                    index=True)
    #: «Основные компетенции наставника»
    competencies: Mapped[str] = mapped_column(Text)
    #: «Важные для программы достижения наставника»
    achievements: Mapped[str | None] = mapped_column(Text)
    #: «Интересы наставника»
    interests: Mapped[str | None] = mapped_column(Text)
    #: «Желаемый возраст наставляемых», as the mentor put it («16–18 лет»).
    desired_mentee_age: Mapped[str | None] = mapped_column(String(100))
    #: «Ресурс времени на программу наставничества» («2 часа в неделю»).
    time_resource: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[MentorStatus] = mapped_column(enum_type(MentorStatus), default=MentorStatus.POTENTIAL)
    #: 4.13: when and on what basis (order, protocol of the commission) he entered the registry.
    registered_on: Mapped[date | None]
    registry_basis: Mapped[str | None] = mapped_column(String(300))

    program_year = relationship("ProgramYear", lazy="joined")
    person = relationship("Person", back_populates="mentor_participations", lazy="joined")
    mentorship_form = relationship("MentorshipForm", lazy="joined")
    #: His pairs and groups (app.pairs), oldest first.
    pairings = relationship("Pairing", viewonly=True, lazy="select", order_by="Pairing.id",
                            primaryjoin="foreign(Pairing.mentor_id) == MentorParticipation.id")
    #: His application of the year (Приложение 5, in the applications), named by its string: its phone and e-mail.
    application = relationship(
        "CandidateApplication", viewonly=True, uselist=False, lazy="select",
        primaryjoin="and_(foreign(CandidateApplication.person_id) == MentorParticipation.person_id, "
                    "CandidateApplication.program_year_id == MentorParticipation.program_year_id)")

    @property
    def contact_details(self):
        """«Контактные данные для связи» (Приложение 4): the card's phone and e-mail, or, where the card has none,
        those of his application (Приложение 5 asks both)."""
        application = self.application
        phone = self.person.phone or (application.phone if application is not None else None)
        email = self.person.email or (application.email if application is not None else None)
        return ", ".join(part for part in (phone, email) if part)

    @property
    def mentees(self):
        """«ФИО наставляемого (наставляемых)»: everyone he mentored this year in his pairs and groups (those since
        given another mentor too), by entry date."""
        found = {member.mentee.id: member.mentee for pairing in self.pairings for member in pairing.members}
        return sorted(found.values(), key=lambda mentee: (mentee.entry_date, mentee.id))

    @property
    def is_active(self):
        return self.status in (MentorStatus.POTENTIAL, MentorStatus.REGISTERED)

    def register(self, on, basis):
        """Enter the registry of mentors (4.13) after nomination or selection."""
        if self.status != MentorStatus.POTENTIAL:
            _refuse_move(self.status, "включить в реестр наставников")
        self.status, self.registered_on, self.registry_basis = MentorStatus.REGISTERED, on, basis

    def complete(self, on):
        if self.status != MentorStatus.REGISTERED:
            _refuse_move(self.status, "завершить программу наставника")
        self.status, self.end_date = MentorStatus.COMPLETED, on

    def withdraw(self, on):
        if not self.is_active:
            _refuse_move(self.status, "отметить выбытие наставника")
        self.status, self.end_date = MentorStatus.WITHDRAWN, on

    def reinstate(self):
        if self.status not in (MentorStatus.WITHDRAWN, MentorStatus.COMPLETED):
            _refuse_move(self.status, "вернуть наставника в программу")
        self.status = MentorStatus.REGISTERED if self.registered_on else MentorStatus.POTENTIAL
        self.end_date = None


class MenteeParticipation(ParticipationMixin, db.Model):
    """A row of the mentee base (Приложение 3)."""

    __tablename__ = "mentee_participation"
    __table_args__ = (UniqueConstraint("person_id", "program_year_id"),)

    #: 4.3, as it was when he entered the year.
    category: Mapped[MenteeCategory] = mapped_column(enum_type(MenteeCategory))
    #: «Основной запрос наставляемого»
    main_request: Mapped[str] = mapped_column(Text)
    #: «Форма наставничества»: may wait for the pair; a pair takes its mentor's form.
    mentorship_form_id: Mapped[int | None] = mapped_column(ForeignKey("mentorship_form.id", ondelete="RESTRICT"),
                                                           index=True)
    status: Mapped[MenteeStatus] = mapped_column(enum_type(MenteeStatus), default=MenteeStatus.WAITING)

    program_year = relationship("ProgramYear", lazy="joined")
    person = relationship("Person", back_populates="mentee_participations", lazy="joined")
    mentorship_form = relationship("MentorshipForm", lazy="joined")
    #: His places in pairs and groups (app.pairs), oldest first: «ФИО наставника» is his pairing's mentor.
    memberships = relationship("PairingMember", viewonly=True, lazy="select", order_by="PairingMember.id",
                               primaryjoin="foreign(PairingMember.mentee_id) == MenteeParticipation.id")

    @property
    def membership(self):
        """His place in a pair or group now: the one he has not left, else the last one (kept after the end)."""
        memberships = self.memberships
        current = [member for member in memberships if member.left_on is None and member.pairing.state != "replaced"]
        if current:
            return current[-1]
        return memberships[-1] if memberships else None

    @property
    def pairing(self):
        """His pair or group now, else the last one."""
        membership = self.membership
        return membership.pairing if membership is not None else None

    @property
    def pairing_end_on(self):
        """The end his place in his pairing sets: his own in a group (an order for him alone, 4.7), else the
        pairing's."""
        membership = self.membership
        return membership.end_on if membership is not None else None

    @property
    def mentor(self):
        """«ФИО наставника»: the mentor of his pairing."""
        pairing = self.pairing
        return pairing.mentor if pairing is not None else None

    @property
    def mentor_id(self):
        mentor = self.mentor
        return mentor.id if mentor is not None else None

    @property
    def contact_details(self):
        """«Контактные данные для связи (данные представителя)»: his own, then his representatives'."""
        parts = [self.person.contacts] if self.person.contacts else []
        for representative in self.person.representatives:
            parts.append(f"{representative.relation.label} {representative.full_name}: {representative.contacts}")
        return "; ".join(parts)

    @property
    def program_passed(self):
        """«Отметка о прохождении программы»: True, False, or None while it runs."""
        if self.status == MenteeStatus.COMPLETED:
            return True
        if self.status == MenteeStatus.WITHDRAWN:
            return False
        return None

    def pair_with(self, mentor):
        """He enters a pairing of ``mentor`` (the pairs domain records it): the pair's form is the mentor's."""
        if self.status != MenteeStatus.WAITING:
            _refuse_move(self.status, "назначить наставника")
        self.status = MenteeStatus.PAIRED
        self.mentorship_form_id = mentor.mentorship_form_id

    def unpair(self):
        if self.status != MenteeStatus.PAIRED:
            _refuse_move(self.status, "снять наставника")
        self.status = MenteeStatus.WAITING

    def complete(self, on):
        """The mentee has gone through the program with his mentor."""
        if self.status != MenteeStatus.PAIRED:
            _refuse_move(self.status, "отметить прохождение программы")
        self.status, self.end_date = MenteeStatus.COMPLETED, on

    def withdraw(self, on):
        if self.status not in (MenteeStatus.WAITING, MenteeStatus.PAIRED):
            _refuse_move(self.status, "отметить выбытие")
        self.status, self.end_date = MenteeStatus.WITHDRAWN, on

    def reinstate(self):
        if self.status not in (MenteeStatus.WITHDRAWN, MenteeStatus.COMPLETED):
            _refuse_move(self.status, "вернуть в программу")
        self.status = MenteeStatus.PAIRED if self.pairing is not None else MenteeStatus.WAITING
        self.end_date = None
