"""The person's page shows what the domains above the people know of him — his rows in the bases, his papers — each
as a section a domain registers here: its template, where it goes on the page and what it needs."""
from collections.abc import Callable
from dataclasses import dataclass

#: Where a section goes: above the person's details, beside them, below both.
PLACES = ("top", "side", "bottom")


@dataclass(frozen=True)
class PersonSection:
    #: Included in people/person_view.html, with ``person``, ``today``, ``editor`` and ``data`` (what ``data`` gave).
    template: str
    place: str = "side"
    #: Sections of one place, smallest first.
    order: int = 100
    #: ``data(person)`` -> what the template needs beyond the person.
    data: Callable | None = None


_SECTIONS: list[PersonSection] = []


def register_person_section(section: PersonSection):
    if section.place not in PLACES:
        raise ValueError(f"unknown place {section.place!r} of a person's section")
    _SECTIONS.append(section)
    return section


def sections_for(person):
    """{place: [(section, its data)]}, each place's sections in order."""
    placed = {place: [] for place in PLACES}
    for section in sorted(_SECTIONS, key=lambda s: s.order):
        placed[section.place].append((section, section.data(person) if section.data else None))
    return placed
