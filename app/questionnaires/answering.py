"""A participant's answers (through his link) and answers given on paper (typed in by staff): every closed answer in
its range, every required question answered, one submission per link even from two tabs at once."""
from app.audit import services as audit
from app.core import idempotency
from app.core.errors import RuleError
from app.extensions import db
from app.questionnaires import tallies
from app.questionnaires.links import ensure_answerable
from app.questionnaires.models import Answer, AnswerKind, Response

TEXT_LIMIT = 2000


class AnswersInvalid(RuleError):
    """Several questions wrong at once: ``problems`` maps each question's field to its message."""

    def __init__(self, problems):
        count = len(problems)
        super().__init__(f"Анкета не отправлена: проверьте ответы ({count}). Всё, что вы ввели, сохранено на странице.",
                         field=next(iter(problems)))
        self.problems = problems


def check_answers(version, raw):
    """{question: (value, text)} from the posted ``raw`` {field name: string}; AnswersInvalid naming each problem."""
    problems, values = {}, {}
    for question in version.questions:
        given = (raw.get(question.field_name) or "").strip()
        if not given:
            if question.required:
                problems[question.field_name] = "Ответьте на этот вопрос: он обязательный."
            continue
        if question.kind == AnswerKind.TEXT:
            if len(given) > TEXT_LIMIT:
                problems[question.field_name] = f"Ответ длиннее {TEXT_LIMIT} знаков: сократите его."
                continue
            values[question] = (None, given)
            continue
        allowed = {value for value, _ in question.kind.options}
        try:
            value = int(given)
        except ValueError:
            value = None
        if value not in allowed:
            problems[question.field_name] = _range_message(question.kind)
            continue
        values[question] = (value, None)
    if problems:
        raise AnswersInvalid(problems)
    return values


def _range_message(kind):
    if kind == AnswerKind.SCALE:
        return "Оценка — целое число от 1 до 10: выберите одно из значений шкалы."
    if kind == AnswerKind.YES_NO:
        return "Выберите «да» или «нет»."
    return "Выберите один из вариантов: Очень часто, Часто, Редко, 1 - 2 раза, Никогда."


def submit(invitation, raw, *, on_paper=False, actor=None):
    """Store the answers of ``invitation``'s person to the dispatch's version, once."""
    idempotency.serialize("questionnaire_response", invitation.id)
    ensure_answerable(invitation)
    version = invitation.dispatch.version
    values = check_answers(version, raw)
    response = Response(invitation=invitation, version_id=version.id, on_paper=on_paper,
                        entered_by_id=actor.id if actor is not None else None)
    response.answers = [Answer(question_id=question.id, value=value, text=text)
                        for question, (value, text) in values.items()]
    db.session.add(response)
    db.session.flush()
    tallies.count_response(response)
    if on_paper:
        audit.record("questionnaire_paper_entered", actor=actor, target=response,
                     details={"questionnaire": invitation.dispatch.questionnaire.title})
    return response
