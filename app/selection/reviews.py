"""A commission member's review of a candidate (4.13, Приложение 1): a score on each criterion, a comment, a vote.

The scale (``SCALE``) has three steps per criterion — 0 «не соответствует», 1 «соответствует частично»,
2 «соответствует полностью»: Приложение 1 words its criteria as qualities a candidate has or lacks, and three
steps are what a member can honestly tell from an application and a portfolio. A candidate's sum therefore runs
to twice the number of his criteria (12 criteria for a mentor, 16 for the curator); pages show it with the
average per criterion, so candidates of different forms compare.

Who and when: a member of the meeting's composition who is present; never on his own candidacy; one review per
candidate and meeting — a second vote is refused, but he may change his review (scores, comment and vote) until
the meeting is closed; every change is audited. He sees the others' reviews once he has voted, or after the
meeting is closed.
"""
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from app.applications.models import ApplicationStatus
from app.audit import services as audit
from app.core.errors import RuleError
from app.core.formatting import ru_number
from app.extensions import db
from app.selection.models import Review, ReviewScore, Vote
from app.selection.services import criteria_for

SCALE = ((0, "не соответствует"), (1, "соответствует частично"), (2, "соответствует полностью"))
MAX_SCORE = max(value for value, _ in SCALE)
#: Averages are shown with two decimals, rounded half up, on pages and in the protocol alike.
AVERAGE_DIGITS = 2
MAX_COMMENT = 2000


def criteria_of(item):
    """The criteria the candidate is scored on: his form's, or the curator's (Приложение 1, last paragraph)."""
    application = item.application
    if application.for_curator:
        return criteria_for(curator=True)
    return criteria_for(application.mentorship_form)


def save_review(item, user, *, scores, vote, comment=None, review_id=None):
    """Record the member's review of ``item``, or change his own while the meeting is open.

    ``scores``: {criterion id: score}; ``review_id``: the review being changed (None for a first vote).
    """
    meeting = item.meeting
    meeting.ensure_open()
    member = _ensure_may_review(item, user)
    existing = item.review_by(member)
    if existing is not None and existing.id != review_id:
        raise RuleError("Вы уже проголосовали по этому кандидату на этом заседании: второй голос не подаётся. "
                        "Откройте свою оценку и измените её, пока заседание не закрыто.", section="4.13")
    criteria = criteria_of(item)
    if not criteria:
        raise RuleError("Критерии отбора для этого кандидата не заданы: администратор ведёт их на странице «Критерии "
                        "отбора».", section="Приложение 1")
    checked = _checked_scores(criteria, scores)
    try:
        vote = Vote(vote)
    except ValueError:
        raise RuleError("Выберите голос: за, против или воздержался.", field="vote") from None
    comment = (comment or "").strip()[:MAX_COMMENT] or None
    before = _snapshot(existing) if existing is not None else None
    review = existing or Review(member=member)
    review.vote, review.comment = vote, comment
    kept = {row.criterion_id: row for row in review.scores}
    review.scores = [_score_row(kept.get(criterion.id), criterion, checked[criterion.id]) for criterion in criteria]
    try:
        with db.session.begin_nested():
            if existing is None:
                review.candidate = item
                db.session.add(review)
            db.session.flush()
    except IntegrityError:  # two first votes of one member at the same moment: the second is refused
        raise RuleError("Ваш голос по этому кандидату уже записан: второй голос не подаётся.",
                        section="4.13") from None
    audit.record("review_changed" if before else "review_cast", actor=user, target=review,
                 details={"candidate": item.person.full_name, "before": before, "after": _snapshot(review)})
    return review


def _ensure_may_review(item, user):
    """4.13: a member of this composition, marked present, not the candidate himself, on a live candidacy."""
    meeting = item.meeting
    member = meeting.commission.member_for(user)
    if member is None:
        raise RuleError("Оценивают кандидатов и голосуют только члены состава комиссии, проводящего заседание.",
                        section="4.13")
    if meeting.member_present(user) is None:
        raise RuleError("Вы не отмечены присутствующим на заседании: отсутствующий член комиссии не оценивает "
                        "кандидатов и не голосует. Попросите секретаря отметить вас.", section="4.13")
    if user.person_id is not None and user.person_id == item.application.person_id:
        raise RuleError("Член комиссии не оценивает собственную кандидатуру и не голосует за неё: решение по ней "
                        "принимают другие члены комиссии.", section="4.13")
    if item.application.status != ApplicationStatus.UNDER_REVIEW:
        raise RuleError(f"Заявление кандидата сейчас «{item.application.status.label}»: оценивать его нельзя.")
    return member


def _checked_scores(criteria, scores):
    allowed = {value for value, _ in SCALE}
    checked = {}
    for criterion in criteria:
        value = (scores or {}).get(criterion.id)
        if value is None or value == "":
            raise RuleError(f"Оцените кандидата по каждому критерию Приложения 1; нет оценки: «{criterion.label}».",
                            section="Приложение 1", field=f"score_{criterion.id}")
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = None
        if value not in allowed:
            raise RuleError(f"Оценка по критерию — от 0 до {MAX_SCORE} баллов.", field=f"score_{criterion.id}")
        checked[criterion.id] = value
    return checked


def _score_row(row, criterion, value):
    row = row or ReviewScore(criterion=criterion)
    row.score = value
    return row


def _snapshot(review):
    return {"vote": str(review.vote), "total": review.total, "comment": review.comment}


# --- reading ---------------------------------------------------------------------------------------------------

def review_blocker(item, user):
    """Why ``user`` may not review ``item`` now (the rule's message), or None if he may."""
    try:
        item.meeting.ensure_open()
        _ensure_may_review(item, user)
    except RuleError as error:
        return str(error)
    return None


def votes_visible(item, user):
    """The others' reviews show to a member once he has voted on the candidate, and to all once the meeting closed."""
    if not item.meeting.is_open:
        return True
    member = item.meeting.commission.member_for(user)
    return member is not None and item.review_by(member) is not None


def counted_reviews(item):
    """The reviews that count: those of the members present (only they vote, 4.13)."""
    present = {member.id for member in item.meeting.present}
    return [review for review in item.reviews if review.member_id in present]


@dataclass(frozen=True)
class Tally:
    """A candidate's scores so far: the sum of the counted reviews, out of what they could give."""

    reviews: int
    total: int
    #: Scores given (criteria × reviews): the average is per criterion, so forms with more criteria compare.
    scores: int

    @property
    def maximum(self):
        return self.scores * MAX_SCORE

    @property
    def average(self):
        """The average score per criterion, on the 0–2 scale."""
        return self.total / self.scores if self.scores else None

    @property
    def percent(self):
        return round(100 * self.total / self.maximum) if self.maximum else None


def average_text(value):
    """An average score as pages and the protocol print it: «1,25»."""
    return ru_number(value, AVERAGE_DIGITS)


def tally(item):
    reviews = counted_reviews(item)
    return Tally(reviews=len(reviews), total=sum(review.total for review in reviews),
                 scores=sum(len(review.scores) for review in reviews))
