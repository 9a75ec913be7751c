"""Results of a questionnaire's version for a year, a form and a phase: how many answered of how many were sent the
link, each scale's average and distribution, yes/no shares, the frequency distribution, the free answers, and start
against end for the people who answered both. Counted by the database (GROUP BY), so 5,000 answers stay fast."""
from dataclasses import dataclass, field

from sqlalchemy import and_, case, func, select

from app.excel.workbook import write_workbook
from app.extensions import db
from app.questionnaires.models import (Answer, AnswerKind, Dispatch, Invitation, Phase, Question,
                                       QuestionnaireVersion, Response)

#: Free answers shown on the page per question (all of them are in the .xlsx).
TEXTS_SHOWN = 50


@dataclass
class Filters:
    year_id: int | None = None
    form_id: int | None = None
    phase: Phase | None = None

    def apply(self, query):
        if self.year_id:
            query = query.where(Dispatch.program_year_id == self.year_id)
        if self.form_id:
            query = query.where(Invitation.mentorship_form_id == self.form_id)
        if self.phase:
            query = query.where(Dispatch.phase == self.phase)
        return query


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    #: [(label, count, percent)] in the options' order.
    distribution: list = field(default_factory=list)
    average: float | None = None
    texts: list = field(default_factory=list)
    text_count: int = 0

    @property
    def yes_share(self):
        if self.question.kind != AnswerKind.YES_NO or not self.answered:
            return None
        return self.distribution[0][2]


@dataclass
class Results:
    version: QuestionnaireVersion
    filters: Filters
    invited: int
    answered: int
    on_paper: int
    questions: list
    #: [(question, start average, end average, people)] for the scales, over those who answered at both phases.
    start_end: list
    start_end_people: int

    @property
    def rate(self):
        return round(100 * self.answered / self.invited, 1) if self.invited else None

    @property
    def indicator_share(self):
        """Indicator 4 or 5 of Приложение 6: the share answering «да» to the first yes/no question."""
        first = next((item for item in self.questions if item.question.kind == AnswerKind.YES_NO), None)
        return (first.question, first.yes_share) if first is not None else (None, None)


def _percent(part, whole):
    return round(100 * part / whole, 1) if whole else 0.0


def results_for(version, filters):
    invited_query = filters.apply(select(func.count(Invitation.id), func.count(Response.id),
                                         func.count(case((Response.on_paper.is_(True), 1))))
                                  .select_from(Invitation).join(Dispatch, Invitation.dispatch_id == Dispatch.id)
                                  .outerjoin(Response, Response.invitation_id == Invitation.id)
                                  .where(Dispatch.version_id == version.id))
    invited, answered, on_paper = db.session.execute(invited_query).one()

    counts_query = filters.apply(
        select(Answer.question_id, Answer.value, func.count())
        .select_from(Answer).join(Response, Answer.response_id == Response.id)
        .join(Invitation, Response.invitation_id == Invitation.id).join(Dispatch, Invitation.dispatch_id == Dispatch.id)
        .where(Response.version_id == version.id, Answer.value.is_not(None))
        .group_by(Answer.question_id, Answer.value))
    counts = {}
    for question_id, value, number in db.session.execute(counts_query):
        counts.setdefault(question_id, {})[value] = number

    items = []
    for question in version.questions:
        item = QuestionResult(question)
        if question.kind == AnswerKind.TEXT:
            item.text_count, item.texts = _texts(question, filters)
            item.answered = item.text_count
        else:
            given = counts.get(question.id, {})
            item.answered = sum(given.values())
            item.distribution = [(label, given.get(value, 0), _percent(given.get(value, 0), item.answered))
                                 for value, label in question.kind.options]
            if question.kind == AnswerKind.SCALE and item.answered:
                item.average = round(sum(value * number for value, number in given.items()) / item.answered, 2)
        items.append(item)
    start_end, people = _start_end(version, filters)
    return Results(version, filters, invited, answered, on_paper, items, start_end, people)


def _texts(question, filters, limit=TEXTS_SHOWN):
    base = filters.apply(select(Answer.text).select_from(Answer).join(Response, Answer.response_id == Response.id)
                         .join(Invitation, Response.invitation_id == Invitation.id)
                         .join(Dispatch, Invitation.dispatch_id == Dispatch.id)
                         .where(Answer.question_id == question.id, Answer.text.is_not(None)))
    total = db.session.scalar(select(func.count()).select_from(base.subquery()))
    texts = db.session.scalars(base.order_by(Answer.id.desc()).limit(limit)).all() if limit else []
    return total, texts


def _start_end(version, filters):
    """Scale averages at the start and at the end of the program, over the people who answered both (the phase
    filter is ignored here: it compares the two)."""
    if not version.questions:
        return [], 0
    both = Filters(filters.year_id, filters.form_id, None)
    people = (both.apply(select(Invitation.person_id).join(Dispatch, Invitation.dispatch_id == Dispatch.id)
                         .join(Response, Response.invitation_id == Invitation.id)
                         .where(Dispatch.questionnaire_id == version.questionnaire_id))
              .group_by(Invitation.person_id).having(func.count(func.distinct(Dispatch.phase)) == 2))
    count = db.session.scalar(select(func.count()).select_from(people.subquery()))
    if not count:
        return [], 0
    query = both.apply(
        select(Question.position, Dispatch.phase, func.avg(Answer.value))
        .select_from(Answer).join(Question, Answer.question_id == Question.id)
        .join(Response, Answer.response_id == Response.id)
        .join(Invitation, Response.invitation_id == Invitation.id).join(Dispatch, Invitation.dispatch_id == Dispatch.id)
        .where(and_(Dispatch.questionnaire_id == version.questionnaire_id, Question.kind == AnswerKind.SCALE,
                    Invitation.person_id.in_(people)))
        .group_by(Question.position, Dispatch.phase))
    averages = {}
    for position, phase, average in db.session.execute(query):
        averages.setdefault(position, {})[Phase(phase)] = round(float(average), 2)
    rows = [(question, averages.get(question.position, {}).get(Phase.START),
             averages.get(question.position, {}).get(Phase.END))
            for question in version.questions if question.kind == AnswerKind.SCALE]
    return rows, count


def export_xlsx(results, title):
    """The results as a workbook: the summary, every free answer, start against end."""
    summary_rows = [["Анкета", title], ["Ссылок выдано", results.invited], ["Ответов", results.answered],
                    ["Из них на бумаге", results.on_paper], ["Доля ответивших, %", results.rate]]
    width = max((len(item.distribution) for item in results.questions), default=0)
    rows = []
    for item in results.questions:
        row = [item.question.position, item.question.text, item.question.kind.label, item.answered, item.average]
        for label, number, percent in item.distribution:
            row += [label, number, percent]
        rows.append(row)
    headings = ["№", "Вопрос", "Тип ответа", "Ответов", "Среднее"]
    for index in range(1, width + 1):
        headings += [f"Вариант {index}", "Ответов", "%"]
    texts = []
    for item in results.questions:
        if item.question.kind == AnswerKind.TEXT:
            every = db.session.scalars(
                results.filters.apply(select(Answer.text).select_from(Answer)
                                      .join(Response, Answer.response_id == Response.id)
                                      .join(Invitation, Response.invitation_id == Invitation.id)
                                      .join(Dispatch, Invitation.dispatch_id == Dispatch.id)
                                      .where(Answer.question_id == item.question.id, Answer.text.is_not(None))
                                      .order_by(Answer.id))).all()
            texts += [[item.question.position, item.question.text, text] for text in every]
    start_end = [[question.position, question.text, start, end] for question, start, end in results.start_end]
    return write_workbook([
        ("Итоги", ["Показатель", "Значение"], summary_rows, [30, 60]),
        ("Вопросы", headings, rows, [5, 60, 20, 10, 10]),
        ("Свободные ответы", ["№", "Вопрос", "Ответ"], texts, [5, 50, 80]),
        ("Начало и завершение", ["№", "Вопрос", "Среднее в начале", "Среднее в конце"], start_end, [5, 60, 18, 18]),
    ])
