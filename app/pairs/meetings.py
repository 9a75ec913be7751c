"""The log of meetings (Приложение 14, 5.2, 6.1): a pair's meetings and the group meetings of all pairs and groups,
each recorded once with who attended."""
from app.audit import services as audit
from app.core.errors import RuleError
from app.core.formatting import local_today, ru_date
from app.extensions import db
from app.pairs.plan_models import Meeting, MeetingAttendee, MeetingFormat, MeetingKind


def participants(pairings):
    """Who may attend: the mentors and mentees of ``pairings`` (each person once), as Person records."""
    people = {}
    for pairing in pairings:
        people.setdefault(pairing.mentor.person.id, pairing.mentor.person)
        for member in pairing.members:
            people.setdefault(member.mentee.person.id, member.mentee.person)
    return list(people.values())


def _check_pair_meeting(kind, pairing, held_on, attendee_ids):
    """A meeting of a mentor with his mentee(s): within the pair's period (4.7), in person or online with both
    (6.1: the mentor meets the mentee), the roadmap's single meetings once and in order (Приложение 14)."""
    if held_on < pairing.starts_on or held_on > pairing.end_on:
        raise RuleError(f"Встреча пары проводится в пределах срока наставничества: с {ru_date(pairing.starts_on)} по "
                        f"{ru_date(pairing.end_on)}.", section="4.7", field="held_on")
    if pairing.mentor.person_id not in attendee_ids:
        raise RuleError("Отметьте наставника среди присутствовавших: наставник лично встречается с наставляемым.",
                        section="6.1", field="attendees")
    current = {member.mentee.person_id for member in pairing.members}
    if not current & attendee_ids:
        raise RuleError("Отметьте присутствовавшего наставляемого: встреча — наставника с наставляемым.",
                        section="6.1", field="attendees")
    held = [meeting for meeting in pairing.meetings if meeting.id is not None]
    if kind.once and any(meeting.kind == kind for meeting in held):
        raise RuleError(f"У пары уже записана {kind.label}: по дорожной карте она одна. Запишите регулярную встречу.",
                        section="Прил. 14", field="kind")
    first = next((meeting for meeting in held if meeting.kind == MeetingKind.FIRST), None)
    if kind != MeetingKind.FIRST and first is None and not kind.is_group:
        raise RuleError("Сначала запишите первую, организационную, встречу наставника и наставляемого.",
                        section="Прил. 14", field="kind")
    if first is not None and held_on < first.held_on:
        raise RuleError(f"Эта встреча не может быть раньше первой, организационной ({ru_date(first.held_on)}).",
                        section="Прил. 14", field="held_on")


def log_meeting(*, kind, pairings, held_on, topic, attendee_ids, format=MeetingFormat.IN_PERSON, outcome=None,
                curator_attended=False, actor=None):
    """Record a meeting held. A pair's meeting (first, trial, planning, regular, final) belongs to one pairing; a
    group meeting of mentors and mentees links every pairing whose people attended, recorded once for all."""
    kind, format = MeetingKind(kind), MeetingFormat(format)
    pairings = list(dict.fromkeys(pairings))
    if not pairings:
        raise RuleError("Выберите пару (группу), чья встреча записывается.", field="pairings")
    years = {pairing.program_year_id for pairing in pairings}
    if len(years) > 1:
        raise RuleError("Встреча записывается для пар одного учебного года.", field="pairings")
    year = pairings[0].program_year
    year.ensure_open("Записи о встречах")
    if held_on > local_today():
        raise RuleError("В журнал записывается проведённая встреча: её дата не может быть позже сегодняшней.",
                        field="held_on")
    if not year.start_date <= held_on <= year.end_date:
        raise RuleError(f"Дата встречи — в пределах учебного года {year.title}: с {ru_date(year.start_date)} по "
                        f"{ru_date(year.end_date)}.", section="4.9", field="held_on")
    if not (topic or "").strip():
        raise RuleError("Впишите тему встречи.", field="topic")
    attendee_ids = set(attendee_ids)
    allowed = {person.id: person for person in participants(pairings)}
    if attendee_ids - allowed.keys():
        raise RuleError("Среди присутствовавших отмечены люди не из выбранных пар (групп).", field="attendees")
    if kind.is_group:
        missing = [pairing for pairing in pairings if not attendee_ids & {p.id for p in participants([pairing])}]
        if missing:
            raise RuleError("Групповая встреча записывается для пар, чьи участники на ней были; никто не отмечен из: "
                            + "; ".join(pairing.title for pairing in missing) + ".", field="attendees")
    else:
        if len(pairings) > 1:
            raise RuleError(f"{kind.label.capitalize()} — встреча одной пары (группы). Для встречи всех пар выберите "
                            "групповую встречу.", section="Прил. 14", field="kind")
        _check_pair_meeting(kind, pairings[0], held_on, attendee_ids)
    meeting = Meeting(program_year_id=year.id, kind=kind, held_on=held_on, format=format, topic=topic.strip(),
                      outcome=(outcome or "").strip() or None, curator_attended=bool(curator_attended),
                      recorded_by=actor)
    meeting.pairings = pairings
    meeting.attendees = [MeetingAttendee(person_id=person_id) for person_id in sorted(attendee_ids)]
    db.session.add(meeting)
    db.session.flush()
    audit.record("meeting_logged", actor=actor, target=meeting,
                 details={"meeting_kind": kind.value, "held_on": held_on.isoformat(), "topic": meeting.topic,
                          "pairings": len(pairings), "attendees": len(attendee_ids)})
    return meeting


def delete_meeting(meeting, *, actor=None):
    """A meeting recorded by mistake is deleted (the audit log keeps what it was)."""
    meeting.program_year.ensure_open("Записи о встречах")
    audit.record("meeting_deleted", actor=actor, target=meeting,
                 details={"meeting_kind": meeting.kind.value, "held_on": meeting.held_on.isoformat(),
                          "topic": meeting.topic})
    db.session.delete(meeting)
    db.session.flush()


def last_meeting(pairing):
    return max(pairing.meetings, key=lambda meeting: (meeting.held_on, meeting.id), default=None)
