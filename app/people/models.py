"""People of the program (mentors, mentees, candidates) and the legal representatives of minors (4.11).

Mentors and mentees have no account (docs/design.md): staff keep their records here. The domains above
hang consents, applications and commission decisions on Person and on its participations.
"""
from datetime import date
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import enum_type
from app.core.formatting import age_on
from app.core.models import TimestampMixin
from app.core.names import FullNameMixin, Gender
from app.extensions import db
from app.people.access import PersonalDataAccess
from app.people.categories import PersonCategory

ADULT_AGE = 18


class NamedMixin(FullNameMixin):
    """The name parts, gender and hand-made case forms the document engine declines (app.core.names)."""

    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    middle_name: Mapped[str | None] = mapped_column(String(100))
    gender: Mapped[Gender] = mapped_column(enum_type(Gender, 16))
    #: {GrammaticalCase value: the full name in that case}, entered where automatic declension errs.
    name_forms: Mapped[dict] = mapped_column(JSON, default=dict)


class Person(PersonalDataAccess, NamedMixin, TimestampMixin, db.Model):
    __tablename__ = "person"
    __table_args__ = (Index("ix_person_search_name_birth_date", "search_name", "birth_date"),
                      # The list's order (name, then id): a deep page walks the index instead of sorting everyone.
                      Index("ix_person_search_name_id", "search_name", "id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    birth_date: Mapped[date]
    category: Mapped[PersonCategory] = mapped_column(enum_type(PersonCategory))
    #: «ТМ-21» for a student.
    study_group: Mapped[str | None] = mapped_column(String(50))
    position: Mapped[str | None] = mapped_column(String(200))
    #: The partner organisation of its employees (category "сотрудник организации-партнёра").
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner_organisation.id", ondelete="RESTRICT"), index=True)
    #: +7 (XXX) XXX-XX-XX, as app.core.validation.check_phone writes it.
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(254))
    #: search_key() of the full name (app.core.search): search and the duplicate warning use it.
    search_name: Mapped[str] = mapped_column(String(320))

    organisation = relationship("PartnerOrganisation", back_populates="employees", lazy="joined")
    representatives: Mapped[list["LegalRepresentative"]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="LegalRepresentative.id", lazy="select")
    mentee_participations = relationship("MenteeParticipation", back_populates="person", lazy="select",
                                         order_by="MenteeParticipation.entry_date.desc()")
    mentor_participations = relationship("MentorParticipation", back_populates="person", lazy="select",
                                         order_by="MentorParticipation.entry_date.desc()")

    def age_on(self, on: date) -> int:
        return age_on(self.birth_date, on)

    def is_minor_on(self, on: date) -> bool:
        """Under 18 on the date in question (4.11), from the birth date."""
        return self.age_on(on) < ADULT_AGE

    @property
    def contacts(self):
        return ", ".join(part for part in (self.phone, self.email) if part)

    @property
    def study_or_position(self):
        """«группа ТМ-21» for a student, the position for the others."""
        if self.category == PersonCategory.STUDENT:
            return f"группа {self.study_group}" if self.study_group else ""
        return self.position or ""

    @property
    def place_of_work_or_study(self):
        """«Место работы/учебы» of Приложения 3 and 4: the college or the partner, with group or position."""
        from app.settings.services import get as get_setting

        if self.category == PersonCategory.PARTNER_EMPLOYEE and self.organisation is not None:
            where = self.organisation.short_name
        elif self.category == PersonCategory.GRADUATE:
            where = f"выпускник {get_setting('college.short_name')}"
        else:
            where = get_setting("college.short_name")
        return ", ".join(part for part in (where, self.study_or_position) if part)

    def __repr__(self):
        return f"<Person {self.id} {self.full_name}>"


class Relation(StrEnum):
    MOTHER = "mother"
    FATHER = "father"
    GUARDIAN = "guardian"
    TRUSTEE = "trustee"
    OTHER = "other"

    @property
    def label(self):
        return RELATION_LABELS[self]


RELATION_LABELS = {
    Relation.MOTHER: "мать",
    Relation.FATHER: "отец",
    Relation.GUARDIAN: "опекун",
    Relation.TRUSTEE: "попечитель",
    Relation.OTHER: "иной законный представитель",
}


class LegalRepresentative(PersonalDataAccess, NamedMixin, TimestampMixin, db.Model):
    """A parent or other legal representative of a minor: consents and applications of 4.11 are his."""

    __tablename__ = "legal_representative"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    relation: Mapped[Relation] = mapped_column(enum_type(Relation))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(254))

    person: Mapped[Person] = relationship(back_populates="representatives")

    @property
    def contacts(self):
        return ", ".join(part for part in (self.phone, self.email) if part)
