"""How a running pair changes by a director's order: it ends early or is extended (4.7), or its mentor is replaced
(4.8). The order is prepared on the pair's page (a draft linked to the pairing) or in the register (the pair picked
in its form); when it is ISSUED the change is applied here, in the same transaction (app.documents.hooks), and
recorded as a PairingChange. An order that changed a pair is neither corrected nor cancelled (app.documents.locks):
a new order changes it again.
"""
from datetime import date

from sqlalchemy import select

from app.audit import services as audit
from app.bases.models import MenteeParticipation, MentorParticipation, MentorStatus
from app.core.errors import RuleError
from app.core.formatting import ru_date
from app.core.roles import Role
from app.documents.context import form_values
from app.documents.hooks import register_issue_hook
from app.documents.locks import register_lock
from app.documents.models import Document
from app.documents.prefill import Subject
from app.documents.services import issue_document
from app.extensions import db
from app.pairs import rules
from app.pairs.models import (
    AgreementRole,
    Pairing,
    PairingAgreement,
    PairingChange,
    PairingChangeKind,
    PairingKind,
    PairingMember,
    PairingState,
)
from app.pairs.services import lock_mentor, sync_members
from app.people.models import Person

#: 4.8: the five grounds for replacing a mentor; the value completes «в связи с …».
REPLACEMENT_REASONS = (
    ("прекращением наставником трудовых отношений с техникумом",
     "прекращение наставником трудовых отношений с техникумом"),
    ("психологической несовместимостью наставника и наставляемого",
     "психологическая несовместимость наставника и наставляемого"),
    ("систематическим неисполнением наставником своих обязанностей",
     "систематическое неисполнение наставником своих обязанностей"),
    ("привлечением наставника к дисциплинарной ответственности",
     "привлечение наставника к дисциплинарной ответственности"),
    ("обоснованной просьбой наставника или лица, в отношении которого осуществляется наставничество",
     "обоснованная просьба наставника или лица, в отношении которого осуществляется наставничество"),
)
#: The ground a request of 6.2 or 7.2 leads to.
REQUEST_REASON = REPLACEMENT_REASONS[4][0]

#: 4.7: why a pair may be extended; the value completes «в связи с …».
EXTENSION_REASONS = (
    ("временной нетрудоспособностью", "временная нетрудоспособность"),
    ("командировкой", "командировка"),
    ("иным продолжительным отсутствием по уважительной причине",
     "иное продолжительное отсутствие по уважительной причине"),
)
#: 4.7: whose absence the extension makes up for.
ABSENT_PARTIES = (("наставника", "наставника"), ("наставляемого", "наставляемого"))

#: Whom an order concerns: the mentee of a pair, one mentee of a group (4.6) or the whole group.
SCOPE_PAIR, SCOPE_MEMBER, SCOPE_GROUP = "pair", "member", "group"
SCOPES = ((SCOPE_PAIR, "наставляемый пары"), (SCOPE_MEMBER, "один наставляемый группы"),
          (SCOPE_GROUP, "вся наставническая группа"))

EXTEND, END_EARLY, REPLACE = "order_extend_pair", "order_end_pair_early", "order_replace_mentor"
KIND_OF_ORDER = {EXTEND: PairingChangeKind.EXTENDED, END_EARLY: PairingChangeKind.ENDED_EARLY,
                 REPLACE: PairingChangeKind.REPLACED}
SECTION_OF_ORDER = {EXTEND: "4.7", END_EARLY: "4.7", REPLACE: "4.8"}
#: The orders' date fields, read back from a stored version as dates.
DATE_FIELDS = ("doc_date", "end_date", "new_end", "period_start", "period_end", "mentor_agreed_on",
               "curator_agreed_on")
#: Who numbers orders (the register's issuers); others prepare a draft.
ISSUERS = (Role.SECRETARY,)


def _day(value):
    return date.fromisoformat(value) if isinstance(value, str) and value else value or None


def check_early_end(start, planned_end, end):
    """4.7: a pair ends early before its planned end, and not before it started (the order's own fields)."""
    if start and planned_end and end and not start <= end < planned_end:
        raise RuleError("Дата досрочного завершения должна быть не раньше начала и раньше планового окончания "
                        "наставничества.", section="4.7", field="end_date")


def check_extension(current_end, new_end):
    """4.7: an extension moves the end later (the order's own fields)."""
    if current_end and new_end and new_end <= current_end:
        raise RuleError("Новая дата окончания должна быть позже текущей.", section="4.7", field="new_end")


# --- the orders' values, from the pairing -------------------------------------------------------------------

def pair_values(pairing, member=None):
    """The pair's people, form and period, as the orders of 4.7 and 4.8 print them; for a group, its mentees (the
    whole group) or the one ``member`` the order concerns, with his own period."""
    if pairing.is_group:
        members = [member] if member is not None else pairing.current_members
        mentee = members[0].mentee
        scope = SCOPE_MEMBER if member is not None else SCOPE_GROUP
        group_mentees = [] if member is not None else [{"name": m.mentee.person.full_name} for m in members]
        start = member.joined_on if member is not None else pairing.starts_on
        end = member.planned_end if member is not None else pairing.planned_end_on
    else:
        mentee = pairing.mentees[0] if pairing.mentees else pairing.members[0].mentee
        scope, group_mentees, start, end = SCOPE_PAIR, [], pairing.starts_on, pairing.planned_end_on
    return {"mentor": pairing.mentor.person, "mentee": mentee.person, "form": pairing.mentorship_form.name,
            "period_start": start, "period_end": end, "scope": scope, "group_mentees": group_mentees}


def replacement_values(pairing, new_mentor=None, member=None):
    """4.8: the mentee, the mentor being replaced and the period, which the replacement does not change."""
    values = pair_values(pairing, member)
    values = {"mentee": values["mentee"], "mentee_position": values["mentee"].study_or_position,
              "former_mentor": values["mentor"], "form": values["form"],
              "period_start": values["period_start"], "period_end": values["period_end"],
              "scope": values["scope"], "group_mentees": values["group_mentees"]}
    if new_mentor is not None:
        values.update(new_mentor=new_mentor.person, new_mentor_position=new_mentor.person.study_or_position)
    return values


def subjects(pairing, new_mentor=None, member=None):
    """The pairing, its mentor and the mentees the order concerns (one member of a group, or all)."""
    found = [Subject("pairing", pairing.id, "pairing", pairing.label[:300]),
             Subject("person", pairing.mentor.person.id, "mentor", pairing.mentor.person.short_name)]
    mentees = [member.mentee] if member is not None else pairing.mentees
    found += [Subject("person", mentee.person.id, "mentee", mentee.person.short_name) for mentee in mentees]
    if new_mentor is not None:
        found.append(Subject("mentor_participation", new_mentor.id, "new_mentor", new_mentor.person.short_name))
    return found


def prepare_order(kind_code, pairing, values, user, *, new_mentor=None, member=None):
    """The order on the pair, on the whole group or on one ``member`` of a group: issued at once by the register's
    keeper (and applied), else a draft the secretary issues in the register (applied then)."""
    rules.check_running(pairing, "оформить приказ")
    draft = not user.has_any_role(*ISSUERS)
    values = {**values, "scope": values.get("scope") or pair_values(pairing, member)["scope"]}
    typed = {key: _day(value) if key in DATE_FIELDS else value for key, value in values.items()}
    person_ids = {member.mentee.person_id} if member is not None else set()
    _check_values(kind_code, pairing, typed, new_mentor, _member_of(pairing, typed, person_ids))
    return issue_document(kind_code, values, user, subjects=subjects(pairing, new_mentor, member), draft=draft)


def _member_of(pairing, values, person_ids):
    """The member of a group the order concerns alone, None for a pair or the whole group; the order's «кого
    касается» must fit the pairing."""
    scope = values.get("scope") or (SCOPE_GROUP if pairing.is_group else SCOPE_PAIR)
    if not pairing.is_group:
        if scope != SCOPE_PAIR:
            raise RuleError("Это пара, а не группа: в приказе укажите «наставляемый пары».", field="scope")
        return None
    if scope == SCOPE_PAIR:
        raise RuleError("Это группа: в приказе укажите, касается он одного наставляемого группы или всей группы.",
                        field="scope")
    if scope == SCOPE_GROUP:
        return None
    members = [member for member in pairing.current_members if member.mentee.person_id in person_ids]
    if len(members) != 1:
        raise RuleError("Приказ об одном наставляемом группы оформляется на странице группы: выберите, кого из "
                        "наставляемых он касается.", field="mentee")
    return members[0]


# --- applying an issued order -----------------------------------------------------------------------------------

def _refuse_a_recorded_pair_typed_by_hand(kind_code, values):
    """An order whose mentor and mentee were typed, not picked, about a running pair of the intranet: refused, saying
    to pick the pair, so that the order changes it."""
    mentor, mentee = values.get("former_mentor") or values.get("mentor"), values.get("mentee")
    if not isinstance(mentor, dict) or not isinstance(mentee, dict):
        return
    members = db.session.scalars(
        select(PairingMember).join(PairingMember.mentee).join(MenteeParticipation.person)
        .join(Pairing, PairingMember.pairing_id == Pairing.id)
        .where(Person.last_name == (mentee.get("last_name") or "").strip(), PairingMember.left_on.is_(None),
               Pairing.state.in_((PairingState.ACTIVE, PairingState.FORMING)))).all()
    for member in members:
        if _same_person(member.mentee.person, mentee) and _same_person(member.pairing.mentor.person, mentor):
            raise RuleError(
                f"Приказ касается пары, которая ведётся в интранете ({member.pairing.label}): выберите её в поле "
                "«Заполнить из» (или подготовьте приказ на странице пары), чтобы приказ изменил её сроки и состав.",
                section=SECTION_OF_ORDER[kind_code])


def _same_person(person, typed):
    return all((getattr(person, name) or "").strip().casefold() == (typed.get(name) or "").strip().casefold()
               for name in ("last_name", "first_name", "middle_name"))


def _pairing_of(document):
    ids = [subject.subject_id for subject in document.subjects if subject.subject_type == "pairing"]
    return db.session.get(Pairing, ids[0]) if ids else None


def _values(document):
    values = form_values(document.kind_spec, document.current_version.context)
    return {key: _day(value) if key in DATE_FIELDS else value for key, value in values.items()}


def _check_values(kind_code, pairing, values, new_mentor, member=None):
    """What the order says must be what the pair (or the member of a group) is: its period, and for each kind its
    own rule."""
    start = member.joined_on if member is not None else pairing.starts_on
    end = member.planned_end if member is not None else pairing.planned_end_on
    if values.get("period_start") and values["period_start"] != start:
        raise RuleError(f"В приказе начало наставничества {ru_date(values['period_start'])}, а у пары — "
                        f"{ru_date(start)}: исправьте проект.", field="period_start")
    if values.get("period_end") and values["period_end"] != end:
        section = "4.8" if kind_code == REPLACE else "4.7"
        raise RuleError(f"В приказе окончание наставничества {ru_date(values['period_end'])}, а у пары — "
                        f"{ru_date(end)}: период пары меняется только приказом о продлении "
                        "(п. 4.7), при замене наставника он не меняется.", section=section, field="period_end")
    if kind_code == EXTEND:
        rules.check_extension(pairing, values.get("new_end"), member)
    elif kind_code == END_EARLY:
        rules.check_early_end(pairing, values.get("end_date"), member)
        for name, who in (("mentor_agreed_on", "наставника"), ("curator_agreed_on", "куратора")):
            if not values.get(name):
                raise RuleError(f"Досрочное завершение — по согласованию с наставником и куратором: укажите дату "
                                f"согласия {who}.", section="4.7", field=name)
    elif kind_code == REPLACE and new_mentor is not None:
        _check_new_mentor(pairing, new_mentor, values.get("doc_date"), member)


def _check_new_mentor(pairing, new_mentor, on, member=None):
    """4.8 with the rules of forming: the new mentor takes the pair, the whole group, or one member of a group in a
    new pair of his own (then counted under 4.6; a group is aside)."""
    if new_mentor.id == pairing.mentor_id:
        raise RuleError("Новый наставник — тот же, что и прежний: выберите другого.", section="4.8",
                        field="new_mentor")
    start = member.joined_on if member is not None else pairing.starts_on
    starts_on = max(on or start, start)
    end = member.planned_end if member is not None else pairing.planned_end_on
    rules.check_registry(new_mentor)
    for mentee in ([member.mentee] if member is not None else pairing.mentees):
        rules.check_match(mentee, new_mentor)
        rules.check_entry(mentee, new_mentor, starts_on)
        rules.check_papers(mentee, new_mentor, starts_on)
    rules.check_partner_agreement(new_mentor, starts_on, end)
    if member is not None or not pairing.is_group:
        lock_mentor(new_mentor)
        rules.check_capacity(new_mentor, starts_on, end)
    return starts_on


def _new_mentor_of(document, pairing, values):
    """The new mentor: the one chosen on the pair's page, else the registry's mentor of the year named in it."""
    ids = [subject.subject_id for subject in document.subjects if subject.subject_type == "mentor_participation"]
    if ids:
        return db.session.get(MentorParticipation, ids[0])
    named = values.get("new_mentor") or {}
    candidates = [mentor for mentor in db.session.scalars(select(MentorParticipation).where(
        MentorParticipation.program_year_id == pairing.program_year_id,
        MentorParticipation.status == MentorStatus.REGISTERED))
        if (mentor.person.last_name, mentor.person.first_name, mentor.person.middle_name or "")
        == (named.get("last_name"), named.get("first_name"), named.get("middle_name") or "")]
    if len(candidates) != 1:
        raise RuleError("Новый наставник, названный в приказе, не найден в реестре наставников учебного года пары: "
                        "подготовьте приказ на странице пары, выбрав наставника из реестра.", section="4.8",
                        field="new_mentor")
    return candidates[0]


def apply_order(document):
    """The issued order changes its pair; an order typed by hand changes nothing, unless it names a pair the intranet
    keeps: that one is refused (the register and the pair would disagree)."""
    pairing = _pairing_of(document)
    if pairing is None:
        _refuse_a_recorded_pair_typed_by_hand(document.kind, _values(document))
        return None
    kind_code = document.kind
    rules.check_running(pairing, "применить приказ")
    values = _values(document)
    member = _member_of(pairing, values, {subject.subject_id for subject in document.subjects
                                          if subject.subject_type == "person" and subject.role == "mentee"})
    new_mentor = _new_mentor_of(document, pairing, values) if kind_code == REPLACE else None
    _check_values(kind_code, pairing, values, new_mentor, member)
    change = PairingChange(kind=KIND_OF_ORDER[kind_code], document_id=document.id)
    with db.session.no_autoflush:  # the change is complete only once applied
        db.session.add(change)
        change.pairing = pairing
        if member is not None:
            _change_member(kind_code, pairing, member, change, values, new_mentor, document)
        elif kind_code == EXTEND:
            _extend(pairing, change, values)
        elif kind_code == END_EARLY:
            _end_early(pairing, change, values)
        else:
            _replace(pairing, change, values, new_mentor, document)
    db.session.flush()
    audit.record(f"pairing_{change.kind.value}", target=pairing,
                 details={"order": document.label, "pairing": pairing.title, **_audit_details(change)})
    return change


def _extend(pairing, change, values):
    """4.7: the planned end moves later (for illness, a business trip, a long absence); the base accepts it."""
    new_end = values["new_end"]
    if pairing.kind == PairingKind.PAIR:
        lock_mentor(pairing.mentor)
        rules.check_capacity(pairing.mentor, pairing.starts_on, new_end,
                             excluding={member.id for member in pairing.members})
    change.effective_on = new_end
    change.reason = f"{values.get('absence_reason')} {values.get('absent_party')}: {values.get('reason_details')}"
    change.details = {"planned_end_before": str(pairing.planned_end_on), "planned_end_after": str(new_end)}
    pairing.planned_end_on = new_end
    for member in pairing.current_members:  # a member extended alone past the new end keeps his own
        if member.planned_end_on is not None and member.planned_end_on <= new_end:
            member.planned_end_on = None
    sync_members(pairing)


def _end_early(pairing, change, values):
    """4.7: ended early, with the mentor's and the curator's agreement, its date and reason."""
    on = values["end_date"]
    change.effective_on, change.reason = on, values.get("reason")
    change.details = {"mentor_agreed_on": str(values["mentor_agreed_on"]),
                      "curator_agreed_on": str(values["curator_agreed_on"]),
                      "planned_end_on": str(pairing.planned_end_on)}
    pairing.end_early(on, values.get("reason"))
    for member in pairing.current_members:
        if member.mentee.status == "paired":
            member.mentee.complete(on)
    sync_members(pairing)


def _reason(values):
    reason = values.get("reason")
    return f"{reason} ({values['reason_details']})" if values.get("reason_details") else reason


def _change_member(kind_code, pairing, member, change, values, new_mentor, document):
    """An order on one mentee of a group (4.7, 4.8): his own end moves later, he leaves the group early, or he moves
    to a new pair with another mentor and the same planned end; the group goes on with the others (and ends as
    his order says when he was the last)."""
    mentee = member.mentee
    change.details = {"member_id": member.id, "mentee": mentee.person.full_name,
                      "planned_end_before": str(member.planned_end)}
    if kind_code == EXTEND:
        new_end = values["new_end"]
        change.effective_on = new_end
        change.reason = f"{values.get('absence_reason')} {values.get('absent_party')}: {values.get('reason_details')}"
        change.details = {**change.details, "planned_end_after": str(new_end)}
        member.planned_end_on = new_end
        mentee.end_date = new_end
        return
    if kind_code == END_EARLY:
        on = values["end_date"]
        change.effective_on, change.reason = on, values.get("reason")
        change.details = {**change.details, "mentor_agreed_on": str(values["mentor_agreed_on"]),
                          "curator_agreed_on": str(values["curator_agreed_on"])}
        member.left_on = on
        if mentee.status == "paired":
            mentee.complete(on)
        if not pairing.current_members:
            pairing.end_early(on, values.get("reason"))
        return
    on = max(document.doc_date, member.joined_on)
    successor = Pairing(kind=PairingKind.PAIR, program_year_id=pairing.program_year_id,
                        mentorship_form_id=pairing.mentorship_form_id, mentor=new_mentor, starts_on=on,
                        planned_end_on=member.planned_end, state=PairingState.ACTIVE)
    db.session.add(successor)
    member.left_on = on
    successor.members.append(PairingMember(mentee=mentee, joined_on=on))
    change.effective_on, change.reason = on, _reason(values)
    if not pairing.current_members:
        pairing.mark_replaced(on, change.reason, successor)
    db.session.flush()
    change.details = {**change.details, "former_mentor": pairing.mentor.person.full_name,  # a new dict: JSON
                      "new_mentor": new_mentor.person.full_name, "new_pairing_id": successor.id,
                      "planned_end_on": str(successor.planned_end_on)}


def _replace(pairing, change, values, new_mentor, document):
    """4.8: the old pairing is closed (replaced) on the order's date and a new one opens with the new mentor and the
    same planned end. A group's new one waits for the new mentor's signed agreement to group work (4.6); its mentees
    agreed to the group already and keep their own ends."""
    on = max(document.doc_date, pairing.starts_on)
    successor = Pairing(kind=pairing.kind, program_year_id=pairing.program_year_id,
                        mentorship_form_id=pairing.mentorship_form_id, mentor=new_mentor, starts_on=on,
                        planned_end_on=pairing.planned_end_on,
                        state=PairingState.FORMING if pairing.is_group else PairingState.ACTIVE)
    db.session.add(successor)
    if pairing.is_group:
        successor.agreements.append(PairingAgreement(person=new_mentor.person, role=AgreementRole.MENTOR))
    for member in pairing.current_members:
        member.left_on = on
        successor.members.append(PairingMember(mentee=member.mentee, joined_on=on,
                                               planned_end_on=member.planned_end_on))
    reason = _reason(values)
    pairing.mark_replaced(on, reason, successor)
    change.effective_on, change.reason = on, reason
    db.session.flush()
    change.details = {"former_mentor": pairing.mentor.person.full_name, "new_mentor": new_mentor.person.full_name,
                      "new_pairing_id": successor.id, "planned_end_on": str(pairing.planned_end_on)}


def _audit_details(change):
    return {"on": str(change.effective_on), **{key: value for key, value in change.details.items()
                                                if key != "new_pairing_id"}}


for _kind in KIND_OF_ORDER:
    register_issue_hook(_kind, apply_order)


@register_lock
def order_changed_a_pair(document: Document):
    """An issued order that changed a pair stands: neither corrected nor cancelled in the register."""
    if document.kind not in KIND_OF_ORDER:
        return None
    change = db.session.scalar(select(PairingChange).where(PairingChange.document_id == document.id,
                                                           PairingChange.undone_at.is_(None)))
    if change is None:
        return None
    return (SECTION_OF_ORDER[document.kind],
            f"Этот приказ уже изменил пару ({change.kind.label}, {ru_date(change.effective_on)}): исправить или "
            "отменить его нельзя — пара и приказ разойдутся. Если пару нужно изменить снова, оформите новый приказ "
            "на странице пары.")
