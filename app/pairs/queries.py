"""The filtered list of pairs and groups, and a person's pairings for his page."""
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import aliased, selectinload

from app.bases.models import MenteeParticipation, MentorParticipation
from app.core.filters import choice_from, id_from, search_from, year_arg, year_from
from app.core.search import contains_pattern
from app.extensions import db
from app.pairs.models import Pairing, PairingKind, PairingMember, PairingState
from app.people.models import Person


@dataclass
class PairingFilters:
    year_id: int | None = None
    form_id: int | None = None
    kind: str = ""
    state: str = ""
    search: str = ""

    @classmethod
    def from_args(cls, args, default_year):
        return cls(year_id=year_from(args, default_year), form_id=id_from(args, "form"),
                   kind=choice_from(args, "kind", PairingKind), state=choice_from(args, "state", PairingState),
                   search=search_from(args))

    @property
    def year_arg(self):
        return year_arg(self.year_id)


def pairing_query(filters):
    """Pairings newest first, narrowed; a search matches the mentor's or a mentee's name."""
    query = (select(Pairing).options(selectinload(Pairing.members).joinedload(PairingMember.mentee))
             .order_by(Pairing.starts_on.desc(), Pairing.id.desc()))
    if filters.year_id:
        query = query.where(Pairing.program_year_id == filters.year_id)
    if filters.form_id:
        query = query.where(Pairing.mentorship_form_id == filters.form_id)
    if filters.kind:
        query = query.where(Pairing.kind == filters.kind)
    if filters.state:
        query = query.where(Pairing.state == filters.state)
    if filters.search:
        pattern = contains_pattern(filters.search)
        mentor_person, mentee_person = aliased(Person), aliased(Person)
        mentors = (select(MentorParticipation.id).join(mentor_person, MentorParticipation.person_id == mentor_person.id)
                   .where(mentor_person.search_name.like(pattern, escape="\\")))
        members = (select(PairingMember.pairing_id)
                   .join(MenteeParticipation, PairingMember.mentee_id == MenteeParticipation.id)
                   .join(mentee_person, MenteeParticipation.person_id == mentee_person.id)
                   .where(mentee_person.search_name.like(pattern, escape="\\")))
        query = query.where(or_(Pairing.mentor_id.in_(mentors), Pairing.id.in_(members)))
    return query


def pairings_of_person(person):
    """A select of his pairings as a mentor and as a mentee, every year, newest first."""
    as_mentor = select(Pairing.id).join(MentorParticipation, Pairing.mentor_id == MentorParticipation.id).where(
        MentorParticipation.person_id == person.id)
    as_mentee = (select(PairingMember.pairing_id)
                 .join(MenteeParticipation, PairingMember.mentee_id == MenteeParticipation.id)
                 .where(MenteeParticipation.person_id == person.id))
    return (select(Pairing).where(or_(Pairing.id.in_(as_mentor), Pairing.id.in_(as_mentee)))
            .order_by(Pairing.starts_on.desc(), Pairing.id.desc()))


def person_pairings(person):
    """His pairings with their members (the person's page)."""
    pairings = db.session.scalars(pairings_of_person(person).options(
        selectinload(Pairing.members).joinedload(PairingMember.mentee))).all()
    return {"pairings": pairings}
