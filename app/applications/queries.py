"""The filtered queries behind the candidates' list, and finding a person to enter an application for."""
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import contains_eager, selectinload

from app.applications.models import ApplicationStatus, CandidateApplication, Nomination, NominationKind
from app.core.search import contains_pattern
from app.extensions import db
from app.people.models import Person

ALL_YEARS = "all"
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
        year = args.get("year", "")
        year_id = None if year == ALL_YEARS else int(year) if year.isdigit() else (
            default_year.id if default_year else None)
        form, status, put_forward = args.get("form", ""), args.get("status", ""), args.get("put_forward", "")
        return cls(year_id=year_id, form_id=int(form) if form.isdigit() else None,
                   status=status if status in {s.value for s in ApplicationStatus} else "",
                   put_forward=put_forward if put_forward in {SELF, *(k.value for k in NominationKind)} else "",
                   search=args.get("q", "").strip()[:100])

    @property
    def year_arg(self):
        return str(self.year_id) if self.year_id else ALL_YEARS


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
