"""Questionnaires as data: the seeded ones, an administrator's edits. A version that has answers is never changed:
the edit goes to a new version, and the answers stay with the questions they answered."""
from sqlalchemy import func, select

from app.audit import services as audit
from app.core import idempotency
from app.core.errors import RuleError
from app.extensions import db
from app.questionnaires.models import (
    AnswerKind,
    Purpose,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Respondent,
    Response,
)


def ensure_standard_questionnaires():
    """Seed texts.ALL where migration 0101 did not run (a schema made by create_all); idempotent."""
    from app.programs.services import ensure_standard_forms
    from app.questionnaires.texts import ALL

    if db.session.scalar(select(Questionnaire.id).limit(1)) is not None:
        return
    forms = ensure_standard_forms()
    for position, data in enumerate(ALL, start=1):
        questionnaire = Questionnaire(
            code=data["code"], title=data["title"], appendix=data["appendix"],
            respondent=Respondent(data["respondent"]),
            purpose=Purpose(data["purpose"]), mentorship_form=forms.get(data["form"]) if data["form"] else None,
            indicator=data.get("indicator"), active=True, position=position * 10)
        version = QuestionnaireVersion(number=1, instruction=data["instruction"])
        version.questions = [Question(position=number, text=text, kind=AnswerKind(kind), required=kind != "text")
                             for number, kind, text in data["questions"]]
        questionnaire.versions = [version]
        db.session.add(questionnaire)
    db.session.flush()


def has_answers(version):
    return db.session.scalar(select(func.count(Response.id)).where(Response.version_id == version.id)) > 0


def create_questionnaire(*, title, respondent, mentorship_form, actor, instruction=None):
    """A questionnaire an administrator adds (for a form he added, say); its first version has no questions yet."""
    title = (title or "").strip()
    if not title:
        raise RuleError("Введите название анкеты.", field="title")
    questionnaire = Questionnaire(title=title, respondent=Respondent(respondent), purpose=Purpose.EXPECTATIONS,
                                  mentorship_form=mentorship_form, active=True)
    questionnaire.versions = [QuestionnaireVersion(number=1, instruction=instruction, created_by_id=actor.id)]
    db.session.add(questionnaire)
    db.session.flush()
    audit.record("questionnaire_created", actor=actor, target=questionnaire, details={"title": title})
    return questionnaire


def update_questionnaire(questionnaire, *, title, active, instruction, actor):
    """Title and availability belong to the questionnaire; the instruction to its version."""
    title = (title or "").strip()
    if not title:
        raise RuleError("Введите название анкеты.", field="title")
    questionnaire.title, questionnaire.active = title, bool(active)
    if (instruction or None) != questionnaire.current_version.instruction:
        _editable_version(questionnaire, actor).instruction = instruction or None
    db.session.flush()
    audit.record("questionnaire_updated", actor=actor, target=questionnaire,
                 details={"title": title, "active": questionnaire.active})
    return questionnaire


def save_question(questionnaire, *, position, text, kind, required, actor, question_id=None):
    """Change a question (``question_id`` of the current version) or add one at ``position``."""
    text = (text or "").strip()
    if not text:
        raise RuleError("Введите текст вопроса.", field="text")
    kind = AnswerKind(kind)
    version = _editable_version(questionnaire, actor)
    if question_id is not None:
        question = _question_of(version, questionnaire, question_id)
        question.text, question.kind, question.required = text, kind, bool(required)
    else:
        position = max(1, min(position or len(version.questions) + 1, len(version.questions) + 1))
        for later in version.questions:
            if later.position >= position:
                later.position += 1
        question = Question(position=position, text=text, kind=kind, required=bool(required))
        version.questions.append(question)
    db.session.flush()
    audit.record("questionnaire_updated", actor=actor, target=questionnaire,
                 details={"version": version.number, "question": question.position, "text": text[:200]})
    return question


def remove_question(questionnaire, question_id, actor):
    version = _editable_version(questionnaire, actor)
    question = _question_of(version, questionnaire, question_id)
    version.questions.remove(question)
    for number, remaining in enumerate(sorted(version.questions, key=lambda q: q.position), start=1):
        remaining.position = number
    db.session.flush()
    audit.record("questionnaire_updated", actor=actor, target=questionnaire,
                 details={"version": version.number, "removed": question.text[:200]})


def _editable_version(questionnaire, actor):
    """The current version if nobody answered it; else a copy of it as the next version (answers stay)."""
    idempotency.serialize("questionnaire_version", questionnaire.id)
    current = questionnaire.current_version
    if not has_answers(current):
        return current
    copy = QuestionnaireVersion(number=current.number + 1, instruction=current.instruction, created_by_id=actor.id)
    copy.questions = [Question(position=q.position, text=q.text, kind=q.kind, required=q.required)
                      for q in current.questions]
    questionnaire.versions.append(copy)
    db.session.flush()
    return copy


def _question_of(version, questionnaire, question_id):
    """The question of ``version`` standing where ``question_id`` (of the current or the previous version) stands."""
    question = db.session.get(Question, question_id)
    if question is None or question.version.questionnaire_id != questionnaire.id:
        raise RuleError("Такого вопроса в анкете нет.")
    found = next((q for q in version.questions if q.position == question.position), None)
    if found is None:
        raise RuleError("Такого вопроса в анкете нет.")
    return found


def questionnaires_for(form=None, respondent=None, active_only=True):
    query = select(Questionnaire).order_by(Questionnaire.position, Questionnaire.id)
    if active_only:
        query = query.where(Questionnaire.active.is_(True))
    if form is not None:
        query = query.where((Questionnaire.mentorship_form_id == form.id) | Questionnaire.mentorship_form_id.is_(None))
    if respondent is not None:
        query = query.where(Questionnaire.respondent == respondent)
    return db.session.scalars(query).all()
