"""Questionnaires as data (Приложения 7–11, satisfaction, the curator's), their versions and questions; the curator's
dispatches, each person's personal link (invitation), and the answers.

A questionnaire's questions belong to a version: editing one that has answers makes a new version, so every answer
stays with the questions it answered. A link is the person's only key: the database keeps a hash of its token.
"""
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import enum_type
from app.core.models import TimestampMixin
from app.core.types import UTCDateTime, utcnow
from app.extensions import db
from app.questionnaires.texts import FREQUENCY_OPTIONS, YES_NO_OPTIONS


class Respondent(StrEnum):
    MENTEE = "mentee"
    MENTOR = "mentor"
    CURATOR = "curator"

    @property
    def label(self):
        return {Respondent.MENTEE: "наставляемый", Respondent.MENTOR: "наставник",
                Respondent.CURATOR: "куратор"}[self]


class Purpose(StrEnum):
    EXPECTATIONS = "expectations"
    SATISFACTION = "satisfaction"
    CURATOR = "curator"

    @property
    def label(self):
        return {Purpose.EXPECTATIONS: "ожидания участника (Приложения 7–11)",
                Purpose.SATISFACTION: "удовлетворенность участием (Приложение 6, показатели 4 и 5)",
                Purpose.CURATOR: "анкета куратора (п. 5.1)"}[self]


class AnswerKind(StrEnum):
    YES_NO = "yes_no"
    SCALE = "scale"
    FREQUENCY = "frequency"
    TEXT = "text"

    @property
    def label(self):
        return {AnswerKind.YES_NO: "да/нет", AnswerKind.SCALE: "шкала от 1 до 10",
                AnswerKind.FREQUENCY: "частота (Очень часто … Никогда)", AnswerKind.TEXT: "свободный ответ"}[self]

    @property
    def options(self):
        """[(stored value, label)] of a closed question; yes is 1, no 0; the frequency 1 («Очень часто») to 5."""
        if self == AnswerKind.YES_NO:
            return [(1, YES_NO_OPTIONS[0]), (0, YES_NO_OPTIONS[1])]
        if self == AnswerKind.SCALE:
            return [(value, str(value)) for value in range(1, 11)]
        if self == AnswerKind.FREQUENCY:
            return list(enumerate(FREQUENCY_OPTIONS, start=1))
        return []


class Phase(StrEnum):
    """The roadmap's feedback points (Приложение 14): at the start of the pairs' work and at its end."""

    START = "start"
    END = "end"

    @property
    def label(self):
        return {Phase.START: "начало программы", Phase.END: "завершение программы"}[self]


class Questionnaire(TimestampMixin, db.Model):
    __tablename__ = "questionnaire"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The seeded ones' stable name (p7_mentee … curator); empty for those an administrator adds.
    code: Mapped[str | None] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    #: «Приложение 7» … «Приложение 11»; empty for the intranet's own.
    appendix: Mapped[str | None] = mapped_column(String(40))
    respondent: Mapped[Respondent] = mapped_column(enum_type(Respondent))
    purpose: Mapped[Purpose] = mapped_column(enum_type(Purpose))
    #: The form of mentorship it belongs to; empty: every form (satisfaction, the curator's).
    mentorship_form_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentorship_form.id", ondelete="RESTRICT"), index=True)
    #: Which indicator of Приложение 6 its first yes/no question feeds (4 mentees, 5 mentors).
    indicator: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=100)

    mentorship_form = relationship("MentorshipForm", lazy="joined")
    versions: Mapped[list["QuestionnaireVersion"]] = relationship(
        back_populates="questionnaire", order_by="QuestionnaireVersion.number", lazy="selectin")

    @property
    def current_version(self):
        return self.versions[-1] if self.versions else None

    def can(self, user, action="view"):
        from app.questionnaires.access import ROLES_BY_ACTION
        return bool(user.is_authenticated and user.has_any_role(*ROLES_BY_ACTION[action]))


class QuestionnaireVersion(db.Model):
    __tablename__ = "questionnaire_version"
    __table_args__ = (UniqueConstraint("questionnaire_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    questionnaire_id: Mapped[int] = mapped_column(ForeignKey("questionnaire.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(default=1)
    instruction: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    questionnaire: Mapped[Questionnaire] = relationship(back_populates="versions", lazy="joined")
    questions: Mapped[list["Question"]] = relationship(
        back_populates="version", order_by="Question.position", lazy="selectin", cascade="all, delete-orphan")


class Question(db.Model):
    __tablename__ = "questionnaire_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_version.id", ondelete="CASCADE"), index=True)
    #: Its place, and the number printed before it (the regulation's numbering).
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[AnswerKind] = mapped_column(enum_type(AnswerKind))
    required: Mapped[bool] = mapped_column(default=True)

    version: Mapped[QuestionnaireVersion] = relationship(back_populates="questions", lazy="joined")

    @property
    def field_name(self):
        return f"q_{self.id}"

    def option_label(self, value):
        return dict(self.kind.options).get(value, "")


class Dispatch(TimestampMixin, db.Model):
    """One sending of a questionnaire (a year, a phase, to whom) whose links the curator hands out."""

    __tablename__ = "questionnaire_dispatch"

    id: Mapped[int] = mapped_column(primary_key=True)
    questionnaire_id: Mapped[int] = mapped_column(ForeignKey("questionnaire.id", ondelete="RESTRICT"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_version.id", ondelete="RESTRICT"), index=True)
    program_year_id: Mapped[int] = mapped_column(ForeignKey("program_year.id", ondelete="RESTRICT"), index=True)
    phase: Mapped[Phase] = mapped_column(enum_type(Phase))
    #: «form», «year», «participants», «pair», «curator»: whom it was sent to, as the curator chose.
    target: Mapped[str] = mapped_column(String(20))
    #: The form chosen («form»), else empty.
    mentorship_form_id: Mapped[int | None] = mapped_column(ForeignKey("mentorship_form.id", ondelete="RESTRICT"))
    #: The pair or group chosen («pair»), else empty.
    pairing_id: Mapped[int | None] = mapped_column(ForeignKey("pairing.id", ondelete="RESTRICT"), index=True)
    #: The last day the links answer.
    expires_on: Mapped[date]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    questionnaire: Mapped[Questionnaire] = relationship(lazy="joined")
    version: Mapped[QuestionnaireVersion] = relationship(lazy="joined")
    program_year = relationship("ProgramYear", lazy="joined")
    mentorship_form = relationship("MentorshipForm", lazy="joined")
    pairing = relationship("Pairing", lazy="select")
    invitations: Mapped[list["Invitation"]] = relationship(
        back_populates="dispatch", order_by="Invitation.id", lazy="select")

    @property
    def withdrawn(self):
        return self.withdrawn_at is not None

    def can(self, user, action="view"):
        return self.questionnaire.can(user, action)


class Invitation(db.Model):
    """A personal link: one person, one questionnaire (the dispatch's version), one submission."""

    __tablename__ = "questionnaire_invitation"
    __table_args__ = (UniqueConstraint("dispatch_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dispatch_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_dispatch.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    #: The participant's form when the link was made (results per form).
    mentorship_form_id: Mapped[int | None] = mapped_column(ForeignKey("mentorship_form.id", ondelete="RESTRICT"),
                                                           index=True)
    #: A random salt the token is signed with: the server remakes the link to print it; the database alone cannot.
    salt: Mapped[str] = mapped_column(String(32))
    #: SHA-256 of the token, hex: a link is found and checked by it; the token itself is never stored.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    dispatch: Mapped[Dispatch] = relationship(back_populates="invitations", lazy="joined")
    person = relationship("Person", lazy="joined")
    mentorship_form = relationship("MentorshipForm", lazy="select")
    response: Mapped["Response | None"] = relationship(back_populates="invitation", uselist=False, lazy="select")

    def can(self, user, action="view"):
        return self.dispatch.can(user, action)


class Response(db.Model):
    """One person's answers to one link; at most one (the unique invitation)."""

    __tablename__ = "questionnaire_response"

    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_invitation.id", ondelete="CASCADE"),
                                               unique=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_version.id", ondelete="RESTRICT"), index=True)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: Given on paper and typed in by staff (who: entered_by).
    on_paper: Mapped[bool] = mapped_column(default=False)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    invitation: Mapped[Invitation] = relationship(back_populates="response", lazy="joined")
    answers: Mapped[list["Answer"]] = relationship(back_populates="response", lazy="select",
                                                   cascade="all, delete-orphan")


class Answer(db.Model):
    __tablename__ = "questionnaire_answer"
    #: A question's answers newest first (the latest free answers on the results page).
    __table_args__ = (UniqueConstraint("response_id", "question_id"),
                      Index("ix_questionnaire_answer_question_newest", "question_id", "id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_response.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_question.id", ondelete="RESTRICT"))
    #: yes 1 / no 0, a scale 1–10, a frequency 1–5.
    value: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(Text)

    response: Mapped[Response] = relationship(back_populates="answers")


class Tally(db.Model):
    """How many of a dispatch's people of one form gave a question one value (a free answer counts under 0): kept
    with each submission
    (app.questionnaires.tallies), so the results of thousands of answers read a few hundred rows."""

    __tablename__ = "questionnaire_tally"
    __table_args__ = (Index("ix_questionnaire_tally_key", "dispatch_id", "question_id", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dispatch_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_dispatch.id", ondelete="CASCADE"))
    mentorship_form_id: Mapped[int | None] = mapped_column(ForeignKey("mentorship_form.id", ondelete="RESTRICT"),
                                                           index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_question.id", ondelete="CASCADE"), index=True)
    value: Mapped[int]
    count: Mapped[int] = mapped_column(default=0)


class PairTally(db.Model):
    """Start against end for the same people: the sums of a scale's answers at both phases of the people of a year
    and form who answered a version at both, kept as each such pair of answers completes."""

    __tablename__ = "questionnaire_pair_tally"
    __table_args__ = (Index("ix_questionnaire_pair_tally_key", "version_id", "program_year_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_version.id", ondelete="CASCADE"))
    program_year_id: Mapped[int] = mapped_column(ForeignKey("program_year.id", ondelete="CASCADE"), index=True)
    mentorship_form_id: Mapped[int | None] = mapped_column(ForeignKey("mentorship_form.id", ondelete="RESTRICT"),
                                                           index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_question.id", ondelete="CASCADE"), index=True)
    people: Mapped[int] = mapped_column(default=0)
    start_sum: Mapped[int] = mapped_column(default=0)
    end_sum: Mapped[int] = mapped_column(default=0)
