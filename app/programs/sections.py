"""The program year's page shows what the domains above the programs know of the year — the pairs' plans and
meetings — each as a section a domain registers here (as the person's page does, app.people.sections)."""
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class YearSection:
    #: Included in programs/year_view.html with ``year`` and ``data`` (what ``data`` gave).
    template: str
    order: int = 100
    #: ``data(year)`` -> what the template needs beyond the year.
    data: Callable | None = None


_SECTIONS: list[YearSection] = []


def register_year_section(section: YearSection):
    _SECTIONS.append(section)
    return section


def sections_for(year):
    """[(section, its data)], in order."""
    return [(section, section.data(year) if section.data else None)
            for section in sorted(_SECTIONS, key=lambda s: s.order)]
