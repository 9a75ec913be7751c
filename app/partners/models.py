"""Partner organisations (4.4, 4.10, 8.4; agreement, Приложение 2): who signs, who is the contact, their mentors,
and the agreements on mentorship signed with them."""
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import enum_type
from app.core.errors import RuleError
from app.core.models import TimestampMixin
from app.core.names import FullNameMixin, Gender
from app.documents.links import LinkedDocumentsMixin, PaperState
from app.extensions import db
from app.people.access import PersonalDataAccess

DEFAULT_HEAD_BASIS = "Устава"


@dataclass(frozen=True)
class Signatory(FullNameMixin):
    """The partner's head as the document engine declines him: the name parts, gender, name_forms."""

    last_name: str
    first_name: str
    middle_name: str | None
    #: None where it was never recorded: the declension guesses it from the name.
    gender: Gender | None
    position: str
    #: "действующего на основании …", in the genitive: «Устава», «доверенности № 12 от 01.09.2026».
    basis: str
    name_forms: dict = field(default_factory=dict)


class PartnerOrganisation(PersonalDataAccess, TimestampMixin, db.Model):
    __tablename__ = "partner_organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(500))
    short_name: Mapped[str] = mapped_column(String(200), unique=True)
    legal_address: Mapped[str] = mapped_column(String(500))
    #: The head who signs the agreement (Приложение 2: «в лице …, действующего на основании …»).
    head_last_name: Mapped[str] = mapped_column(String(100))
    head_first_name: Mapped[str] = mapped_column(String(100))
    head_middle_name: Mapped[str | None] = mapped_column(String(100))
    head_gender: Mapped[Gender] = mapped_column(enum_type(Gender, 16))
    head_position: Mapped[str] = mapped_column(String(200))
    head_basis: Mapped[str] = mapped_column(String(200), default=DEFAULT_HEAD_BASIS)
    #: {GrammaticalCase value: the head's full name in that case}, where automatic declension errs.
    head_name_forms: Mapped[dict] = mapped_column(JSON, default=dict)
    #: The authorised employee of agreement 2.2 (работа с представителями образовательной организации).
    contact_name: Mapped[str | None] = mapped_column(String(300))
    contact_position: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    #: A former partner stays for history but is left out of the list of 8.4 and of new choices.
    active: Mapped[bool] = mapped_column(default=True)
    #: search_key() of both names (app.core.search).
    search_name: Mapped[str] = mapped_column(String(700), index=True)

    employees = relationship("Person", back_populates="organisation", order_by="Person.search_name",
                             lazy="select")

    @property
    def head(self):
        return Signatory(self.head_last_name, self.head_first_name, self.head_middle_name, Gender(self.head_gender),
                         self.head_position, self.head_basis, dict(self.head_name_forms or {}))

    def __repr__(self):
        return f"<PartnerOrganisation {self.short_name}>"


class AgreementStatus(StrEnum):
    """Приложение 2: entered as a draft, printed (numbered), signed (the scan is back), expired, terminated."""

    DRAFT = "draft"
    PRINTED = "printed"
    SIGNED = "signed"
    EXPIRED = "expired"
    TERMINATED = "terminated"

    @property
    def label(self):
        return {AgreementStatus.DRAFT: "проект", AgreementStatus.PRINTED: "распечатано, не подписано",
                AgreementStatus.SIGNED: "подписано", AgreementStatus.EXPIRED: "срок действия истёк",
                AgreementStatus.TERMINATED: "расторгнуто"}[self]


#: An agreement ending within this many days is flagged on the partner list.
ENDING_SOON_DAYS = 30


class Agreement(LinkedDocumentsMixin, PersonalDataAccess, TimestampMixin, db.Model):
    """«Соглашение о наставничестве» with a partner (Приложение 2): the details it is printed from.

    Draft, printed and signed come from the register (its document and the scan filed against it); expired
    from the end date; terminated is recorded here. Only a draft's details change.
    """

    __tablename__ = "agreement"
    subject_type = "agreement"
    document_kind = "partner_agreement"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner_organisation.id", ondelete="RESTRICT"), index=True)
    #: Who signs for the partner («в лице …»), from its head by default.
    signatory_last_name: Mapped[str] = mapped_column(String(100))
    signatory_first_name: Mapped[str] = mapped_column(String(100))
    signatory_middle_name: Mapped[str | None] = mapped_column(String(100))
    signatory_gender: Mapped[Gender] = mapped_column(enum_type(Gender, 16))
    signatory_name_forms: Mapped[dict] = mapped_column(JSON, default=dict)
    signatory_position: Mapped[str] = mapped_column(String(200))
    #: «в лице генерального директора …»
    signatory_position_genitive: Mapped[str] = mapped_column(String(200))
    #: «действующего на основании …», in the genitive: «Устава», «доверенности № 12 от 01.09.2026».
    signatory_basis: Mapped[str] = mapped_column(String(200))
    #: Who signs for the college («… в лице директора Елсуковой Е.В., действующего на основании Устава»): the
    #: director from the settings by default, or whoever acts for him. Empty on agreements entered before it
    #: could be typed: those take the director from the settings when printed.
    college_signatory_last_name: Mapped[str | None] = mapped_column(String(100))
    college_signatory_first_name: Mapped[str | None] = mapped_column(String(100))
    college_signatory_middle_name: Mapped[str | None] = mapped_column(String(100))
    college_signatory_gender: Mapped[Gender | None] = mapped_column(enum_type(Gender, 16))
    #: «директор», «исполняющий обязанности директора» (under the signature, capitalised).
    college_signatory_position: Mapped[str | None] = mapped_column(String(200))
    #: «в лице исполняющего обязанности директора …»
    college_signatory_position_genitive: Mapped[str | None] = mapped_column(String(200))
    #: «действующего на основании …», in the genitive: «Устава», «приказа № 15-к от 01.02.2026».
    college_signatory_basis: Mapped[str | None] = mapped_column(String(200))
    requisites: Mapped[str | None] = mapped_column(Text)
    #: The date of the agreement and the date it runs to (п. 3.6: «действует до 30.12.…»).
    signed_on: Mapped[date]
    end_date: Mapped[date]
    terminated_on: Mapped[date | None]
    termination_reason: Mapped[str | None] = mapped_column(String(500))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))

    partner: Mapped[PartnerOrganisation] = relationship(lazy="joined")
    created_by = relationship("User")

    @property
    def signatory(self):
        return Signatory(self.signatory_last_name, self.signatory_first_name, self.signatory_middle_name,
                         Gender(self.signatory_gender), self.signatory_position, self.signatory_basis,
                         dict(self.signatory_name_forms or {}))

    @property
    def college_signatory(self):
        """Who signs for the college, or None on an agreement entered before it was recorded (the director then)."""
        if not self.college_signatory_last_name:
            return None
        gender = Gender(self.college_signatory_gender) if self.college_signatory_gender else None
        return Signatory(self.college_signatory_last_name, self.college_signatory_first_name or "",
                         self.college_signatory_middle_name, gender, self.college_signatory_position or "",
                         self.college_signatory_basis or DEFAULT_HEAD_BASIS)

    @property
    def label(self):
        document = self.current_document
        number = f" № {document.number_text}" if document is not None and document.number_text else ""
        return f"Соглашение{number} от {self.signed_on.strftime('%d.%m.%Y')} до {self.end_date.strftime('%d.%m.%Y')}"

    def status_on(self, day):
        if self.terminated_on is not None and self.terminated_on <= day:
            return AgreementStatus.TERMINATED
        printed = self.printed_state
        if printed == PaperState.MISSING:
            return AgreementStatus.DRAFT
        if self.end_date < day:
            return AgreementStatus.EXPIRED
        return AgreementStatus.SIGNED if printed == PaperState.SIGNED else AgreementStatus.PRINTED

    def in_force_on(self, day):
        """Signed, begun, not ended and not terminated on ``day``: only then may its employees mentor."""
        return self.status_on(day) == AgreementStatus.SIGNED and self.signed_on <= day <= self.end_date

    def ending_soon(self, today):
        return (self.status_on(today) in (AgreementStatus.PRINTED, AgreementStatus.SIGNED)
                and self.end_date <= today + timedelta(days=ENDING_SOON_DAYS))

    @property
    def paper_person(self):
        """An agreement concerns the organisation, not a participant: its scan is filed for no one in particular."""
        return None

    # Transitions ---------------------------------------------------------------------------------------

    def ensure_editable(self, today):
        if self.status_on(today) != AgreementStatus.DRAFT:
            raise RuleError("Изменять можно только проект соглашения: распечатанное соглашение не переписывают — "
                            "при изменении условий заключите новое.")

    def ensure_printable(self, today):
        if self.status_on(today) != AgreementStatus.DRAFT:
            raise RuleError(f"Соглашение уже {self.status_on(today).label}: распечатать его можно один раз.")

    def terminate(self, on, reason, today):
        """3.5: terminated by agreement of the parties, in writing."""
        if self.status_on(today) not in (AgreementStatus.PRINTED, AgreementStatus.SIGNED):
            raise RuleError(f"Расторгнуть можно действующее соглашение; это — «{self.status_on(today).label}».")
        if on < self.signed_on:
            raise RuleError("Дата расторжения не может быть раньше даты соглашения.", field="on")
        self.terminated_on, self.termination_reason = on, reason
