"""Forming pairs and groups, starting a group, adding a member, completing, undoing a pair entered by mistake.

Every formation checks the rules of app.pairs.rules and holds a lock on the mentor (app.core.idempotency.serialize)
from the 4.6 count to the commit, so two curators at the same moment can never give him a third mentee. The mentee's
row of the base follows his pairing: his status (paired), his form (the mentor's) and «Дата завершения программы»
(the pairing's end), written here only.
"""
from app.audit import services as audit
from app.bases import services as bases
from app.bases.models import MenteeStatus
from app.bases.rules import one_year_after
from app.core.errors import RuleError
from app.core.formatting import local_today, ru_date
from app.core.idempotency import serialize
from app.extensions import db
from app.pairs import rules
from app.pairs.models import (
    AgreementRole,
    Pairing,
    PairingAgreement,
    PairingKind,
    PairingMember,
    PairingState,
)


def default_period(mentee, mentor):
    """From the later of the two entry dates to the mentee's planned end, or the year's end (at most a year); a
    partner's employee's pair ends by the end of his organisation's agreement in force at the start."""
    start = max(mentee.entry_date, mentor.entry_date)
    end = mentee.end_date if mentee.end_date and mentee.end_date > start else mentee.program_year.end_date
    ends = [end, one_year_after(start), rules.agreement_end(mentor, start)]
    return start, min(day for day in ends if day is not None)


def lock_mentor(mentor):
    """From here to the commit, no other request counts or gives this person's mentees (4.6)."""
    serialize("mentor-capacity", mentor.person_id)


def form_pair(mentee, mentor, *, starts_on=None, planned_end_on=None, actor=None):
    """Form a pair: one mentor of the registry, one waiting mentee, a period of at most one year (4.6, 4.7)."""
    year = mentee.program_year
    year.ensure_open("Новые пары")
    if starts_on is None or planned_end_on is None:
        default_start, default_end = default_period(mentee, mentor)
        starts_on, planned_end_on = starts_on or default_start, planned_end_on or default_end
    rules.check_mentee_waiting(mentee)
    rules.check_registry(mentor)
    rules.check_match(mentee, mentor)
    rules.check_period(starts_on, planned_end_on, year)
    rules.check_entry(mentee, mentor, starts_on)
    rules.check_partner_agreement(mentor, starts_on, planned_end_on)
    rules.check_papers(mentee, mentor, starts_on)
    lock_mentor(mentor)
    rules.check_capacity(mentor, starts_on, planned_end_on)
    pairing = Pairing(kind=PairingKind.PAIR, program_year=year, mentorship_form=mentor.mentorship_form,
                      mentor=mentor, starts_on=starts_on, planned_end_on=planned_end_on, state=PairingState.ACTIVE)
    db.session.add(pairing)
    _join(pairing, mentee, starts_on)
    db.session.flush()
    audit.record("pairing_formed", actor=actor, target=pairing,
                 details={"mentor": mentor.person.full_name, "mentee": mentee.person.full_name,
                          "form": mentor.mentorship_form.name, "period": _period(pairing)})
    return pairing


def form_group(mentor, mentees, *, starts_on, planned_end_on, actor=None):
    """Form a group (4.6: group work, by agreement of the mentor and of each mentee): it is formed at once and starts
    once each of them has signed the agreement (``start_group``)."""
    mentees = list(dict.fromkeys(mentees))
    if len(mentees) < 2:
        raise RuleError("В группе не менее двух наставляемых; для одного сформируйте пару.", section="4.6",
                        field="mentees")
    year = mentor.program_year
    year.ensure_open("Новые группы")
    rules.check_registry(mentor)
    rules.check_period(starts_on, planned_end_on, year)
    rules.check_partner_agreement(mentor, starts_on, planned_end_on)
    for mentee in mentees:
        rules.check_mentee_waiting(mentee)
        rules.check_match(mentee, mentor)
        rules.check_entry(mentee, mentor, starts_on)
        rules.check_papers(mentee, mentor, starts_on)
    pairing = Pairing(kind=PairingKind.GROUP, program_year=year, mentorship_form=mentor.mentorship_form,
                      mentor=mentor, starts_on=starts_on, planned_end_on=planned_end_on, state=PairingState.FORMING)
    db.session.add(pairing)
    pairing.agreements.append(PairingAgreement(person=mentor.person, role=AgreementRole.MENTOR))
    for mentee in mentees:
        _join(pairing, mentee, starts_on)
        pairing.agreements.append(PairingAgreement(person=mentee.person, role=AgreementRole.MENTEE))
    db.session.flush()
    audit.record("group_formed", actor=actor, target=pairing,
                 details={"mentor": mentor.person.full_name, "mentees": [m.person.full_name for m in mentees],
                          "form": mentor.mentorship_form.name, "period": _period(pairing)})
    return pairing


def start_group(pairing, *, actor=None):
    """4.6: the group starts its work once the mentor and each mentee have signed their agreement."""
    pairing.program_year.ensure_open("Изменения")
    missing = [agreement.person.short_name for agreement in pairing.agreements if not agreement.signed]
    if missing:
        raise RuleError("Групповая форма работы — по согласованию с наставником и наставляемыми: нет подписанного "
                        f"согласия ({', '.join(missing)}). Распечатайте согласия и загрузите их сканы.",
                        section="4.6", field="pairing")
    pairing.activate()
    db.session.flush()
    audit.record("group_started", actor=actor, target=pairing, details={"pairing": pairing.title})
    return pairing


def add_member(pairing, mentee, *, joined_on=None, actor=None):
    """A mentee joins a group; it waits for his signed agreement again before it goes on (4.6)."""
    if not pairing.is_group:
        raise RuleError("В пару нельзя добавить второго наставляемого: сформируйте группу.", section="4.6",
                        field="mentee")
    if not pairing.state.is_open:
        raise RuleError(f"Группа в состоянии «{pairing.state.label}»: добавлять наставляемых нельзя.", field="mentee")
    pairing.program_year.ensure_open("Изменения")
    joined_on = joined_on or max(local_today(), pairing.starts_on)
    if not pairing.starts_on <= joined_on < pairing.planned_end_on:
        raise RuleError(f"Дата вступления в группу — в её сроке: с {ru_date(pairing.starts_on)} по "
                        f"{ru_date(pairing.planned_end_on)}.", field="joined_on")
    if any(member.mentee_id == mentee.id for member in pairing.members):
        raise RuleError(f"{mentee.person.short_name} уже в этой группе.", field="mentee")
    rules.check_mentee_waiting(mentee)
    rules.check_match(mentee, pairing.mentor)
    rules.check_entry(mentee, pairing.mentor, joined_on)
    rules.check_papers(mentee, pairing.mentor, joined_on)
    _join(pairing, mentee, joined_on)
    pairing.agreements.append(PairingAgreement(person=mentee.person, role=AgreementRole.MENTEE))
    pairing.state = PairingState.FORMING
    db.session.flush()
    audit.record("pairing_member_added", actor=actor, target=pairing,
                 details={"mentee": mentee.person.full_name, "pairing": pairing.title})
    return pairing


def complete(pairing, *, on=None, actor=None):
    """The pair or group has done its program: each mentee is marked as having gone through it."""
    rules.check_running(pairing, "отметить завершение")
    on = on or local_today()
    if on < pairing.starts_on:
        raise RuleError(f"Дата завершения не может быть раньше начала ({ru_date(pairing.starts_on)}).", field="on")
    limit = pairing.planned_end_on if pairing.extended else one_year_after(pairing.starts_on)
    if on > max(limit, pairing.planned_end_on):
        raise RuleError(f"Наставничество длится не более 1 календарного года: отметьте завершение не позднее "
                        f"{ru_date(limit)} или продлите срок приказом.", section="4.7", field="on")
    extended = [member for member in pairing.current_members
                if member.planned_end_on is not None and member.planned_end_on > max(on, pairing.planned_end_on)]
    if extended:
        member = extended[0]
        raise RuleError(f"Срок наставничества {member.mentee.person.short_name} продлён приказом до "
                        f"{ru_date(member.planned_end_on)}: отметьте прохождение программы остальными в базе "
                        "наставляемых, а завершение группы — после этой даты.", section="4.7", field="on")
    pairing.complete(on)
    for member in pairing.current_members:
        if member.mentee.status == MenteeStatus.PAIRED:
            member.mentee.complete(on)
    sync_members(pairing)
    db.session.flush()
    audit.record("pairing_completed", actor=actor, target=pairing, details={"on": str(on)})
    return pairing


def undo(pairing, *, actor=None):
    """A pairing entered by mistake is removed, its mentees wait for a mentor again; refused once an order or an
    agreement paper concerns it (then it changes only by order, 4.7, 4.8)."""
    pairing.program_year.ensure_open("Изменения")
    if pairing.changes or pairing.linked_documents or pairing.replaces is not None or any(
            agreement.linked_documents for agreement in pairing.agreements):
        raise RuleError("По паре уже есть документы (приказы или согласия): удалить её нельзя. Пара меняется "
                        "приказом о замене наставника (п. 4.8) или о досрочном завершении (п. 4.7).", section="4.8",
                        field="pairing")
    if not pairing.state.is_open:
        raise RuleError(f"{pairing.kind.label.capitalize()} в состоянии «{pairing.state.label}»: удалить нельзя.",
                        field="pairing")
    names = [member.mentee.person.full_name for member in pairing.members]
    for member in pairing.members:
        if member.mentee.status == MenteeStatus.PAIRED:
            member.mentee.unpair()
    details = {"mentor": pairing.mentor.person.full_name, "mentees": names}
    target = ("pairing", pairing.id)
    db.session.delete(pairing)
    db.session.flush()
    audit.record("pairing_undone", actor=actor, target=target, details=details)


def undo_for_mentee(mentee, *, actor=None):
    """The bases' «Снять наставника»: his pair entered by mistake is removed; a group keeps going without him."""
    current = bases.open_pairing(mentee)
    if current is None:
        raise RuleError("У наставляемого нет пары.", field="mentor")
    if current.is_group and len(current.current_members) > 1:
        member = next(member for member in current.current_members if member.mentee_id == mentee.id)
        if member.pairing.changes:
            raise RuleError("По группе уже есть приказы: выведите наставляемого из группы приказом.", field="mentor")
        db.session.delete(member)
        for agreement in [a for a in current.agreements if a.person_id == mentee.person_id]:
            current.agreements.remove(agreement)
        mentee.unpair()
        db.session.flush()
        return
    undo(current, actor=actor)


def on_mentee_status(mentee, event, on):
    """The bases marked the mentee completed, withdrawn or back: his place in his pairing follows; a pairing with no
    mentee left is completed (or, if he withdrew, ended early)."""
    memberships = [member for member in mentee.memberships if member.pairing.state != PairingState.REPLACED]
    if not memberships:
        return
    member = memberships[-1]
    pairing = member.pairing
    if event in ("completed", "withdrawn"):
        if member.left_on is not None or not pairing.state.is_open:
            return
        member.left_on = on
        if not pairing.current_members:
            if event == "completed" and pairing.state == PairingState.ACTIVE:
                pairing.complete(on)
            else:
                pairing.state, pairing.ended_on = PairingState.ENDED_EARLY, on
                pairing.end_reason = "выбытие наставляемого"
    elif event == "reinstated":
        if pairing.changes and not pairing.state.is_open:
            raise RuleError("Пара закрыта приказом: сформируйте новую пару.", field="mentor")
        if any(change.member_id == member.id and change.in_force for change in pairing.changes):
            raise RuleError("Наставляемый выведен из группы приказом: включите его в группу снова или сформируйте "
                            "новую пару.", field="mentor")
        lock_mentor(pairing.mentor)
        if pairing.kind == PairingKind.PAIR:
            rules.check_capacity(pairing.mentor, member.joined_on, pairing.planned_end_on, excluding={member.id})
        member.left_on = None
        if not pairing.state.is_open:
            pairing.state, pairing.ended_on, pairing.end_reason = PairingState.ACTIVE, None, None
    db.session.flush()


def sync_members(pairing):
    """The base's «Дата завершения программы» of each current mentee is the pairing's end (planned or actual), or his
    own when an order for him alone extended it (4.7)."""
    for member in pairing.members:
        if member.left_on is None or member.left_on == pairing.ended_on:
            member.mentee.end_date = member.end_on


def _join(pairing, mentee, joined_on):
    mentee.pair_with(pairing.mentor)
    member = PairingMember(mentee=mentee, joined_on=joined_on)
    pairing.members.append(member)
    mentee.end_date = pairing.planned_end_on
    return member


def _period(pairing):
    return f"{ru_date(pairing.starts_on)} — {ru_date(pairing.planned_end_on)}"
