"""The filtered, sorted queries behind the base lists, shared by the pages and the Excel export."""
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import contains_eager, selectinload

from app.bases.models import MenteeParticipation, MenteeStatus, MentorParticipation, MentorStatus
from app.core.filters import choice_from, id_from, search_from, year_arg, year_from
from app.core.search import contains_pattern
from app.core.sorting import apply_sort
from app.people.categories import MENTEE_CATEGORIES_BY_PERSON, MenteeCategory, MentorCategory
from app.people.models import Person
from app.programs.services import current_year


@dataclass
class BaseFilters:
    """What a base list is narrowed to: ``year_id`` None means every year."""

    year_id: int | None = None
    form_id: int | None = None
    category: str = ""
    status: str = ""
    search: str = ""
    sort: str = ""

    @classmethod
    def from_args(cls, args, default_year, categories, statuses):
        """Read the query string; unknown values are ignored, the year defaults to the current one."""
        return cls(year_id=year_from(args, default_year), form_id=id_from(args, "form"),
                   category=choice_from(args, "category", categories), status=choice_from(args, "status", statuses),
                   search=search_from(args), sort=args.get("sort", ""))

    @property
    def year_arg(self):
        return year_arg(self.year_id)


MENTEE_SORTS = {
    "name": (Person.search_name,),
    "birth": (Person.birth_date,),
    "entry": (MenteeParticipation.entry_date,),
    "end": (MenteeParticipation.end_date,),
    "status": (MenteeParticipation.status,),
}

MENTOR_SORTS = {
    "name": (Person.search_name,),
    "entry": (MentorParticipation.entry_date,),
    "end": (MentorParticipation.end_date,),
    "status": (MentorParticipation.status,),
}


def mentee_filters(args, default_year):
    return BaseFilters.from_args(args, default_year, MenteeCategory, MenteeStatus)


def mentor_filters(args, default_year):
    return BaseFilters.from_args(args, default_year, MentorCategory, MentorStatus)


def mentee_query(filters):
    """Rows of the mentee base with everything a page or a sheet shows loaded in a fixed number of queries."""
    query = (select(MenteeParticipation).join(MenteeParticipation.person)
             .options(contains_eager(MenteeParticipation.person).selectinload(Person.representatives),
                      selectinload(MenteeParticipation.memberships)))
    query = _narrow(query, MenteeParticipation, filters)
    return apply_sort(query, filters.sort, MENTEE_SORTS, "name", MenteeParticipation.id)


def mentor_query(filters):
    query = (select(MentorParticipation).join(MentorParticipation.person)
             .options(contains_eager(MentorParticipation.person),
                      selectinload(MentorParticipation.pairings), selectinload(MentorParticipation.application)))
    query = _narrow(query, MentorParticipation, filters)
    return apply_sort(query, filters.sort, MENTOR_SORTS, "name", MentorParticipation.id)


def _narrow(query, model, filters):
    if filters.year_id:
        query = query.where(model.program_year_id == filters.year_id)
    if filters.form_id:
        query = query.where(model.mentorship_form_id == filters.form_id)
    if filters.category:
        query = query.where(model.category == filters.category)
    if filters.status:
        query = query.where(model.status == filters.status)
    if filters.search:
        query = query.where(Person.search_name.like(contains_pattern(filters.search), escape="\\"))
    return query


def person_in_bases(person):
    """For the person's page (bases/_person.html): the current year, whether he is already in either base in it,
    whether his category may have a mentor at all (4.3)."""
    year = current_year()
    return {"year": year, "may_be_mentee": bool(MENTEE_CATEGORIES_BY_PERSON[person.category]),
            "in_year": {"mentee": year is not None and any(p.program_year_id == year.id
                                                           for p in person.mentee_participations),
                        "mentor": year is not None and any(p.program_year_id == year.id
                                                           for p in person.mentor_participations)}}
