"""The regulation's rules on pairs and groups, one function each, each refusing with the section it enforces.

4.6 counts a mentor's mentees across all his pairs of every program year (he is the same person in each year's
mentor base), by the days each mentee is with him; groups, formed with everyone's signed agreement, are aside.
"""
from datetime import timedelta

from sqlalchemy import select

from app.bases import gates
from app.bases import rules as base_rules
from app.bases.models import MenteeStatus, MentorParticipation, MentorStatus
from app.core.declension import gendered
from app.core.errors import RuleError
from app.core.formatting import ru_date
from app.extensions import db
from app.pairs.models import Pairing, PairingKind, PairingMember, PairingState
from app.partners.models import Agreement
from app.people.categories import MentorCategory

#: 4.6: how many mentees one mentor may have at the same moment outside group work.
MAX_MENTEES = 2


def check_registry(mentor):
    """4.13, 4.14: pairs are formed from the approved registry of mentors."""
    if mentor.status != MentorStatus.REGISTERED:
        person = mentor.person
        raise RuleError(f"{person.short_name} не {gendered(person, 'включён', 'включена')} в реестр наставников: пары "
                        f"формируются из реестра (пп. 4.13, 4.14). Сначала включите {gendered(person, 'его', 'её')} в "
                        "реестр.", section="4.13", field="mentor")


def check_mentee_waiting(mentee):
    if mentee.status != MenteeStatus.WAITING:
        raise RuleError(f"У {mentee.person.short_name} статус «{mentee.status.label}»: в пару или группу можно "
                        "включить только ожидающего наставника.", field="mentee")


def check_match(mentee, mentor):
    """4.1, 4.3, 4.4: one year, not himself, the mentor's form running, admitting both (4.3 read literally: the
    mentee's category must be his person's)."""
    if mentee.program_year_id != mentor.program_year_id:
        raise RuleError("Наставник и наставляемый должны быть в базах одного учебного года.", field="mentor")
    if mentee.person_id == mentor.person_id:
        raise RuleError("Человек не может быть наставником самому себе.", field="mentor")
    form = mentor.mentorship_form
    base_rules.check_form_running(mentee.program_year, form, field="mentor")
    if mentee.mentorship_form_id is not None and mentee.mentorship_form_id != form.id:
        raise RuleError(f"{mentee.person.short_name}: наставляемый записан в форму «{mentee.mentorship_form.name}», "
                        f"а наставник — в форму «{form.name}»: выберите наставника его формы.", section="4.1",
                        field="mentor")
    base_rules.check_form_admits_mentor(form, mentor.category, field="mentor")
    check_mentee_category(mentee)
    base_rules.check_form_admits_mentee(form, mentee.category, field="mentor")


def check_mentee_category(mentee):
    """4.3 read literally: «педагогический работник» is a teacher; the college's other staff are not mentees."""
    try:
        base_rules.check_mentee_category(mentee.person, mentee.category)
    except RuleError as refusal:
        raise RuleError(f"{mentee.person.full_name}: {refusal.message} Исправьте запись базы наставляемых.",
                        section="4.3", field="mentee") from None


def check_period(starts_on, planned_end_on, year):
    """4.7: a start within the year and a planned end at most one calendar year later."""
    if starts_on is None or planned_end_on is None:
        raise RuleError("Укажите начало и плановое окончание наставничества.", section="4.7", field="planned_end_on")
    if not year.start_date <= starts_on <= year.end_date:
        raise RuleError(f"Начало наставничества должно быть в пределах {year.title} учебного года: с "
                        f"{ru_date(year.start_date)} по {ru_date(year.end_date)}.", field="starts_on")
    if planned_end_on <= starts_on:
        raise RuleError("Плановое окончание должно быть позже начала наставничества.", section="4.7",
                        field="planned_end_on")
    if planned_end_on > base_rules.one_year_after(starts_on):
        raise RuleError(f"Наставничество длится не более 1 календарного года: при начале {ru_date(starts_on)} оно "
                        f"завершается не позднее {ru_date(base_rules.one_year_after(starts_on))}. Позже — только "
                        "приказом о продлении (временная нетрудоспособность, командировка, иное продолжительное "
                        "отсутствие).", section="4.7", field="planned_end_on")


def check_entry(mentee, mentor, starts_on):
    """Both have entered the program by the start."""
    for participation, who in ((mentee, "наставляемого"), (mentor, "наставника")):
        if starts_on < participation.entry_date:
            raise RuleError(f"Начало наставничества ({ru_date(starts_on)}) раньше даты вхождения в программу "
                            f"{who} {participation.person.short_name} ({ru_date(participation.entry_date)}).",
                            field="starts_on")


def check_papers(mentee, mentor, starts_on):
    """4.11, Приложение 5, agreement 2.2: both have their signed papers (the applications' gate)."""
    gates.ensure_admitted(mentee.person, "mentee", mentee.program_year, max(mentee.entry_date, starts_on))
    gates.ensure_admitted(mentor.person, "mentor", mentor.program_year, max(mentor.entry_date, starts_on))


def _agreements(mentor):
    organisation_id = mentor.person.organisation_id
    return [] if organisation_id is None else db.session.scalars(
        select(Agreement).where(Agreement.partner_id == organisation_id).order_by(Agreement.signed_on)).all()


def agreement_end(mentor, starts_on):
    """The last day a partner's employee may mentor in a pair starting ``starts_on`` (his organisation's agreement
    in force then runs to it); None for anyone else, or when no agreement is in force."""
    if mentor.category != MentorCategory.PARTNER_EMPLOYEE:
        return None
    ends = [agreement.end_date for agreement in _agreements(mentor) if agreement.in_force_on(starts_on)]
    return max(ends) if ends else None


def check_partner_agreement(mentor, starts_on, planned_end_on):
    """Agreement 2.2, 3.6: a partner's employee mentors only while his organisation's agreement is signed and in
    force — on every day of the pair, its start and its planned end."""
    if mentor.category != MentorCategory.PARTNER_EMPLOYEE:
        return
    person = mentor.person
    if any(agreement.in_force_on(starts_on) and agreement.in_force_on(planned_end_on)
           for agreement in _agreements(mentor)):
        return
    where = person.organisation.short_name if person.organisation is not None else "его организацией"
    raise RuleError(f"{person.short_name} — сотрудник организации-партнёра: на весь срок пары (с {ru_date(starts_on)} "
                    f"по {ru_date(planned_end_on)}) нужно подписанное и действующее соглашение о наставничестве с "
                    f"{where} (Приложение 2). Загрузите скан подписанного соглашения или продлите его, либо "
                    "сократите срок пары (п. 2.2 соглашения).", section="4.10", field="mentor")


def member_interval(member, pairing):
    """[joined, the day after he left or the pairing ends): the days a mentee is with his mentor."""
    last = member.left_on or pairing.ended_on or pairing.planned_end_on
    return member.joined_on, last + timedelta(days=1)


def mentor_intervals(person_id, *, excluding=()):
    """(interval, mentee's short name) of every mentee in a pair (not a group) of this person as a mentor, across
    all program years; a pairing being replaced counts up to its replacement day."""
    rows = db.session.execute(
        select(PairingMember, Pairing).join(Pairing, PairingMember.pairing_id == Pairing.id)
        .join(MentorParticipation, Pairing.mentor_id == MentorParticipation.id)
        .where(MentorParticipation.person_id == person_id, Pairing.kind == PairingKind.PAIR,
               Pairing.state != PairingState.FORMING)).all()
    return [(member_interval(member, pairing), member.mentee.person.short_name)
            for member, pairing in rows if member.id not in excluding]


def check_capacity(mentor, starts_on, planned_end_on, *, excluding=()):
    """4.6: at most two mentees at the same moment, counted over all his pairs of every program year; group work,
    agreed by the mentor and the mentees, is the exception."""
    taken = mentor_intervals(mentor.person_id, excluding=excluding)
    window = (starts_on, planned_end_on + timedelta(days=1))
    if max_simultaneous([interval for interval, _ in taken], window) >= MAX_MENTEES:
        names = ", ".join(sorted({name for (first, last), name in taken if first < window[1] and window[0] < last}))
        raise RuleError(f"У наставника {mentor.person.short_name} в это время уже двое наставляемых ({names}): "
                        "наставник ведёт не более двух наставляемых одновременно (во всех парах и учебных годах), "
                        "кроме групповых форм работы по согласованию с наставником и наставляемыми. Выберите другого "
                        "наставника, другой срок или сформируйте группу.", section="4.6", field="mentor")


def max_simultaneous(intervals, window):
    """The largest number of ``intervals`` running on one day of ``window`` (half-open date ranges)."""
    start, end = window
    events = []
    for first, last in intervals:
        first, last = max(first, start), min(last, end)
        if first < last:
            events += [(first, 1), (last, -1)]
    events.sort(key=lambda event: (event[0], event[1]))
    running = most = 0
    for _, change in events:
        running += change
        most = max(most, running)
    return most


def check_early_end(pairing, on, member=None):
    """4.7: ends early before its planned end, not before it started (for one member of a group: his own)."""
    start = member.joined_on if member is not None else pairing.starts_on
    end = member.planned_end if member is not None else pairing.planned_end_on
    if on is None or not start <= on < end:
        raise RuleError(f"Дата досрочного завершения должна быть не раньше начала ({ru_date(start)}) и "
                        f"раньше планового окончания ({ru_date(end)}).", section="4.7", field="end_date")


def check_extension(pairing, new_end, member=None):
    """4.7: an extension moves the planned end later (for one member of a group: his own)."""
    end = member.planned_end if member is not None else pairing.planned_end_on
    if new_end is None or new_end <= end:
        raise RuleError(f"Новая дата окончания должна быть позже текущей ({ru_date(end)}).", section="4.7",
                        field="new_end")


def check_running(pairing, what):
    if pairing.state != PairingState.ACTIVE:
        raise RuleError(f"Нельзя {what}: {pairing.kind.label} в состоянии «{pairing.state.label}».", field="pairing")
    pairing.program_year.ensure_open("Изменения")
