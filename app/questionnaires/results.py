"""Results of a questionnaire's version for a year, a form and a phase: how many answered of how many were sent the
link, each scale's average and distribution, yes/no shares, the frequency distribution, the free answers, and start
against end for the people who answered both. Counted by the database (GROUP BY), so 5,000 answers stay fast."""
from dataclasses import dataclass, field

from sqlalchemy import case, func, or_, select

from app.excel.workbook import write_workbook
from app.extensions import db
from app.questionnaires.models import (
    Answer,
    AnswerKind,
    Dispatch,
    Invitation,
    PairTally,
    Phase,
    Question,
    QuestionnaireVersion,
    Response,
    Tally,
)

#: Free answers shown on the page per question (all of them are in the .xlsx).
TEXTS_SHOWN = 50


@dataclass
class Filters:
    year_id: int | None = None
    form_id: int | None = None
    phase: Phase | None = None

    def apply(self, query, form_column=Invitation.mentorship_form_id):
        if self.year_id:
            query = query.where(Dispatch.program_year_id == self.year_id)
        if self.form_id:
            query = query.where(form_column == self.form_id)
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


def _responses(version, filters, phase=None):
    """SELECT of the ids of the responses to ``version`` within ``filters`` (and ``phase``, when given)."""
    query = filters.apply(select(Response.id).join(Invitation, Response.invitation_id == Invitation.id)
                          .join(Dispatch, Invitation.dispatch_id == Dispatch.id)
                          .where(Dispatch.version_id == version.id))
    return query.where(Dispatch.phase == phase) if phase is not None else query


def _narrowed(query, version, filters):
    """Answers of the version's questions are the version's answers: the responses matter only under a filter."""
    if filters.year_id or filters.form_id or filters.phase:
        return query.where(Answer.response_id.in_(_responses(version, filters)))
    return query


def results_for(version, filters):
    # A withdrawn dispatch's unanswered links can no longer be answered: they are not counted as invited.
    invited_query = filters.apply(select(func.count(case((or_(Dispatch.withdrawn_at.is_(None),
                                                              Response.id.is_not(None)), 1))),
                                         func.count(Response.id),
                                         func.count(case((Response.on_paper.is_(True), 1))))
                                  .select_from(Invitation).join(Dispatch, Invitation.dispatch_id == Dispatch.id)
                                  .outerjoin(Response, Response.invitation_id == Invitation.id)
                                  .where(Dispatch.version_id == version.id))
    invited, answered, on_paper = db.session.execute(invited_query).one()

    counts_query = filters.apply(
        select(Tally.question_id, Tally.value, func.sum(Tally.count)).join(Dispatch, Tally.dispatch_id == Dispatch.id)
        .where(Dispatch.version_id == version.id).group_by(Tally.question_id, Tally.value), Tally.mentorship_form_id)
    counts = {}
    for question_id, value, number in db.session.execute(counts_query):
        counts.setdefault(question_id, {})[value] = int(number)

    texts = _latest_texts([q for q in version.questions if q.kind == AnswerKind.TEXT and counts.get(q.id)],
                          version, filters)
    items = []
    for question in version.questions:
        item = QuestionResult(question)
        if question.kind == AnswerKind.TEXT:
            item.text_count = item.answered = sum(counts.get(question.id, {}).values())
            item.texts = texts.get(question.id, [])
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


def _latest_texts(questions, version, filters, limit=TEXTS_SHOWN):
    """{question id: its latest ``limit`` free answers}: the question's answers walked from the newest, each joined
    to its link and dispatch for the filters, until ``limit`` are found."""
    found = {}
    for question in questions:
        query = select(Answer.text).where(Answer.question_id == question.id, Answer.text.is_not(None))
        if filters.year_id or filters.form_id or filters.phase:
            query = filters.apply(query.join(Response, Answer.response_id == Response.id)
                                  .join(Invitation, Response.invitation_id == Invitation.id)
                                  .join(Dispatch, Invitation.dispatch_id == Dispatch.id))
        found[question.id] = db.session.scalars(query.order_by(Answer.id.desc()).limit(limit)).all()
    return found


def _texts(question, version, filters):
    """Every free answer to ``question``, oldest first (the export)."""
    query = _narrowed(select(Answer.text).where(Answer.question_id == question.id, Answer.text.is_not(None)),
                      version, filters)
    return db.session.scalars(query.order_by(Answer.id)).all()


def _start_end(version, filters):
    """Scale averages at the start and at the end of the program over the people who answered this version at both
    (the phase filter is ignored here: it compares the two), from the running sums (app.questionnaires.tallies)."""
    scales = [question for question in version.questions if question.kind == AnswerKind.SCALE]
    query = select(PairTally.question_id, func.sum(PairTally.people), func.sum(PairTally.start_sum),
                   func.sum(PairTally.end_sum)).where(PairTally.version_id == version.id)
    if filters.year_id:
        query = query.where(PairTally.program_year_id == filters.year_id)
    if filters.form_id:
        query = query.where(PairTally.mentorship_form_id == filters.form_id)
    sums = {question_id: (int(people), int(start), int(end)) for question_id, people, start, end
            in db.session.execute(query.group_by(PairTally.question_id)) if people}
    if not sums:
        return [], 0
    rows = [(question, round(sums[question.id][1] / sums[question.id][0], 2),
             round(sums[question.id][2] / sums[question.id][0], 2)) if question.id in sums else (question, None, None)
            for question in scales]
    return rows, max(people for people, _, _ in sums.values())


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
            texts += [[item.question.position, item.question.text, text]
                      for text in _texts(item.question, results.version, results.filters)]
    start_end = [[question.position, question.text, start, end] for question, start, end in results.start_end]
    return write_workbook([
        ("Итоги", ["Показатель", "Значение"], summary_rows, [30, 60]),
        ("Вопросы", headings, rows, [5, 60, 20, 10, 10]),
        ("Свободные ответы", ["№", "Вопрос", "Ответ"], texts, [5, 50, 80]),
        ("Начало и завершение", ["№", "Вопрос", "Среднее в начале", "Среднее в конце"], start_end, [5, 60, 18, 18]),
    ])
