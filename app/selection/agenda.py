"""A meeting's agenda (4.13): the secretary puts the year's applications (Приложение 5) before the commission.

An application goes there only with every paper of its candidate signed — the papers' gate (app.applications.gate),
which names what is missing — and moves to «на рассмотрении комиссии»; it comes off the agenda only before anyone
scored it.
"""
from sqlalchemy import func, select

from app.applications import services as applications
from app.applications.checklist import candidate_checklists
from app.applications.models import ApplicationStatus, CandidateApplication
from app.audit import services as audit
from app.core.declension import gendered
from app.core.errors import RuleError
from app.core.formatting import ru_date
from app.extensions import db
from app.people.models import Person
from app.selection.models import MeetingCandidate
from app.selection.registry import in_registry


def waiting_applications(year):
    """[(application, checklist)] of the year still waiting for the commission, by name; those already in the
    registry of mentors (by an earlier order) are not waiting for it."""
    year_id = year.id
    found = db.session.scalars(
        select(CandidateApplication).join(CandidateApplication.person)
        .where(CandidateApplication.program_year_id == year_id,
               CandidateApplication.status == ApplicationStatus.SUBMITTED)
        .order_by(Person.search_name, CandidateApplication.id)).all()
    registered = in_registry(year_id, {application.person_id for application in found})
    found = [application for application in found if application.person_id not in registered]
    checklists = candidate_checklists(found)
    return [(application, checklists[application.id]) for application in found]


def add_to_agenda(meeting, chosen, *, actor):
    """Put ``chosen`` applications on the open meeting's agenda; all of them, or none if one is refused."""
    meeting.ensure_open()
    if not chosen:
        raise RuleError("Отметьте кандидатов, которых комиссия рассматривает на этом заседании.",
                        field="applications")
    year_id = meeting.commission.program_year_id
    registered = in_registry(year_id, {application.person_id for application in chosen})
    position = db.session.scalar(select(func.max(MeetingCandidate.position))
                                 .where(MeetingCandidate.meeting_id == meeting.id)) or 0
    added = []
    for application in chosen:
        if application.program_year_id != year_id:
            raise RuleError(f"Заявление {application.person.full_name} подано на другой учебный год.",
                            field="applications")
        if application.person_id in registered:
            row = registered[application.person_id]
            raise RuleError(f"{application.person.full_name} уже в реестре наставников (основание: "
                            f"{row.registry_basis}): комиссии решать о нём нечего.", section="4.13",
                            field="applications")
        if application.applied_on > meeting.meeting_date:
            raise RuleError(f"Заявление {application.person.full_name} подано {ru_date(application.applied_on)} — "
                            f"позже заседания {ru_date(meeting.meeting_date)}: его рассматривает следующее "
                            "заседание.", field="applications")
        # The papers' gate (4.5, 4.11, Приложение 5) runs first and names every missing paper.
        applications.start_review(application, on=meeting.meeting_date, actor=actor)
        if any(item.application_id == application.id for item in meeting.candidates):
            continue  # withdrawn and reinstated while on this agenda: back under review where he was
        position += 1
        item = MeetingCandidate(meeting=meeting, application=application, position=position, added_by_id=actor.id)
        db.session.add(item)
        added.append(item)
    db.session.flush()
    audit.record("meeting_candidates_added", actor=actor, target=meeting,
                 details={"candidates": [item.person.full_name for item in added]})
    return added


def remove_from_agenda(item, *, actor):
    """Take a candidate off the agenda set by mistake; once a member scored him, the commission decides on him."""
    meeting = item.meeting
    meeting.ensure_open()
    if item.reviews:
        person = item.person
        raise RuleError(f"{person.full_name} уже {gendered(person, 'оценён', 'оценена')} членами комиссии: снять "
                        f"{gendered(person, 'его', 'её')} с заседания нельзя, решение по "
                        f"{gendered(person, 'нему', 'ней')} принимает комиссия.", section="4.13")
    if item.application.status == ApplicationStatus.UNDER_REVIEW:
        applications.return_from_review(item.application, actor=actor)
    meeting.candidates.remove(item)
    db.session.flush()
    audit.record("meeting_candidate_removed", actor=actor, target=meeting,
                 details={"candidate": item.person.full_name})


def active_candidates(meeting):
    """Those the commission decides (or decided) on: the agenda without the candidates who withdrew meanwhile."""
    return [item for item in meeting.candidates
            if item.decided or item.application.status == ApplicationStatus.UNDER_REVIEW]
