"""From the protocol to the director's orders (4.13, Приложение 4; Приложение 1, last paragraph).

The mentor candidates the commission selected enter the mentor base (Приложение 4) with the date they entered the
program, and the registry of mentors by the order approving it; the order prints the whole registry of the year
(app.bases.prefill.registry_prefill) with the protocol's number and date. A selected curator candidacy leads to the
curator's appointment order. Those not selected keep their application with the decision.
"""
from sqlalchemy import select

from app.applications.models import ApplicationStatus, NominationKind
from app.audit import services as audit
from app.bases import services as bases
from app.bases.models import MentorParticipation, MentorStatus
from app.bases.prefill import registry_prefill
from app.consents.services import participant_position
from app.core.declension import decline_phrase
from app.core.errors import RuleError
from app.core.formatting import ru_date
from app.documents.links import PaperState
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


# --- nominated without the commission (4.13: «реестр наставников, прошедших выдвижение или предварительный отбор») ---

def nomination_ready(nomination):
    """Why the nomination cannot yet lead to its orders (None when it can): its order of nomination is issued, and
    the administration's approval sheet is signed, or the collective's представление filed (4.13)."""
    order = nomination.order_document
    if order is None or order.status != DocumentStatus.ISSUED:
        return ("Сначала выпустите приказ о выдвижении (проект подписывает директор, номер присваивает секретарь в "
                "реестре документов).")
    if nomination.kind == NominationKind.ADMINISTRATION and nomination.printed_state != PaperState.SIGNED:
        return "Сначала загрузите скан листа согласования, подписанного кандидатами и куратором."
    if nomination.kind == NominationKind.COLLECTIVE and not nomination.presentation_scans:
        return "Сначала загрузите скан подписанного представления коллектива."
    return None


def nominated_mentors(nomination):
    """The nomination's mentor candidates (not the curator's), with their rows of the year's mentor base if any."""
    rows = {row.person_id: row for row in db.session.scalars(select(MentorParticipation).where(
        MentorParticipation.program_year_id == nomination.program_year_id,
        MentorParticipation.person_id.in_([c.person_id for c in nomination.candidates])))}
    return [(candidate, rows.get(candidate.person_id)) for candidate in nomination.candidates
            if not candidate.for_curator]


def nomination_basis(nomination):
    """«приказа о выдвижении наставников от 05.09.2026 № 15-од»: how the registry order cites it."""
    order = nomination.order_document
    number = f" № {order.number_text}" if order.number_text else ""
    kind = decline_phrase(order.kind_title, "genitive")
    return f"{kind[:1].lower()}{kind[1:]} от {order.doc_date.strftime('%d.%m.%Y')}{number}"


def approve_nominated(nomination, *, order_date, entry_date, competencies, actor):
    """Issue the order approving the registry with the nominated mentors, on the nomination's order, without the
    commission (4.13); ``competencies[candidate id]`` for those new to the mentor base (Приложение 4)."""
    year = nomination.program_year
    year.ensure_open("Реестр наставников")
    refusal = nomination_ready(nomination)
    if refusal:
        raise RuleError(refusal, section="4.13")
    if order_date is None or order_date < nomination.order_document.doc_date:
        raise RuleError("Приказ об утверждении реестра издаётся не раньше приказа о выдвижении.", section="4.13",
                        field="order_date")
    if entry_date is None or entry_date < order_date:
        raise RuleError("Наставники входят в программу не раньше приказа, утверждающего реестр.", section="4.13",
                        field="entry_date")
    incoming = []
    for candidate, mentor in nominated_mentors(nomination):
        if mentor is None:
            text = (competencies.get(candidate.id) or "").strip()
            if not text:
                raise RuleError(f"Опишите основные компетенции наставника {candidate.person.full_name} (Приложение 4):"
                                " так он войдёт в базу наставников.", field=f"competencies_{candidate.id}")
            mentor = bases.add_mentor(candidate.person, year, mentorship_form=candidate.mentorship_form,
                                      entry_date=entry_date, competencies=text, actor=actor)
        if mentor.status == MentorStatus.POTENTIAL:
            incoming.append(mentor)
    if not incoming:
        raise RuleError("Все выдвинутые наставники уже в реестре: утверждать нечего.", section="4.13")
    prefill = registry_prefill(year, incoming)
    order = issue_document("order_approve_mentor_registry", {
        **prefill.values, "doc_date": order_date, "nomination_basis": nomination_basis(nomination)}, actor,
        subjects=[*prefill.subjects, Subject("nomination", nomination.id, "registry", nomination.label)])
    for mentor in incoming:
        bases.register_mentor(mentor, basis=order.label, on=order_date, actor=actor)
    audit.record("mentor_registry_approved", actor=actor, target=nomination,
                 details={"order": order.number_text, "entered": [m.person.full_name for m in incoming]})
    return order


def appoint_nominated_curator(nomination, *, order_date, actor):
    """Issue the curator's appointment order for the nomination's curator candidacy (4.13), without the commission."""
    nomination.program_year.ensure_open("Приказ о назначении куратора")
    candidate = next((row for row in nomination.candidates if row.for_curator), None)
    if candidate is None:
        raise RuleError("В этом выдвижении нет кандидата в кураторы.", section="4.13")
    refusal = nomination_ready(nomination)
    if refusal:
        raise RuleError(refusal, section="4.13")
    current = nomination.current_document_of("order_appoint_curator")
    if current is not None and current.status != DocumentStatus.CANCELLED:
        raise RuleError(f"Приказ о назначении куратора уже выпущен: {current.label}.")
    if order_date is None or order_date < nomination.order_document.doc_date:
        raise RuleError("Приказ о назначении куратора издаётся не раньше приказа о выдвижении.", field="order_date")
    person = candidate.person
    order = issue_document("order_appoint_curator", {
        "doc_date": order_date, "academic_year": nomination.program_year.title, "curator": person,
        "curator_position": participant_position(person)}, actor,
        subjects=[Subject("person", person.id, "curator", person.short_name),
                  Subject("nomination", nomination.id, "curator_order", nomination.label)])
    audit.record("curator_appointed", actor=actor, target=nomination,
                 details={"curator": person.full_name, "order": order.number_text})
    return order
