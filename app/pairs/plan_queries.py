"""The lists behind the mentor's pairings, the meetings' log, a person's plans and a year's progress."""
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.bases.models import MentorParticipation
from app.core.filters import choice_from, year_from
from app.extensions import db
from app.pairs.models import Pairing
from app.pairs.plan_models import IndividualPlan, Meeting, MeetingKind, PlanItemStatus, meeting_pairing
from app.pairs.queries import pairings_of_person


def mentor_pairings(person):
    """The pairings a person mentors, every year, newest first (the mentor's own page)."""
    return db.session.scalars(
        select(Pairing).join(MentorParticipation, Pairing.mentor_id == MentorParticipation.id)
        .where(MentorParticipation.person_id == person.id)
        .options(selectinload(Pairing.members), selectinload(Pairing.meetings), selectinload(Pairing.plan))
        .order_by(Pairing.starts_on.desc(), Pairing.id.desc())).all()


def person_plans(person):
    """His pairings' plans and last meetings, as a mentor and as a mentee (the person's page)."""
    pairings = db.session.scalars(pairings_of_person(person).options(
        selectinload(Pairing.plan), selectinload(Pairing.meetings))).all()
    return {"rows": [(pairing, pairing.plan, _last(pairing)) for pairing in pairings]}


def _last(pairing):
    return max(pairing.meetings, key=lambda meeting: (meeting.held_on, meeting.id), default=None)


@dataclass
class YearProgress:
    pairings: int
    with_plan: int
    items: int
    done: int
    meetings: int
    last_meeting: Meeting | None

    @property
    def percent(self):
        return round(100 * self.done / self.items) if self.items else 0


def year_progress(year):
    """The program year's page: how many pairs have a plan, the items done, the meetings and the last one."""
    pairings = db.session.scalars(select(Pairing).where(Pairing.program_year_id == year.id)
                                  .options(selectinload(Pairing.plan))).all()
    plans = [pairing.plan for pairing in pairings if pairing.plan is not None]
    items = [item for plan in plans for item in plan.items]
    meetings = db.session.scalar(select(db.func.count(Meeting.id)).where(Meeting.program_year_id == year.id))
    last = db.session.scalars(select(Meeting).where(Meeting.program_year_id == year.id)
                              .order_by(Meeting.held_on.desc(), Meeting.id.desc()).limit(1)).first()
    return YearProgress(pairings=len(pairings), with_plan=len(plans), items=len(items),
                        done=sum(item.status == PlanItemStatus.DONE for item in items), meetings=meetings or 0,
                        last_meeting=last)


@dataclass
class MeetingFilters:
    year_id: int | None = None
    kind: str = ""

    @classmethod
    def from_args(cls, args, default_year):
        return cls(year_id=year_from(args, default_year), kind=choice_from(args, "kind", MeetingKind))


def meeting_query(filters, pairing_ids=None):
    """Meetings newest first, narrowed by year and kind (and to ``pairing_ids``: a mentor's own)."""
    query = select(Meeting).order_by(Meeting.held_on.desc(), Meeting.id.desc())
    if filters.year_id:
        query = query.where(Meeting.program_year_id == filters.year_id)
    if filters.kind:
        query = query.where(Meeting.kind == filters.kind)
    if pairing_ids is not None:
        query = query.where(Meeting.id.in_(select(meeting_pairing.c.meeting_id)
                                           .where(meeting_pairing.c.pairing_id.in_(pairing_ids))))
    return query


def plan_of(pairing_id):
    return db.session.scalar(select(IndividualPlan).where(IndividualPlan.pairing_id == pairing_id))
