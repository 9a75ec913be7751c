"""Agreements on mentorship with partners (Приложение 2): entered as a draft in the register, printed with its
number by the secretary, signed (the scan is filed), expired at its end date, or terminated (п. 3.5).

Who signs for the partner defaults to its head and his basis; who signs for the college defaults to the director
of the settings on the Устав, and may be typed over (an acting director on his order). An agreement entered before
the college's signatory was recorded takes the director from the settings on the day it is printed.
"""
import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.audit import services as audit
from app.core.declension import decline_phrase
from app.core.errors import RuleError
from app.core.formatting import local_today, ru_date
from app.core.names import Gender
from app.documents.context import college_context
from app.documents.prefill import Subject
from app.documents.services import correct_document, issue_document, issue_draft
from app.documents.settings import SECTION as DOCUMENTS_SECTION
from app.extensions import db
from app.partners.models import DEFAULT_HEAD_BASIS, Agreement
from app.people.services import check_name_part
from app.settings.registry import declare
from app.settings.services import get as get_setting

#: Who signs for the college: the director of the settings by default (Приложение 2: «в лице директора …,
#: действующего на основании Устава»), or whoever acts for him.
COLLEGE_FIELDS = ("college_signatory_last_name", "college_signatory_first_name", "college_signatory_middle_name",
                  "college_signatory_gender", "college_signatory_position", "college_signatory_position_genitive",
                  "college_signatory_basis")
FIELDS = ("signatory_last_name", "signatory_first_name", "signatory_middle_name", "signatory_gender",
          "signatory_position", "signatory_position_genitive", "signatory_basis", *COLLEGE_FIELDS, "requisites",
          "signed_on", "end_date")
DIRECTOR_POSITION = "директор"

declare("documents.agreement_end", "Соглашение о наставничестве действует до (день.месяц)", DOCUMENTS_SECTION,
        default="30.12", description="Приложение 2, п. 3.6: по форме Положения — до 30 декабря.")


def default_end_date():
    """The regulation's form runs to 30 December (Приложение 2, п. 3.6); the day and month are a setting."""
    today = local_today()
    try:
        day, month = (int(part) for part in str(get_setting("documents.agreement_end")).strip().split(".")[:2])
        end = date(today.year, month, day)
    except ValueError:  # a setting typed as "30 декабря": the regulation's own date, the form still opens
        day, month, end = 30, 12, date(today.year, 12, 30)
    return end if end >= today else date(today.year + 1, month, day)


def default_values(partner):
    """A new agreement: signed by the partner's head on his basis, dated today, ending as the setting says."""
    head = partner.head
    return {"signatory_last_name": head.last_name, "signatory_first_name": head.first_name,
            "signatory_middle_name": head.middle_name or "", "signatory_gender": str(head.gender),
            "signatory_position": head.position,
            "signatory_position_genitive": decline_phrase(head.position.strip(), "genitive"),
            "signatory_basis": head.basis, **college_signatory_defaults(), "requisites": "",
            "signed_on": local_today(), "end_date": default_end_date()}


def college_signatory_defaults():
    """The director of the settings, acting on the Устав: what the college's side of a new agreement starts with."""
    director = college_context()["director"]
    return {"college_signatory_last_name": director["last_name"] or "",
            "college_signatory_first_name": director["first_name"] or "",
            "college_signatory_middle_name": director["middle_name"] or "",
            "college_signatory_gender": director["gender"] or "",
            "college_signatory_position": DIRECTOR_POSITION,
            "college_signatory_position_genitive": decline_phrase(DIRECTOR_POSITION, "genitive"),
            "college_signatory_basis": DEFAULT_HEAD_BASIS}


def college_signatory_values(agreement):
    """The college's signatory as the agreement records him; the settings' director where it records none."""
    if not agreement.college_signatory_last_name:
        return college_signatory_defaults()
    return {key: ("" if getattr(agreement, key) is None else str(getattr(agreement, key))) for key in COLLEGE_FIELDS}


def create_agreement(partner, user, **values):
    """Enter an agreement: its draft goes to the register at once, to be read before it is printed."""
    agreement = Agreement(partner=partner, created_by_id=user.id, signatory_name_forms={})
    with db.session.no_autoflush:
        _apply(agreement, values)
    db.session.add(agreement)
    db.session.flush()
    issue_document("partner_agreement", agreement_values(agreement), user, subjects=agreement_subjects(agreement),
                   draft=True)
    audit.record("agreement_created", actor=user, target=agreement,
                 details={"partner": partner.short_name, "end_date": agreement.end_date.isoformat()})
    db.session.expire(agreement, ["linked_documents", "linked_scans"])
    return agreement


def update_agreement(agreement, user, **values):
    """Change a draft: the draft in the register gets a new version."""
    agreement.ensure_editable(local_today())
    with db.session.no_autoflush:
        _apply(agreement, values)
    db.session.flush()
    draft = agreement.current_document
    correct_document(draft, agreement_values(agreement), user, "Изменены условия проекта соглашения.")
    audit.record("agreement_updated", actor=user, target=agreement, details={"partner": agreement.partner.short_name})
    db.session.expire(agreement, ["linked_documents", "linked_scans"])
    return agreement


def print_agreement(agreement, user):
    """The secretary issues the draft: it takes the next number of the agreements register."""
    agreement.ensure_printable(local_today())
    document = agreement.current_document
    if document is None:  # a draft cancelled in the register: print afresh
        document = issue_document("partner_agreement", agreement_values(agreement), user,
                                  subjects=agreement_subjects(agreement))
    else:
        issue_draft(document, user)
    audit.record("agreement_printed", actor=user, target=agreement, details={"number": document.number_text})
    db.session.expire(agreement, ["linked_documents", "linked_scans"])
    return document


def terminate_agreement(agreement, user, *, on=None, reason=None):
    """3.5: terminated by agreement of the parties, in writing; from that day its employees are not paired."""
    on = on or local_today()
    if on > local_today():
        raise RuleError("Дата расторжения не может быть в будущем: отметьте расторжение, когда оно подписано.",
                        field="on")
    reason = " ".join((reason or "").split())
    if not reason:
        raise RuleError("Укажите основание: соглашение о расторжении с его датой.", field="reason")
    agreement.terminate(on, reason[:500], local_today())
    db.session.flush()
    audit.record("agreement_terminated", actor=user, target=agreement,
                 details={"on": on.isoformat(), "reason": agreement.termination_reason})
    return agreement


def agreements_of(partner_ids):
    """{partner id: agreements, oldest first} with what their status is read from."""
    if not partner_ids:
        return {}
    grouped = {}
    for agreement in db.session.scalars(
            select(Agreement).where(Agreement.partner_id.in_(list(partner_ids)))
            .options(*Agreement.papers_loaded())
            .order_by(Agreement.signed_on, Agreement.id)):
        grouped.setdefault(agreement.partner_id, []).append(agreement)
    return grouped


@dataclass(frozen=True)
class AgreementSummary:
    """How the partner list shows a partner's agreement: a word, a colour, the agreement it links to."""

    text: str
    style: str
    agreement: Agreement | None = None

    @property
    def flagged(self):
        return self.style != "success"


def agreement_summaries(partner_ids, today=None):
    """{partner id: summary}: in force, ending within 30 days (flagged), or none in force (flagged)."""
    today = today or local_today()
    grouped = agreements_of(partner_ids)
    summaries = {}
    for partner_id in partner_ids:
        agreements = grouped.get(partner_id, [])
        in_force = [agreement for agreement in agreements if agreement.in_force_on(today)]
        if in_force:
            current = in_force[-1]
            if current.ending_soon(today):
                summaries[partner_id] = AgreementSummary(f"истекает {ru_date(current.end_date)}", "warning", current)
            else:
                summaries[partner_id] = AgreementSummary(f"действует до {ru_date(current.end_date)}", "success",
                                                         current)
        elif agreements:
            latest = agreements[-1]
            summaries[partner_id] = AgreementSummary(latest.status_on(today).label, "danger", latest)
        else:
            summaries[partner_id] = AgreementSummary("нет соглашения", "danger")
    return summaries


def agreement_values(agreement):
    """The engine's fields of Приложение 2, from the agreement and its partner."""
    partner = agreement.partner
    signatory = {"last_name": agreement.signatory_last_name, "first_name": agreement.signatory_first_name,
                 "middle_name": agreement.signatory_middle_name or "", "gender": str(agreement.signatory_gender),
                 "name_forms": dict(agreement.signatory_name_forms or {})}
    college = college_signatory_values(agreement)
    return {"doc_date": agreement.signed_on,
            "college_signatory": {"last_name": college["college_signatory_last_name"],
                                  "first_name": college["college_signatory_first_name"],
                                  "middle_name": college["college_signatory_middle_name"],
                                  "gender": college["college_signatory_gender"] or None, "name_forms": {}},
            "college_signatory_position": college["college_signatory_position"],
            "college_signatory_position_genitive": college["college_signatory_position_genitive"],
            "college_basis": college["college_signatory_basis"],
            "partner_name": partner.full_name, "partner_short_name": partner.short_name,
            "partner_signatory": signatory, "partner_signatory_position": agreement.signatory_position,
            "partner_signatory_position_genitive": agreement.signatory_position_genitive,
            "partner_basis": agreement.signatory_basis, "partner_address": partner.legal_address,
            "partner_requisites": agreement.requisites or "", "end_date": agreement.end_date}


def agreement_subjects(agreement):
    partner = agreement.partner
    return [Subject("agreement", agreement.id, "agreement", f"{partner.short_name}, соглашение"),
            Subject("partner", partner.id, "partner", partner.short_name)]


def _apply(agreement, values):
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown agreement fields: {sorted(unknown)}")
    # A caller that does not name the college's signatory keeps the recorded one (the director by default).
    values = {**college_signatory_values(agreement), **values}
    text = {key: re.sub(r"\s+", " ", str(values.get(key) or "").strip()) for key in FIELDS
            if key not in ("signed_on", "end_date", "requisites")}
    agreement.signatory_last_name = check_name_part(text["signatory_last_name"], "фамилию подписывающего",
                                                    "signatory_last_name")
    agreement.signatory_first_name = check_name_part(text["signatory_first_name"], "имя подписывающего",
                                                     "signatory_first_name")
    agreement.signatory_middle_name = check_name_part(text["signatory_middle_name"], "отчество подписывающего",
                                                      "signatory_middle_name", required=False)
    try:
        agreement.signatory_gender = Gender(values.get("signatory_gender"))
    except ValueError:
        raise RuleError("Укажите пол подписывающего: он нужен, чтобы склонять ФИО в соглашении.",
                        field="signatory_gender") from None
    for key, message in (("signatory_position", "Укажите должность подписывающего, например «директор»."),
                         ("signatory_position_genitive", "Укажите должность в родительном падеже: «в лице "
                                                         "генерального директора …»."),
                         ("signatory_basis", "Укажите, на основании чего он действует: «Устава», «доверенности "
                                             "№ 5 от 10.01.2026».")):
        if not text[key]:
            raise RuleError(message, field=key)
        setattr(agreement, key, text[key][:200])
    _apply_college_signatory(agreement, text, values)
    agreement.requisites = (values.get("requisites") or "").strip()[:2000] or None
    signed_on, end_date = values.get("signed_on"), values.get("end_date")
    if signed_on is None:
        raise RuleError("Укажите дату соглашения.", field="signed_on")
    if end_date is None:
        raise RuleError("Укажите, до какого дня действует соглашение (п. 3.6).", field="end_date")
    if end_date < signed_on:
        raise RuleError("Соглашение не может закончиться раньше, чем заключено.", field="end_date")
    head = agreement.partner.head
    if (agreement.signatory_last_name, agreement.signatory_first_name) == (head.last_name, head.first_name):
        agreement.signatory_name_forms = dict(head.name_forms)  # the head's hand-made case forms apply
    agreement.signed_on, agreement.end_date = signed_on, end_date


def _apply_college_signatory(agreement, text, values):
    """Приложение 2: «… в лице директора …, действующего на основании Устава» — or of whoever acts for him."""
    agreement.college_signatory_last_name = check_name_part(
        text["college_signatory_last_name"], "фамилию подписывающего от техникума", "college_signatory_last_name")
    agreement.college_signatory_first_name = check_name_part(
        text["college_signatory_first_name"], "имя подписывающего от техникума", "college_signatory_first_name")
    agreement.college_signatory_middle_name = check_name_part(
        text["college_signatory_middle_name"], "отчество подписывающего от техникума", "college_signatory_middle_name",
        required=False)
    try:
        agreement.college_signatory_gender = Gender(values.get("college_signatory_gender"))
    except ValueError:
        raise RuleError("Укажите пол подписывающего от техникума: он нужен, чтобы склонять ФИО в соглашении.",
                        field="college_signatory_gender") from None
    for key, message in (
            ("college_signatory_position", "Укажите должность подписывающего от техникума: «директор», «исполняющий "
                                           "обязанности директора»."),
            ("college_signatory_position_genitive", "Укажите должность подписывающего от техникума в родительном "
                                                    "падеже: «в лице исполняющего обязанности директора …»."),
            ("college_signatory_basis", "Укажите, на основании чего действует подписывающий от техникума: «Устава», "
                                        "«приказа № 15-к от 01.02.2026».")):
        if not text[key]:
            raise RuleError(message, section="Приложение 2", field=key)
        setattr(agreement, key, text[key][:200])
