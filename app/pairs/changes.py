"""How a running pair changes by a director's order: it ends early or is extended (4.7), or its mentor is replaced
(4.8). The order is prepared on the pair's page (a draft linked to the pairing) or in the register (the pair picked
in its form); when it is ISSUED the change is applied here, in the same transaction (app.documents.hooks), and
recorded as a PairingChange. An order that changed a pair is neither corrected nor cancelled (app.documents.locks):
a new order changes it again.
"""
from datetime import date

from sqlalchemy import select

from app.audit import services as audit
from app.bases.models import MentorParticipation, MentorStatus
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
    Pairing,
    PairingChange,
    PairingChangeKind,
    PairingKind,
    PairingMember,
    PairingState,
)
from app.pairs.services import lock_mentor, sync_members

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

def pair_values(pairing):
    """The pair's people, form and period, as the orders of 4.7 and 4.8 print them."""
    mentee = pairing.mentees[0] if pairing.mentees else pairing.members[0].mentee
    return {"mentor": pairing.mentor.person, "mentee": mentee.person, "form": pairing.mentorship_form.name,
            "period_start": pairing.starts_on, "period_end": pairing.planned_end_on}


def replacement_values(pairing, new_mentor=None):
    """4.8: the mentee, the mentor being replaced and the period, which the replacement does not change."""
    values = pair_values(pairing)
    values = {"mentee": values["mentee"], "mentee_position": values["mentee"].study_or_position,
              "former_mentor": values["mentor"], "form": values["form"],
              "period_start": values["period_start"], "period_end": values["period_end"]}
    if new_mentor is not None:
        values.update(new_mentor=new_mentor.person, new_mentor_position=new_mentor.person.study_or_position)
    return values


def subjects(pairing, new_mentor=None):
    found = [Subject("pairing", pairing.id, "pairing", pairing.label[:300]),
             Subject("person", pairing.mentor.person.id, "mentor", pairing.mentor.person.short_name)]
    found += [Subject("person", mentee.person.id, "mentee", mentee.person.short_name) for mentee in pairing.mentees]
    if new_mentor is not None:
        found.append(Subject("mentor_participation", new_mentor.id, "new_mentor", new_mentor.person.short_name))
    return found


def prepare_order(kind_code, pairing, values, user, *, new_mentor=None):
    """The order on the pair: issued at once by the register's keeper (and applied), else a draft the secretary
    issues in the register (applied then)."""
    if pairing.kind != PairingKind.PAIR:
        raise RuleError("Приказы о продлении, досрочном завершении и замене наставника оформляются для пары; в группе "
                        "отметьте завершение или добавьте наставляемого.", field="pairing")
    rules.check_running(pairing, "оформить приказ")
    draft = not user.has_any_role(*ISSUERS)
    _check_values(kind_code, pairing, {key: _day(value) if key in DATE_FIELDS else value
                                       for key, value in values.items()}, new_mentor)
    return issue_document(kind_code, values, user, subjects=subjects(pairing, new_mentor), draft=draft)


# --- applying an issued order -----------------------------------------------------------------------------------

def _pairing_of(document):
    ids = [subject.subject_id for subject in document.subjects if subject.subject_type == "pairing"]
    return db.session.get(Pairing, ids[0]) if ids else None


def _values(document):
    values = form_values(document.kind_spec, document.current_version.context)
    return {key: _day(value) if key in DATE_FIELDS else value for key, value in values.items()}


def _check_values(kind_code, pairing, values, new_mentor):
    """What the order says must be what the pair is: its period, and for each kind its own rule."""
    if values.get("period_start") and values["period_start"] != pairing.starts_on:
        raise RuleError(f"В приказе начало наставничества {ru_date(values['period_start'])}, а у пары — "
                        f"{ru_date(pairing.starts_on)}: исправьте проект.", field="period_start")
    if values.get("period_end") and values["period_end"] != pairing.planned_end_on:
        section = "4.8" if kind_code == REPLACE else "4.7"
        raise RuleError(f"В приказе окончание наставничества {ru_date(values['period_end'])}, а у пары — "
                        f"{ru_date(pairing.planned_end_on)}: период пары меняется только приказом о продлении "
                        "(п. 4.7), при замене наставника он не меняется.", section=section, field="period_end")
    if kind_code == EXTEND:
        rules.check_extension(pairing, values.get("new_end"))
    elif kind_code == END_EARLY:
        rules.check_early_end(pairing, values.get("end_date"))
        for name, who in (("mentor_agreed_on", "наставника"), ("curator_agreed_on", "куратора")):
            if not values.get(name):
                raise RuleError(f"Досрочное завершение — по согласованию с наставником и куратором: укажите дату "
                                f"согласия {who}.", section="4.7", field=name)
    elif kind_code == REPLACE and new_mentor is not None:
        _check_new_mentor(pairing, new_mentor, values.get("doc_date"))


def _check_new_mentor(pairing, new_mentor, on):
    if new_mentor.id == pairing.mentor_id:
        raise RuleError("Новый наставник — тот же, что и прежний: выберите другого.", section="4.8",
                        field="new_mentor")
    starts_on = max(on or pairing.starts_on, pairing.starts_on)
    rules.check_registry(new_mentor)
    for mentee in pairing.mentees:
        rules.check_match(mentee, new_mentor)
        rules.check_entry(mentee, new_mentor, starts_on)
        rules.check_papers(mentee, new_mentor, starts_on)
    rules.check_partner_agreement(new_mentor, starts_on, pairing.planned_end_on)
    lock_mentor(new_mentor)
    rules.check_capacity(new_mentor, starts_on, pairing.planned_end_on)
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
    """The issued order changes its pair; an order not about a recorded pair (typed by hand) changes nothing."""
    pairing = _pairing_of(document)
    if pairing is None:
        return None
    kind_code = document.kind
    rules.check_running(pairing, "применить приказ")
    values = _values(document)
    new_mentor = _new_mentor_of(document, pairing, values) if kind_code == REPLACE else None
    _check_values(kind_code, pairing, values, new_mentor)
    change = PairingChange(kind=KIND_OF_ORDER[kind_code], document_id=document.id)
    with db.session.no_autoflush:  # the change is complete only once applied
        db.session.add(change)
        change.pairing = pairing
        if kind_code == EXTEND:
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


def _replace(pairing, change, values, new_mentor, document):
    """4.8: the old pairing is closed (replaced) on the order's date and a new one opens with the new mentor and the
    same planned end."""
    on = max(document.doc_date, pairing.starts_on)
    successor = Pairing(kind=pairing.kind, program_year_id=pairing.program_year_id,
                        mentorship_form_id=pairing.mentorship_form_id, mentor=new_mentor, starts_on=on,
                        planned_end_on=pairing.planned_end_on, state=PairingState.ACTIVE)
    db.session.add(successor)
    for member in pairing.current_members:
        member.left_on = on
        successor.members.append(PairingMember(mentee=member.mentee, joined_on=on))
    reason = values.get("reason")
    if values.get("reason_details"):
        reason = f"{reason} ({values['reason_details']})"
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
