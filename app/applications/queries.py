"""The filtered queries behind the candidates' list, and finding a person to enter an application for."""
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import contains_eager, selectinload

from app.applications.models import ApplicationStatus, CandidateApplication, Nomination, NominationKind
from app.core.filters import choice_from, id_from, search_from, year_arg, year_from
from app.core.search import contains_pattern
from app.extensions import db
from app.people.models import Person

SELF = "self"


@dataclass
class ApplicationFilters:
    year_id: int | None = None
    form_id: int | None = None
    status: str = ""
    put_forward: str = ""
    search: str = ""

    @classmethod
    def from_args(cls, args, default_year):
        return cls(year_id=year_from(args, default_year), form_id=id_from(args, "form"),
                   status=choice_from(args, "status", ApplicationStatus),
                   put_forward=choice_from(args, "put_forward", (SELF, *NominationKind)), search=search_from(args))

    @property
    def year_arg(self):
        return year_arg(self.year_id)


def application_query(filters):
    query = (select(CandidateApplication).join(CandidateApplication.person)
             .options(contains_eager(CandidateApplication.person), selectinload(CandidateApplication.nomination),
                      *CandidateApplication.papers_loaded()))
    if filters.year_id:
        query = query.where(CandidateApplication.program_year_id == filters.year_id)
    if filters.form_id:
        query = query.where(CandidateApplication.mentorship_form_id == filters.form_id)
    if filters.status:
        query = query.where(CandidateApplication.status == filters.status)
    if filters.put_forward == SELF:
        query = query.where(CandidateApplication.nomination_id.is_(None))
    elif filters.put_forward:
        query = query.where(CandidateApplication.nomination.has(Nomination.kind == filters.put_forward))
    if filters.search:
        query = query.where(Person.search_name.like(contains_pattern(filters.search), escape="\\"))
    return query.order_by(Person.search_name, CandidateApplication.id)


def find_people(search, limit):
    """People whose name contains ``search`` (the first ``limit``): an application is entered for one of them."""
    if not search:
        return []
    return list(db.session.scalars(select(Person).where(Person.search_name.like(contains_pattern(search), escape="\\"))
                                   .order_by(Person.search_name).limit(limit)))
