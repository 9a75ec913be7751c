"""Partner organisations (4.4, 4.10, 8.4; agreement, Приложение 2): who signs, who is the contact, their mentors."""
from dataclasses import dataclass, field

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import enum_type
from app.core.models import TimestampMixin
from app.core.names import FullNameMixin, Gender
from app.extensions import db
from app.people.access import PersonalDataAccess

DEFAULT_HEAD_BASIS = "Устава"


@dataclass(frozen=True)
class Signatory(FullNameMixin):
    """The partner's head as the document engine declines him: the name parts, gender, name_forms."""

    last_name: str
    first_name: str
    middle_name: str | None
    gender: Gender
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
