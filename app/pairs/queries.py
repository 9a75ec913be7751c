"""The filtered list of pairs and groups, and a person's pairings for his page."""
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import aliased, selectinload

from app.bases.models import MenteeParticipation, MentorParticipation
from app.core.search import contains_pattern
from app.extensions import db
from app.pairs.models import Pairing, PairingKind, PairingMember, PairingState
from app.people.models import Person

ALL_YEARS = "all"


@dataclass
class PairingFilters:
    year_id: int | None = None
    form_id: int | None = None
    kind: str = ""
    state: str = ""
    search: str = ""

    @classmethod
    def from_args(cls, args, default_year):
        year = args.get("year", "")
        year_id = None if year == ALL_YEARS else int(year) if year.isdigit() else (
            default_year.id if default_year else None)
        form, kind, state = args.get("form", ""), args.get("kind", ""), args.get("state", "")
        return cls(year_id=year_id, form_id=int(form) if form.isdigit() else None,
                   kind=kind if kind in {k.value for k in PairingKind} else "",
                   state=state if state in {s.value for s in PairingState} else "",
                   search=args.get("q", "").strip()[:100])

    @property
    def year_arg(self):
        return str(self.year_id) if self.year_id else ALL_YEARS


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


def person_pairings(person):
    """His pairings as a mentor and as a mentee, every year, newest first (the person's page)."""
    as_mentor = select(Pairing.id).join(MentorParticipation, Pairing.mentor_id == MentorParticipation.id).where(
        MentorParticipation.person_id == person.id)
    as_mentee = (select(PairingMember.pairing_id)
                 .join(MenteeParticipation, PairingMember.mentee_id == MenteeParticipation.id)
                 .where(MenteeParticipation.person_id == person.id))
    pairings = db.session.scalars(
        select(Pairing).where(or_(Pairing.id.in_(as_mentor), Pairing.id.in_(as_mentee)))
        .options(selectinload(Pairing.members).joinedload(PairingMember.mentee))
        .order_by(Pairing.starts_on.desc(), Pairing.id.desc())).all()
    return {"pairings": pairings}
