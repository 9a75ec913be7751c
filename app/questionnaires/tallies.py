"""The results' running counts, kept in the transaction of each submission: per dispatch, form, question and value
(Tally), and, for the people who answered a version at the start and at the end of a year, the sums of each scale
at both (PairTally). ``rebuild`` recounts them from the answers (bulk-loaded data, a repair)."""
from sqlalchemy import delete, func, select, update

from app.core import idempotency
from app.extensions import db
from app.questionnaires.models import (
    Answer,
    AnswerKind,
    Dispatch,
    Invitation,
    PairTally,
    Phase,
    Question,
    Response,
    Tally,
)

#: A free answer is counted under this value (its question's kind tells it from a closed answer's).
TEXT_VALUE = 0


def tally_value(value):
    return TEXT_VALUE if value is None else value


def _form_is(column, form_id):
    return column.is_(None) if form_id is None else column == form_id


def count_response(response):
    """Add ``response``'s closed answers to its dispatch's tallies and, when the person's other phase is in, the
    pair's scales to the start-against-end sums."""
    invitation = response.invitation
    dispatch, form_id = invitation.dispatch, invitation.mentorship_form_id
    idempotency.serialize("questionnaire_tally", dispatch.id)
    for answer in response.answers:
        value = tally_value(answer.value)
        changed = db.session.execute(
            update(Tally).where(Tally.dispatch_id == dispatch.id, _form_is(Tally.mentorship_form_id, form_id),
                                Tally.question_id == answer.question_id, Tally.value == value)
            .values(count=Tally.count + 1)).rowcount
        if not changed:
            db.session.add(Tally(dispatch_id=dispatch.id, mentorship_form_id=form_id, question_id=answer.question_id,
                                 value=value, count=1))
    db.session.flush()
    _count_pair(response, dispatch, form_id)


def _count_pair(response, dispatch, form_id):
    other = Phase.END if dispatch.phase == Phase.START else Phase.START
    idempotency.serialize("questionnaire_pair_tally", dispatch.version_id, dispatch.program_year_id)
    answered = (select(Response.id, Dispatch.phase, Invitation.mentorship_form_id)
                .join(Invitation, Response.invitation_id == Invitation.id)
                .join(Dispatch, Invitation.dispatch_id == Dispatch.id)
                .where(Invitation.person_id == response.invitation.person_id,
                       Dispatch.version_id == dispatch.version_id, Dispatch.program_year_id == dispatch.program_year_id)
                .order_by(Response.id))
    found = db.session.execute(answered).all()
    if [row for row in found if row.phase == dispatch.phase][0].id != response.id:
        return  # a second answer at the same phase (an earlier dispatch withdrawn): the first one counts
    partner = next((row for row in found if row.phase == other), None)
    if partner is None:
        return
    if dispatch.phase == Phase.START:
        start, end, end_form = response.id, partner.id, partner.mentorship_form_id
    else:
        start, end, end_form = partner.id, response.id, form_id
    sums = _pair_sums([(dispatch.program_year_id, end_form, start, end)])
    for (year_id, pair_form, question_id), (people, start_sum, end_sum) in sums.items():
        row = db.session.scalar(select(PairTally).where(
            PairTally.version_id == dispatch.version_id, PairTally.program_year_id == year_id,
            _form_is(PairTally.mentorship_form_id, pair_form), PairTally.question_id == question_id))
        if row is None:
            row = PairTally(version_id=dispatch.version_id, program_year_id=year_id, mentorship_form_id=pair_form,
                            question_id=question_id, people=0, start_sum=0, end_sum=0)
            db.session.add(row)
        row.people, row.start_sum, row.end_sum = row.people + people, row.start_sum + start_sum, row.end_sum + end_sum
    db.session.flush()


def _pair_sums(pairs):
    """{(year, form of the end, scale question): (people, start sum, end sum)} of ``pairs`` [(year, form, start
    response, end response)]: a question counts for the people who answered it at both."""
    values = {}
    ids = [response_id for _, _, start, end in pairs for response_id in (start, end)]
    for chunk in range(0, len(ids), 5000):
        for response_id, question_id, value in db.session.execute(
                select(Answer.response_id, Answer.question_id, Answer.value).join(Question)
                .where(Answer.response_id.in_(ids[chunk:chunk + 5000]), Question.kind == AnswerKind.SCALE,
                       Answer.value.is_not(None))):
            values.setdefault(response_id, {})[question_id] = value
    sums = {}
    for year_id, form_id, start, end in pairs:
        at_start, at_end = values.get(start, {}), values.get(end, {})
        for question_id in at_start.keys() & at_end.keys():
            people, start_sum, end_sum = sums.get((year_id, form_id, question_id), (0, 0, 0))
            sums[(year_id, form_id, question_id)] = (people + 1, start_sum + at_start[question_id],
                                                     end_sum + at_end[question_id])
    return sums


def rebuild(version):
    """Recount every tally of ``version`` from its answers."""
    dispatch_ids = select(Dispatch.id).where(Dispatch.version_id == version.id)
    db.session.execute(delete(Tally).where(Tally.dispatch_id.in_(dispatch_ids)))
    db.session.execute(delete(PairTally).where(PairTally.version_id == version.id))
    counts = db.session.execute(
        select(Invitation.dispatch_id, Invitation.mentorship_form_id, Answer.question_id, Answer.value, func.count())
        .select_from(Answer).join(Response, Answer.response_id == Response.id)
        .join(Invitation, Response.invitation_id == Invitation.id).where(Response.version_id == version.id)
        .group_by(Invitation.dispatch_id, Invitation.mentorship_form_id, Answer.question_id, Answer.value)).all()
    db.session.add_all([Tally(dispatch_id=d, mentorship_form_id=f, question_id=q, value=tally_value(v), count=n)
                        for d, f, q, v, n in counts])
    rows = db.session.execute(
        select(Response.id, Invitation.person_id, Invitation.mentorship_form_id, Dispatch.program_year_id,
               Dispatch.phase).join(Invitation, Response.invitation_id == Invitation.id)
        .join(Dispatch, Invitation.dispatch_id == Dispatch.id).where(Dispatch.version_id == version.id)
        .order_by(Response.id)).all()
    first = {}
    for response_id, person_id, form_id, year_id, phase in rows:
        first.setdefault((person_id, year_id), {}).setdefault(Phase(phase), (response_id, form_id))
    pairs = [(year_id, phases[Phase.END][1], phases[Phase.START][0], phases[Phase.END][0])
             for (_, year_id), phases in first.items() if len(phases) == 2]
    db.session.add_all([PairTally(version_id=version.id, program_year_id=year_id, mentorship_form_id=form_id,
                                  question_id=question_id, people=people, start_sum=start_sum, end_sum=end_sum)
                        for (year_id, form_id, question_id), (people, start_sum, end_sum) in _pair_sums(pairs).items()])
    db.session.flush()
