"""The mentee and mentor bases: adding, changing, pairing and the statuses; every change audited.

``link_mentor`` asks the pairs domain (app.bases.pairing) to form a pair: the pairs are its records and it checks
their rules. Entering the registry of mentors passes the gates the domains above register (app.bases.gates): the
papers of 4.11, Приложение 5 and agreement 2.2.
"""
from sqlalchemy import select

from app.audit import services as audit
from app.bases import gates, pairing, rules
from app.bases.models import MenteeParticipation, MenteeStatus, MentorParticipation, MentorStatus
from app.core.errors import RuleError
from app.core.formatting import local_today, ru_date
from app.core.idempotency import serialize
from app.extensions import db

MENTEE_FIELDS = ("category", "main_request", "entry_date", "mentorship_form", "end_date", "results", "case_link")
MENTOR_FIELDS = ("category", "mentorship_form", "entry_date", "competencies", "achievements", "interests",
                 "desired_mentee_age", "time_resource", "end_date", "results", "case_link")


# --- the mentee base (Приложение 3) --------------------------------------------------------------

def add_mentee(person, year, *, category, main_request, entry_date, mentorship_form=None, end_date=None,
               results=None, case_link=None, actor=None):
    """Enter a person in the year's mentee base (stage 2, 4.11)."""
    year.ensure_open("Новые записи")
    serialize("mentee", person.id, year.id)  # one row per person and year, even for two forms at once
    if _existing(MenteeParticipation, person, year):
        raise RuleError(f"{person.full_name} уже есть в базе наставляемых {year.title} учебного года.",
                        field="person")
    with db.session.no_autoflush:  # the half-built row must not be flushed by a query of the checks
        mentee = MenteeParticipation(person=person, program_year=year, status=MenteeStatus.WAITING)
        _apply_mentee(mentee, category, main_request, entry_date, mentorship_form, end_date, results, case_link)
    db.session.add(mentee)
    db.session.flush()
    audit.record("mentee_added", actor=actor, target=mentee,
                 details={"person": person.full_name, "year": year.title, "category": str(mentee.category)})
    return mentee


def update_mentee(mentee, *, category, main_request, entry_date, mentorship_form=None, end_date=None,
                  results=None, case_link=None, actor=None):
    mentee.program_year.ensure_open("Изменения")
    before = _snapshot(mentee, MENTEE_FIELDS)
    with db.session.no_autoflush:
        _apply_mentee(mentee, category, main_request, entry_date, mentorship_form, end_date, results, case_link)
        current = open_pairing(mentee)
        if current is not None:
            rules.check_form_admits_mentee(current.mentorship_form, mentee.category, field="category")
            if end_date != mentee.pairing_end_on:
                raise RuleError(f"«Дата завершения программы» наставляемого в паре — срок пары "
                                f"({ru_date(mentee.pairing_end_on)}): он меняется приказом о продлении или досрочном "
                                "завершении наставничества на странице пары.", section="4.7", field="end_date")
    _audit_change("mentee_updated", mentee, before, MENTEE_FIELDS, actor)
    return mentee


def _apply_mentee(mentee, category, main_request, entry_date, mentorship_form, end_date, results, case_link):
    person, year = mentee.person, mentee.program_year
    mentee.category = rules.check_mentee_category(person, category)
    mentee.main_request = _required_text(main_request, "Опишите основной запрос наставляемого: чего он хочет "
                                                       "достичь с наставником.", "main_request")
    rules.check_entry_date(year, entry_date)
    rules.check_student_age(person, entry_date)
    rules.check_representative(person, entry_date)
    rules.check_period(entry_date, end_date, extended_to=extended_to(mentee))
    if mentorship_form is not None:
        rules.check_form_running(year, mentorship_form)
        rules.check_form_admits_mentee(mentorship_form, mentee.category)
        if mentee.mentor is not None and mentee.mentor.mentorship_form_id != mentorship_form.id:
            raise RuleError(f"Наставник {mentee.mentor.person.short_name} работает в форме "
                            f"«{mentee.mentor.mentorship_form.name}»: форма пары — форма наставника.",
                            section="4.1", field="mentorship_form")
    mentee.entry_date, mentee.end_date = entry_date, end_date
    mentee.mentorship_form = mentorship_form
    mentee.results = _optional_text(results)
    mentee.case_link = rules.check_case_link(case_link)


# --- the mentor base (Приложение 4) ---------------------------------------------------------------

def add_mentor(person, year, *, mentorship_form, entry_date, competencies, category=None, achievements=None,
               interests=None, desired_mentee_age=None, time_resource=None, end_date=None, results=None,
               case_link=None, actor=None):
    """Enter a person in the year's base of potential mentors (stage 3, 4.12)."""
    year.ensure_open("Новые записи")
    serialize("mentor", person.id, year.id)
    if _existing(MentorParticipation, person, year):
        raise RuleError(f"{person.full_name} уже есть в базе наставников {year.title} учебного года.",
                        field="person")
    with db.session.no_autoflush:
        mentor = MentorParticipation(person=person, program_year=year, status=MentorStatus.POTENTIAL)
        _apply_mentor(mentor, category, mentorship_form, entry_date, competencies, achievements, interests,
                      desired_mentee_age, time_resource, end_date, results, case_link)
    db.session.add(mentor)
    db.session.flush()
    audit.record("mentor_added", actor=actor, target=mentor,
                 details={"person": person.full_name, "year": year.title, "form": mentor.mentorship_form.name})
    return mentor


def update_mentor(mentor, *, mentorship_form, entry_date, competencies, category=None, achievements=None,
                  interests=None, desired_mentee_age=None, time_resource=None, end_date=None, results=None,
                  case_link=None, actor=None):
    mentor.program_year.ensure_open("Изменения")
    before = _snapshot(mentor, MENTOR_FIELDS)
    if mentorship_form is not None and mentorship_form.id != mentor.mentorship_form_id and mentor.mentees:
        raise RuleError("У наставника уже есть наставляемые в его форме: форму нельзя сменить, пока они связаны с "
                        "ним.", section="4.1", field="mentorship_form")
    with db.session.no_autoflush:
        _apply_mentor(mentor, category, mentorship_form, entry_date, competencies, achievements, interests,
                      desired_mentee_age, time_resource, end_date, results, case_link)
    _audit_change("mentor_updated", mentor, before, MENTOR_FIELDS, actor)
    return mentor


def _apply_mentor(mentor, category, mentorship_form, entry_date, competencies, achievements, interests,
                  desired_mentee_age, time_resource, end_date, results, case_link):
    person, year = mentor.person, mentor.program_year
    mentor.category = rules.check_mentor_category(person, category)
    if mentorship_form is None:
        raise RuleError("Выберите форму наставничества, в которой он будет наставником.", field="mentorship_form")
    rules.check_form_running(year, mentorship_form)
    rules.check_form_admits_mentor(mentorship_form, mentor.category)
    rules.check_entry_date(year, entry_date)
    rules.check_student_age(person, entry_date)
    rules.check_representative(person, entry_date)
    rules.check_period(entry_date, end_date)
    mentor.mentorship_form = mentorship_form
    mentor.entry_date, mentor.end_date = entry_date, end_date
    mentor.competencies = _required_text(competencies, "Опишите основные компетенции наставника.", "competencies")
    mentor.achievements = _optional_text(achievements)
    mentor.interests = _optional_text(interests)
    mentor.desired_mentee_age = _optional_text(desired_mentee_age)
    mentor.time_resource = _optional_text(time_resource)
    mentor.results = _optional_text(results)
    mentor.case_link = rules.check_case_link(case_link)


# --- pairs ------------------------------------------------------------------------------------------

def link_mentor(mentee, mentor, *, actor=None):
    """Form a pair of ``mentor`` and ``mentee``: the pairs domain checks the regulation's rules and records it."""
    return pairing.form_pair(mentee, mentor, actor=actor)


def unlink_mentor(mentee, *, actor=None):
    """Undo a pair entered by mistake (a replacement by order, 4.8, is the pairs' own procedure)."""
    return pairing.undo_pair(mentee, actor=actor)


def open_pairing(mentee):
    """His forming or running pairing, or None."""
    current = mentee.pairing
    return current if current is not None and current.state in ("forming", "active") else None


def extended_to(participation):
    """The end his pairing set, which the pairs checked against 4.7 (an extension order may take it past one calendar
    year, and the pair may have started after he entered): the base accepts it; else None."""
    return getattr(participation, "pairing_end_on", None)


# --- statuses ---------------------------------------------------------------------------------------

def complete_mentee(mentee, *, on=None, actor=None):
    """«Отметка о прохождении программы»: the mentee has gone through it."""
    on = _status_date(mentee, on)
    rules.check_period(mentee.entry_date, on, field="on", extended_to=extended_to(mentee))
    mentee.complete(on)
    pairing.mentee_status_changed(mentee, "completed", on)
    _audit_status("mentee_status_changed", mentee, actor)


def withdraw_mentee(mentee, *, on=None, actor=None):
    on = _status_date(mentee, on)
    mentee.withdraw(on)
    pairing.mentee_status_changed(mentee, "withdrawn", on)
    _audit_status("mentee_status_changed", mentee, actor)


def reinstate_mentee(mentee, *, actor=None):
    mentee.program_year.ensure_open("Изменения")
    mentee.reinstate()
    if mentee.mentor is not None:
        if not mentee.mentor.is_active:
            raise RuleError(f"Наставник {mentee.mentor.person.short_name} уже не в программе: верните наставляемого "
                            "после того, как снимете с него этого наставника.", field="mentor")
        gates.ensure_admitted(mentee.person, "mentee", mentee.program_year, mentee.entry_date)
        pairing.mentee_status_changed(mentee, "reinstated", None)
    _audit_status("mentee_status_changed", mentee, actor)


def register_mentor(mentor, *, basis, on=None, actor=None):
    """Include in the registry of mentors (4.13): after selection by the commission or nomination by order."""
    mentor.program_year.ensure_open("Изменения")
    basis = _required_text(basis, "Укажите основание включения в реестр: приказ или протокол комиссии с номером "
                                  "и датой.", "basis")
    gates.ensure_admitted(mentor.person, "mentor", mentor.program_year, mentor.entry_date)
    mentor.register(on or local_today(), basis)
    _audit_status("mentor_status_changed", mentor, actor)


def complete_mentor(mentor, *, on=None, actor=None):
    on = _status_date(mentor, on)
    _refuse_with_running_mentees(mentor, "завершить его программу")
    mentor.complete(on)
    _audit_status("mentor_status_changed", mentor, actor)


def withdraw_mentor(mentor, *, on=None, actor=None):
    on = _status_date(mentor, on)
    _refuse_with_running_mentees(mentor, "отметить его выбытие")
    mentor.withdraw(on)
    _audit_status("mentor_status_changed", mentor, actor)


def reinstate_mentor(mentor, *, actor=None):
    mentor.program_year.ensure_open("Изменения")
    mentor.reinstate()
    if mentor.status == MentorStatus.REGISTERED:
        gates.ensure_admitted(mentor.person, "mentor", mentor.program_year, mentor.entry_date)
    _audit_status("mentor_status_changed", mentor, actor)


def running_mentees(mentor):
    """The mentor's mentees now in a pair or group with him (not those who completed, withdrew or were given another
    mentor), by entry date."""
    found = {member.mentee.id: member.mentee for current in mentor.pairings if current.state in ("forming", "active")
             for member in current.members if member.left_on is None and member.mentee.status == MenteeStatus.PAIRED}
    return sorted(found.values(), key=lambda mentee: (mentee.entry_date, mentee.id))


def _refuse_with_running_mentees(mentor, what):
    running = [mentee.person.short_name for mentee in running_mentees(mentor)]
    if running:
        raise RuleError(f"У наставника идёт работа с наставляемыми ({', '.join(running)}): чтобы {what}, сначала "
                        "отметьте завершение их программы или снимите наставника (замена наставника — "
                        "приказом директора, п. 4.8).", section="4.8", field="on")


def _status_date(participation, on):
    participation.program_year.ensure_open("Изменения")
    on = on or local_today()
    if on < participation.entry_date:
        raise RuleError(f"Дата не может быть раньше даты вхождения в программу ({ru_date(participation.entry_date)}).",
                        field="on")
    return on


# --- helpers ------------------------------------------------------------------------------------------

def _existing(model, person, year):
    if person.id is None or year.id is None:
        return None
    return db.session.scalar(select(model).where(model.person_id == person.id, model.program_year_id == year.id))


def _required_text(value, message, field):
    value = (value or "").strip()
    if not value:
        raise RuleError(message, field=field)
    return value


def _optional_text(value):
    return (value or "").strip() or None


def _snapshot(participation, fields):
    values = {}
    for name in fields:
        value = getattr(participation, name)
        values[name] = value.name if hasattr(value, "__tablename__") else (None if value is None else str(value))
    return values


def _audit_change(action, participation, before, fields, actor):
    after = _snapshot(participation, fields)
    changed = {key: {"before": before[key], "after": after[key]} for key in fields if before[key] != after[key]}
    if changed:
        audit.record(action, actor=actor, target=participation,
                     details={"person": participation.person.full_name, "changes": changed})


def _audit_status(action, participation, actor):
    db.session.flush()
    audit.record(action, actor=actor, target=participation,
                 details={"person": participation.person.full_name, "status": str(participation.status),
                          "end_date": str(participation.end_date) if participation.end_date else None})
