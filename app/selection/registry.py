"""From the protocol to the director's orders (4.13, Приложение 4; Приложение 1, last paragraph).

The mentor candidates the commission selected enter the mentor base (Приложение 4) with the date they entered the
program, and the registry of mentors by the order approving it; the order prints the whole registry of the year
(app.bases.prefill.registry_prefill) with the protocol's number and date. A selected curator candidacy leads to the
curator's appointment order. Those not selected keep their application with the decision.
"""
from sqlalchemy import select

from app.applications.models import ApplicationStatus
from app.audit import services as audit
from app.bases import services as bases
from app.bases.models import MentorParticipation, MentorStatus
from app.bases.prefill import registry_prefill
from app.core.errors import RuleError
from app.core.formatting import ru_date
from app.documents.models import DocumentStatus
from app.documents.prefill import Subject
from app.documents.services import issue_document
from app.extensions import db


def selected_mentors(meeting):
    """The agenda's selected mentor candidates (not the curator's), in the agenda's order."""
    return [item for item in meeting.candidates
            if item.selected and not item.application.for_curator
            and item.application.status == ApplicationStatus.SELECTED]


def mentor_rows(meeting):
    """{agenda item id: his row of the year's mentor base, if he is in it already}."""
    people = {item.application.person_id: item.id for item in selected_mentors(meeting)}
    if not people:
        return {}
    rows = db.session.scalars(select(MentorParticipation).where(
        MentorParticipation.program_year_id == meeting.commission.program_year_id,
        MentorParticipation.person_id.in_(list(people))))
    return {people[row.person_id]: row for row in rows}


def in_registry(year_id, person_ids=None):
    """{person id: his row of the year's mentor base} for those in the registry of mentors (or who completed it):
    put there by an earlier order (a nomination by the administration, 4.13), the commission has nothing to decide.
    """
    query = select(MentorParticipation).where(
        MentorParticipation.program_year_id == year_id,
        MentorParticipation.status.in_([MentorStatus.REGISTERED, MentorStatus.COMPLETED]))
    if person_ids is not None:
        query = query.where(MentorParticipation.person_id.in_(list(person_ids)))
    return {row.person_id: row for row in db.session.scalars(query)}


def registry_pending(meeting):
    """The registry order is still to be issued: the protocol selected mentors and no order stands on it."""
    order = meeting.registry_order
    return (not meeting.is_open and bool(selected_mentors(meeting))
            and (order is None or order.status == DocumentStatus.CANCELLED))


def approve_registry(meeting, *, order_date, entry_date, competencies, actor):
    """Issue the order approving the registry of mentors from the meeting's protocol (4.13, Приложение 4).

    Each selected candidate enters the mentor base (if he is not in it) with ``entry_date`` as his date of entering
    the program and ``competencies[item id]`` as «Основные компетенции наставника», then the registry, with the
    order as the basis. ``competencies`` is needed only for those not yet in the base.
    """
    year = meeting.commission.program_year
    year.ensure_open("Реестр наставников")
    protocol = _ensure_registry_due(meeting)
    _check_dates(meeting, order_date, entry_date)
    existing = mentor_rows(meeting)
    incoming = []
    for item in selected_mentors(meeting):
        mentor = existing.get(item.id)
        if mentor is None:
            text = (competencies.get(item.id) or "").strip()
            if not text:
                raise RuleError(f"Опишите основные компетенции наставника {item.person.full_name} (Приложение 4): "
                                "так он войдёт в базу наставников.", field=f"competencies_{item.id}")
            mentor = bases.add_mentor(item.person, year, mentorship_form=item.application.mentorship_form,
                                      entry_date=entry_date, competencies=text, actor=actor)
        if mentor.status == MentorStatus.POTENTIAL:
            incoming.append(mentor)
        elif mentor.status != MentorStatus.REGISTERED:
            raise RuleError(f"{item.person.full_name} в базе наставников со статусом «{mentor.status.label}»: "
                            "верните его в программу на странице наставника, затем утверждайте реестр.")
    prefill = registry_prefill(year, incoming)
    order = issue_document("order_approve_mentor_registry", {
        **prefill.values, "doc_date": order_date, "protocol_number": protocol.number_text,
        "protocol_date": protocol.doc_date}, actor, subjects=prefill.subjects)
    for mentor in incoming:
        # The papers' gate runs here again: a consent withdrawn since the meeting keeps him out, by name.
        bases.register_mentor(mentor, basis=order.label, on=order_date, actor=actor)
    meeting.registry_order = order
    db.session.flush()
    audit.record("mentor_registry_approved", actor=actor, target=meeting,
                 details={"order": order.number_text, "entered": [m.person.full_name for m in incoming]})
    return order


def _ensure_registry_due(meeting):
    if meeting.is_open or meeting.protocol_document is None:
        raise RuleError("Реестр утверждается по протоколу: сначала закройте заседание комиссии.", section="4.13")
    if not selected_mentors(meeting):
        raise RuleError("По протоколу этого заседания в наставники никто не отобран: утверждать нечего.",
                        section="4.13")
    order = meeting.registry_order
    if order is not None and order.status != DocumentStatus.CANCELLED:
        raise RuleError(f"Реестр по этому протоколу уже утверждён: {order.label}. Исправление — новая версия "
                        "приказа в реестре документов.", section="4.13")
    return meeting.protocol_document


def _check_dates(meeting, order_date, entry_date):
    if order_date is None or order_date < meeting.meeting_date:
        raise RuleError(f"Приказ издаётся на основании протокола от {ru_date(meeting.meeting_date)}: его дата не "
                        "раньше заседания.", section="4.13", field="order_date")
    if entry_date is None or entry_date < order_date:
        raise RuleError("Наставники входят в программу не раньше приказа, утверждающего реестр.",
                        section="4.13", field="entry_date")


def appoint_curator(item, *, order_date, actor):
    """Issue the curator's appointment order for a selected curator candidacy (Приложение 1, last paragraph)."""
    meeting = item.meeting
    meeting.commission.program_year.ensure_open("Приказ о назначении куратора")
    application = item.application
    if meeting.is_open or not application.for_curator or not item.selected:
        raise RuleError("Приказ о назначении куратора издаётся по протоколу, которым кандидат в кураторы отобран "
                        "комиссией.", section="Приложение 1")
    current = item.appointment_order
    if current is not None and current.status != DocumentStatus.CANCELLED:
        raise RuleError(f"Приказ о назначении куратора уже выпущен: {current.label}.")
    if order_date is None or order_date < meeting.meeting_date:
        raise RuleError(f"Приказ издаётся на основании протокола от {ru_date(meeting.meeting_date)}: его дата не "
                        "раньше заседания.", field="order_date")
    person = item.person
    order = issue_document("order_appoint_curator", {
        "doc_date": order_date, "academic_year": meeting.commission.program_year.title, "curator": person,
        "curator_position": application.position}, actor,
        subjects=[Subject("person", person.id, "curator", person.short_name)])
    item.appointment_order = order
    db.session.flush()
    audit.record("curator_appointed", actor=actor, target=meeting,
                 details={"curator": person.full_name, "order": order.number_text})
    return order
