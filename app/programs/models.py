"""The program year (its stage of 4.9 and the forms running in it) and the forms of mentorship (4.1)."""
from datetime import date
from enum import StrEnum

from sqlalchemy import JSON, Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import enum_type
from app.core.errors import RuleError
from app.core.models import TimestampMixin
from app.extensions import db
from app.people.categories import MenteeCategory, MentorCategory


class MentorshipForm(TimestampMixin, db.Model):
    """A form of mentorship as a record (4.1): what it admits, whether it allows groups (4.6).

    Later issues hang criteria (Приложение 1), questionnaires and typical plans on these rows.
    """

    __tablename__ = "mentorship_form"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: A stable name for code and data migrations to find the regulation's three forms; empty for
    #: forms an administrator adds.
    code: Mapped[str | None] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    #: MentorCategory values (4.4) a mentor of this form may have.
    mentor_categories: Mapped[list] = mapped_column(JSON, default=list)
    #: MenteeCategory values (4.3) a mentee of this form may have.
    mentee_categories: Mapped[list] = mapped_column(JSON, default=list)
    #: 4.6: a group form lets a mentor have more than two mentees at the same time.
    allows_groups: Mapped[bool] = mapped_column(default=False)
    #: Inactive forms stay on the years that ran them but cannot be chosen for new ones.
    active: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=100)

    @property
    def admitted_mentor_categories(self):
        return [category for category in MentorCategory if category.value in (self.mentor_categories or [])]

    @property
    def admitted_mentee_categories(self):
        return [category for category in MenteeCategory if category.value in (self.mentee_categories or [])]

    def admits_mentor(self, category):
        return MentorCategory(category).value in (self.mentor_categories or [])

    def admits_mentee(self, category):
        return MenteeCategory(category).value in (self.mentee_categories or [])

    def __repr__(self):
        return f"<MentorshipForm {self.name}>"


program_year_form = Table(
    "program_year_form",
    db.metadata,
    Column("program_year_id", ForeignKey("program_year.id", ondelete="CASCADE"), primary_key=True),
    Column("mentorship_form_id", ForeignKey("mentorship_form.id", ondelete="RESTRICT"), primary_key=True),
)


class ProgramStage(StrEnum):
    """The seven stages of 4.9, in order."""

    PREPARATION = "preparation"
    MENTEE_BASE = "mentee_base"
    MENTOR_BASE = "mentor_base"
    SELECTION = "selection"
    PAIRING = "pairing"
    WORK = "work"
    COMPLETION = "completion"

    @property
    def number(self):
        return list(ProgramStage).index(self) + 1

    @property
    def label(self):
        return STAGE_LABELS[self]

    @property
    def next(self):
        stages = list(ProgramStage)
        return stages[self.number] if self.number < len(stages) else None

    @property
    def previous(self):
        return list(ProgramStage)[self.number - 2] if self.number > 1 else None


#: 4.9 in the regulation's words (its stray "Этап" after stages 2 and 3 left out).
STAGE_LABELS = {
    ProgramStage.PREPARATION: "Подготовка условий для запуска Целевой модели",
    ProgramStage.MENTEE_BASE: "Формирование базы наставляемых",
    ProgramStage.MENTOR_BASE: "Формирование базы наставников",
    ProgramStage.SELECTION: "Отбор/выдвижение наставников",
    ProgramStage.PAIRING: "Формирование наставнических пар/групп",
    ProgramStage.WORK: "Организация и осуществление работы наставнических пар/групп",
    ProgramStage.COMPLETION: "Завершение внедрения Целевой модели",
}


class ProgramYearStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"

    @property
    def label(self):
        return {ProgramYearStatus.OPEN: "идёт", ProgramYearStatus.CLOSED: "завершён"}[self]


class ProgramYear(TimestampMixin, db.Model):
    """One academic year of the program; every participation belongs to one. Closed years stay readable."""

    __tablename__ = "program_year"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: "2026/2027"
    title: Mapped[str] = mapped_column(String(9), unique=True)
    start_date: Mapped[date]
    end_date: Mapped[date]
    stage: Mapped[ProgramStage] = mapped_column(enum_type(ProgramStage), default=ProgramStage.PREPARATION)
    status: Mapped[ProgramYearStatus] = mapped_column(enum_type(ProgramYearStatus), default=ProgramYearStatus.OPEN)
    #: The year pages and new records start from; exactly one year is current once any exists.
    is_current: Mapped[bool] = mapped_column(default=False)

    forms: Mapped[list[MentorshipForm]] = relationship(
        secondary=program_year_form, order_by=(MentorshipForm.position, MentorshipForm.name), lazy="selectin")

    @property
    def is_open(self):
        return self.status == ProgramYearStatus.OPEN

    def runs(self, form):
        return form is not None and any(running.id == form.id for running in self.forms)

    def ensure_open(self, what="Изменения"):
        if not self.is_open:
            raise RuleError(f"Учебный год {self.title} завершён: {what.lower()} в нём недоступны. "
                            "Откройте год заново на его странице, если нужно исправление.")

    def advance(self):
        """Move to the next stage of 4.9."""
        self.ensure_open("Смена этапа")
        if self.stage.next is None:
            raise RuleError("Это последний, седьмой этап. Чтобы закончить год, завершите его.", section="4.9")
        self.stage = self.stage.next

    def step_back(self):
        """Return to the previous stage, to correct a move made too early."""
        self.ensure_open("Смена этапа")
        if self.stage.previous is None:
            raise RuleError("Это первый этап: вернуться некуда.", section="4.9")
        self.stage = self.stage.previous

    def close(self):
        """Finish the year; only after its seventh stage (4.16)."""
        if not self.is_open:
            raise RuleError(f"Учебный год {self.title} уже завершён.")
        if self.stage != ProgramStage.COMPLETION:
            raise RuleError("Завершить год можно только на седьмом этапе «Завершение внедрения Целевой модели»: "
                            "сначала переведите программу на этот этап.", section="4.9")
        self.status = ProgramYearStatus.CLOSED

    def reopen(self):
        if self.is_open:
            raise RuleError(f"Учебный год {self.title} не завершён.")
        self.status = ProgramYearStatus.OPEN

    def __repr__(self):
        return f"<ProgramYear {self.title}>"
