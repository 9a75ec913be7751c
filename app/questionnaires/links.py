"""The curator's dispatch of a questionnaire and each person's personal link (no account needed).

A link is ``/a/<token>``: the token is signed with the app's SECRET_KEY (itsdangerous) over the dispatch, the person
and a random salt, so an altered link is refused; the database keeps only its SHA-256, to find the link and to mark
it used. The server remakes a link from its row (to print the list again); the database alone cannot.
"""
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select

from app.audit import services as audit
from app.bases.gates import kept_out
from app.bases.models import MenteeParticipation, MenteeStatus, MentorParticipation, MentorStatus
from app.core import idempotency
from app.core.errors import RuleError
from app.core.formatting import local_today
from app.core.types import utcnow
from app.extensions import db
from app.questionnaires.models import Dispatch, Invitation, Phase, Respondent, Response

SALT = "questionnaire-link"
TARGETS = {"form": "участникам формы наставничества", "year": "всем участникам учебного года",
           "participants": "выбранным участникам", "pair": "паре или группе", "curator": "себе (куратору)"}

ALTERED = ("Ссылка повреждена или изменена: такой анкеты нет. Откройте ссылку из листка или QR-код ещё раз; если не "
           "получается — обратитесь к куратору программы наставничества.")
UNKNOWN = "Эта ссылка больше не действует. Попросите у куратора программы наставничества новую."
USED = "По этой ссылке ответ уже получен — спасибо! Ответить второй раз нельзя."
WITHDRAWN = "Куратор отозвал эту анкету: отвечать на неё больше не нужно."
CONSENT = ("Ответ по этой ссылке не принимается: согласие на обработку персональных данных отозвано. "
           "Обратитесь к куратору программы наставничества.")


def _serializer():
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def token_of(invitation):
    """The link's token, remade from its row with the app's key."""
    return _serializer().dumps([invitation.dispatch_id, invitation.person_id, invitation.salt])


@dataclass
class Sent:
    dispatch: Dispatch
    made: int = 0
    already: list = field(default_factory=list)
    consent_withdrawn: list = field(default_factory=list)

    def message(self):
        parts = [f"Ссылок создано: {self.made}. Распечатайте список с QR-кодами и раздайте участникам."]
        if self.already:
            parts.append(f"Уже получили эту анкету в этом году и на этом этапе: {len(self.already)}.")
        if self.consent_withdrawn:
            parts.append("Без ссылки (согласие на обработку персональных данных отозвано, п. 4.11): "
                         + ", ".join(self.consent_withdrawn) + ".")
        return " ".join(parts)


def send(questionnaire, *, year, phase, target, expires_on, actor, form=None, mentee_ids=(), mentor_ids=(),
         pairing=None):
    """Make a dispatch and a link for each recipient: participants of a form, of the year, chosen ones, a pair or a
    group, or the curator himself. A person whose consent is withdrawn gets none (4.11); a person who already has a
    link to the questionnaire in the year and phase gets no second one."""
    phase = Phase(phase)
    if target not in TARGETS:
        raise RuleError("Выберите, кому отправить анкету.", field="target")
    if not questionnaire.active:
        raise RuleError(f"Анкета «{questionnaire.title}» отключена администратором: её нельзя отправить.")
    version = questionnaire.current_version
    if version is None or not version.questions:
        raise RuleError(f"В анкете «{questionnaire.title}» нет вопросов: сначала их добавит администратор.")
    year.ensure_open("Отправка анкет")
    if expires_on is None or expires_on < local_today():
        raise RuleError("Срок ответа не может быть раньше сегодняшнего дня.", field="expires_on")
    if expires_on > year.end_date + timedelta(days=366):
        raise RuleError("Срок ответа слишком далёк: укажите дату не позже чем через год после конца учебного года.",
                        field="expires_on")
    if questionnaire.respondent == Respondent.CURATOR and target != "curator":
        raise RuleError("Анкету куратора заполняет сам куратор (п. 5.1): выберите «себе (куратору)».", field="target",
                        section="5.1")
    if target == "curator" and questionnaire.respondent != Respondent.CURATOR:
        raise RuleError(f"Анкета «{questionnaire.title}» — для участников: выберите форму, год, участников, пару или "
                        "группу.", field="target")
    if target == "form":
        if form is None:
            raise RuleError("Выберите форму наставничества.", field="form_id")
        _check_form(questionnaire, form)
        if not year.runs(form):
            raise RuleError(f"Форма «{form.name}» не реализуется в {year.title} учебном году.", field="form_id",
                            section="4.1")
    recipients = _recipients(questionnaire, year, target, form, mentee_ids, mentor_ids, pairing, actor)
    if not recipients:
        raise RuleError("Некому отправить анкету: среди выбранных нет участников, которым она предназначена.",
                        field="target")

    idempotency.serialize("questionnaire_dispatch", questionnaire.id, year.id, phase.value)
    dispatch = Dispatch(questionnaire=questionnaire, version=version, program_year=year, phase=phase, target=target,
                        mentorship_form=form if target == "form" else None, expires_on=expires_on,
                        pairing=pairing if target == "pair" else None, created_by_id=actor.id)
    db.session.add(dispatch)
    db.session.flush()
    sent = Sent(dispatch)
    have = _already_invited(questionnaire, year, phase, [person.id for person, _ in recipients])
    refused = kept_out([person.id for person, _ in recipients])
    for person, form_id in recipients:
        if person.id in refused:
            sent.consent_withdrawn.append(person.full_name)
            continue
        if person.id in have:
            sent.already.append(person.full_name)
            continue
        invitation = Invitation(dispatch=dispatch, person=person, mentorship_form_id=form_id,
                                salt=secrets.token_hex(8))
        invitation.dispatch_id, invitation.person_id = dispatch.id, person.id
        invitation.token_hash = token_hash(token_of(invitation))
        db.session.add(invitation)
        sent.made += 1
    if not sent.made:
        reasons = []
        if sent.consent_withdrawn:
            reasons.append("согласие на обработку персональных данных отозвано: " + ", ".join(sent.consent_withdrawn))
        if sent.already:
            reasons.append("анкета уже отправлена в этом году на этом этапе: " + ", ".join(sent.already))
        raise RuleError("Ни одной ссылки не создано — " + "; ".join(reasons) + ".",
                        section="4.11" if sent.consent_withdrawn else None)
    db.session.flush()
    audit.record("questionnaire_sent", actor=actor, target=dispatch,
                 details={"questionnaire": questionnaire.title, "year": year.title, "phase": phase.value,
                          "links": sent.made})
    return sent


def _check_form(questionnaire, form, who=None):
    """A questionnaire of one form goes to that form's participants only."""
    own = questionnaire.mentorship_form
    if own is not None and form is not None and own.id != form.id:
        whom = f"{who}: форма" if who else "Форма"
        raise RuleError(f"{whom} наставничества «{form.name}», а анкета «{questionnaire.title}» — для формы "
                        f"«{own.name}». Выберите анкету формы «{form.name}».", section="8.3")


def _recipients(questionnaire, year, target, form, mentee_ids, mentor_ids, pairing, actor):
    """[(person, form id)] the dispatch goes to."""
    if target == "curator":
        if actor.person is None:
            raise RuleError("Ваша учётная запись не связана с карточкой человека: попросите администратора связать "
                            "её, и анкета куратора будет отправлена вам.", field="target")
        return [(actor.person, None)]
    if target == "pair":
        return _pair_recipients(questionnaire, pairing, year)
    model = MenteeParticipation if questionnaire.respondent == Respondent.MENTEE else MentorParticipation
    query = select(model).where(model.program_year_id == year.id)
    if model is MenteeParticipation:
        query = query.where(model.status != MenteeStatus.WITHDRAWN)
    else:
        query = query.where(model.status.in_([MentorStatus.REGISTERED, MentorStatus.COMPLETED]))
    if target == "participants":
        chosen = mentee_ids if model is MenteeParticipation else mentor_ids
        rows = db.session.scalars(query.where(model.id.in_(list(chosen) or [0]))).all()
        for row in rows:
            _check_form(questionnaire, row.mentorship_form, row.person.full_name)
        return [(row.person, row.mentorship_form_id) for row in sorted(rows, key=lambda r: r.person.full_name)]
    own = form if target == "form" else questionnaire.mentorship_form
    if own is not None:
        query = query.where(model.mentorship_form_id == own.id)
    rows = db.session.scalars(query).all()
    return [(row.person, row.mentorship_form_id) for row in sorted(rows, key=lambda r: r.person.full_name)]


def _pair_recipients(questionnaire, pairing, year):
    """A pair or a group (app.pairs): its mentor or its current mentees, by the questionnaire's respondent; a
    questionnaire of another form than the pair's is refused."""
    if pairing is None:
        raise RuleError("Выберите пару или группу.", field="pairing_id")
    if pairing.program_year_id != year.id:
        raise RuleError(f"{pairing.label} — из {pairing.program_year.title} учебного года, а анкета отправляется в "
                        f"{year.title}. Выберите пару этого года.", field="pairing_id")
    _check_form(questionnaire, pairing.mentorship_form, pairing.label)
    if questionnaire.respondent == Respondent.MENTOR:
        return [(pairing.mentor.person, pairing.mentorship_form_id)]
    return [(mentee.person, pairing.mentorship_form_id) for mentee in pairing.mentees]


def _already_invited(questionnaire, year, phase, person_ids):
    query = (select(Invitation.person_id).join(Dispatch)
             .where(Dispatch.questionnaire_id == questionnaire.id, Dispatch.program_year_id == year.id,
                    Dispatch.phase == phase, Dispatch.withdrawn_at.is_(None), Invitation.person_id.in_(person_ids)))
    return set(db.session.scalars(query))


def withdraw(dispatch, actor):
    """The curator withdraws a dispatch: its links answer no more; the answers given stay."""
    if dispatch.withdrawn:
        raise RuleError("Эта рассылка уже отозвана.")
    dispatch.withdrawn_at = utcnow()
    db.session.flush()
    audit.record("questionnaire_withdrawn", actor=actor, target=dispatch,
                 details={"questionnaire": dispatch.questionnaire.title})


def invitation_for(token):
    """The invitation a token opens, or RuleError: altered, unknown (withdrawn link), see ``ensure_answerable``."""
    try:
        _serializer().loads(token)
    except BadSignature:
        raise RuleError(ALTERED) from None
    digest = token_hash(token)
    invitation = db.session.scalar(select(Invitation).where(Invitation.token_hash == digest))
    if invitation is None or not hmac.compare_digest(invitation.token_hash, digest):
        raise RuleError(UNKNOWN)
    return invitation


def ensure_answerable(invitation, today=None):
    """One submission, before the date the curator set, of a dispatch not withdrawn, by a person whose consent
    stands (4.11)."""
    dispatch = invitation.dispatch
    if dispatch.withdrawn:
        raise RuleError(WITHDRAWN)
    if _answered(invitation):
        raise RuleError(USED)
    if (today or local_today()) > dispatch.expires_on:
        raise RuleError(f"Срок ответа по этой ссылке истёк {dispatch.expires_on:%d.%m.%Y}. Если вы хотите ответить, "
                        "попросите у куратора программы наставничества новую ссылку.")
    if kept_out([invitation.person_id]):
        raise RuleError(CONSENT, section="4.11")


def _answered(invitation):
    return db.session.scalar(select(Response.id).where(Response.invitation_id == invitation.id)) is not None
