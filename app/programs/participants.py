"""Who takes part in a year's forms of mentorship. The program keeps the years and the forms; the participations
that use them live higher (the bases, the pairs to come), and each registers its model here when it is imported.
The program asks before a form leaves a year (4.1) or loses a category its participants were admitted with (4.3,
4.4), and its pages count the participants of each year and form."""
from dataclasses import dataclass

from sqlalchemy import func, select

from app.extensions import db


@dataclass(frozen=True)
class Participants:
    #: "mentee" or "mentor": which of the form's admitted categories (4.3 or 4.4) they come in with.
    side: str
    #: A mapped class with ``id``, ``program_year_id``, ``mentorship_form_id`` and ``category``.
    model: type


_PARTICIPANTS: list[Participants] = []


def register_participants(participants: Participants):
    _PARTICIPANTS.append(participants)
    return participants


def _models(side=None):
    return [entry.model for entry in _PARTICIPANTS if side is None or entry.side == side]


def count_in_form(year, form):
    """How many take part in ``form`` in ``year``, on every side."""
    return sum(db.session.scalar(select(func.count(model.id)).where(
        model.program_year_id == year.id, model.mentorship_form_id == form.id)) for model in _models())


def categories_in_use(form, side):
    """The categories ``side`` has taken part in ``form`` with, in any year."""
    return {category for model in _models(side) for category in db.session.scalars(
        select(model.category).distinct().where(model.mentorship_form_id == form.id))}


def count_by_year(side):
    """{program year id: participants on ``side``}."""
    counts = {}
    for model in _models(side):
        for year_id, count in db.session.execute(select(model.program_year_id, func.count(model.id))
                                                 .group_by(model.program_year_id)):
            counts[year_id] = counts.get(year_id, 0) + count
    return counts


def count_by_form(side, year):
    """{form id: participants on ``side`` in ``year``}."""
    counts = {}
    for model in _models(side):
        for form_id, count in db.session.execute(select(model.mentorship_form_id, func.count(model.id))
                                                 .where(model.program_year_id == year.id)
                                                 .group_by(model.mentorship_form_id)):
            counts[form_id] = counts.get(form_id, 0) + count
    return counts
