"""The filtered, sorted query behind the people list, shared by the page and the Excel export."""
from dataclasses import dataclass

from sqlalchemy import select

from app.core.search import contains_pattern
from app.core.sorting import apply_sort
from app.people.categories import PersonCategory
from app.people.models import Person

SORTS = {
    "name": (Person.search_name,),
    "birth": (Person.birth_date,),
    "category": (Person.category,),
    "group": (Person.study_group,),
    "created": (Person.created_at,),
}


@dataclass
class PeopleFilters:
    search: str = ""
    category: str = ""
    organisation_id: int | None = None
    group: str = ""
    sort: str = ""

    @classmethod
    def from_args(cls, args):
        category = args.get("category", "")
        organisation = args.get("organisation", "")
        return cls(search=args.get("q", "").strip()[:100],
                   category=category if category in {c.value for c in PersonCategory} else "",
                   organisation_id=int(organisation) if organisation.isdigit() else None,
                   group=args.get("group", "").strip()[:50], sort=args.get("sort", ""))


def people_query(filters):
    query = select(Person)
    if filters.search:
        query = query.where(Person.search_name.like(contains_pattern(filters.search), escape="\\"))
    if filters.category:
        query = query.where(Person.category == filters.category)
    if filters.organisation_id:
        query = query.where(Person.organisation_id == filters.organisation_id)
    if filters.group:
        query = query.where(Person.study_group == filters.group)
    return apply_sort(query, filters.sort, SORTS, "name", Person.id)
