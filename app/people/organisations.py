"""Where a person works when he is not the college's: the partner organisations, which live above the people. The
partners register what the people's list and form need; a person's ``organisation`` is their record."""
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Organisations:
    #: ``listing()`` -> [(id, name)] of every organisation, for the list's filter.
    listing: Callable
    #: ``offered(current)`` -> the organisations a person may be given: the active ones, and ``current`` if he has it.
    offered: Callable
    #: ``get(id)`` -> the organisation with this id, or None.
    get: Callable


_SOURCES: list[Organisations] = []


def register_organisations(source: Organisations):
    _SOURCES.append(source)
    return source


def listing():
    return [row for source in _SOURCES for row in source.listing()]


def offered(current=None):
    return [organisation for source in _SOURCES for organisation in source.offered(current)]


def get(organisation_id):
    return next((found for source in _SOURCES if (found := source.get(organisation_id)) is not None), None)
