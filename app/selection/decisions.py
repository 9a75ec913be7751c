"""What closing a meeting decides (4.13): each candidate selected or not by the votes of the members present (the
chair's vote on a tie), the decision written on his application with the protocol as its basis, and the protocol
itself — members present, candidates, each member's score and vote, the decision — issued through the engine.
"""
from dataclasses import dataclass

from app.accounts.documents import user_as_person
from app.applications import services as applications
from app.applications.nominations import CURATOR_ROLE_WORDS
from app.audit import services as audit
from app.core.errors import RuleError
from app.documents.prefill import Subject
from app.documents.services import issue_document
from app.selection.agenda import active_candidates
from app.selection.commission import Decision, decide
from app.selection.models import CommissionRole
from app.selection.reviews import SCALE, average_text, counted_reviews, tally

#: The protocol's words for each outcome, (curator candidacy, selected) -> (its words, the issue form's label):
#: the choices of the kind commission_protocol.
PROTOCOL_DECISIONS = {
    (False, True): ("рекомендовать к включению в реестр наставников", "рекомендовать к включению в реестр"),
    (False, False): ("отказать во включении в реестр наставников", "отказать во включении в реестр"),
    # The curator's own selection (Приложение 1, last paragraph) goes through the same commission.
    (True, True): ("рекомендовать к назначению куратором наставнической деятельности",
                   "рекомендовать к назначению куратором"),
    (True, False): ("отказать в назначении куратором наставнической деятельности", "отказать в назначении куратором"),
}


@dataclass(frozen=True)
class Outcome:
    item: object
    decision: Decision
    total_score: int


def check_every_vote_cast(meeting):
    """4.13: the commission decides on a candidate by the votes of those present, so each of them votes first."""
    missing = []
    for item in active_candidates(meeting):
        voted = {review.member_id for review in item.reviews}
        absent = [member.user.short_name for member in voters_on(item) if member.id not in voted]
        if absent:
            missing.append(f"{item.person.short_name} — {', '.join(absent)}")
    if missing:
        raise RuleError("Не все присутствующие проголосовали: " + "; ".join(missing) + ". Дождитесь их голосов "
                        "(или отметьте ушедших отсутствующими, пока они не голосовали).", section="4.13")


def check_protocol_votes(values):
    """4.13, a protocol typed by hand: nobody votes twice, so the votes on a candidate are at most the members
    present, and those present at most the commission's members."""
    present = len(values.get("members_present") or [])
    total = values.get("members_total")
    if total is not None and present > total:
        raise RuleError(f"Присутствующих ({present}) больше, чем членов комиссии ({total}).",
                        section="4.13", field="members_present")
    for index, row in enumerate(values.get("candidates") or []):
        cast = sum(row.get(key) or 0 for key in ("votes_for", "votes_against", "votes_abstained"))
        if cast > present:
            raise RuleError(f"За кандидата «{row['name']}» подано голосов ({cast}) больше, чем присутствует "
                            f"членов комиссии ({present}).", section="4.13",
                            field=f"candidates.{index}.votes_for")


def voters_on(item):
    """The members present who vote on this candidate: all of them but the candidate himself, who may not (4.13)."""
    candidate = item.application.person_id
    return [member for member in item.meeting.present if member.user.person_id != candidate]


def outcomes(meeting):
    """Each candidate's decision from the counted votes; the chair's vote breaks a tie when he is present."""
    chair = meeting.commission.chair
    chair_present = chair is not None and any(member.id == chair.id for member in meeting.present)
    found = []
    for item in active_candidates(meeting):
        reviews = counted_reviews(item)
        chair_vote = next((review.vote for review in reviews if chair_present and review.member_id == chair.id),
                          None)
        decision = decide([review.vote for review in reviews], len(voters_on(item)), chair_vote)
        found.append(Outcome(item, decision, sum(review.total for review in reviews)))
    return found


def record_outcomes(meeting, actor):
    """Freeze each decision on the agenda, issue the protocol, write the decisions on the applications."""
    results = outcomes(meeting)
    if not results:
        return None
    for outcome in results:
        item, decision = outcome.item, outcome.decision
        item.selected, item.by_chair, item.total_score = decision.selected, decision.by_chair, outcome.total_score
        item.votes_for, item.votes_against = decision.votes_for, decision.votes_against
        item.votes_abstained = decision.abstained
    protocol = issue_document("commission_protocol", protocol_values(meeting, results), actor,
                              subjects=_subjects(meeting, results))
    meeting.protocol_document = protocol
    basis = f"Протокол № {protocol.number_text} от {protocol.doc_date.strftime('%d.%m.%Y')}"
    for outcome in results:
        applications.record_decision(outcome.item.application, selected=outcome.decision.selected, basis=basis,
                                     on=meeting.meeting_date, actor=actor)
    audit.record("commission_decided", actor=actor, target=meeting,
                 details={"protocol": protocol.number_text, "selected": [o.item.person.full_name for o in results
                                                                         if o.decision.selected]})
    return protocol


def protocol_values(meeting, results):
    commission = meeting.commission
    # The commission's secretary signs the protocol of a meeting he attended.
    secretary = next((m for m in meeting.present if m.role == CommissionRole.SECRETARY), None)
    candidates, scores, criteria_scores = [], [], []
    for outcome in results:
        item, decision = outcome.item, outcome.decision
        application = item.application
        candidates.append({
            "name": item.person.full_name, "position": application.position,
            "form": CURATOR_ROLE_WORDS if application.for_curator
            else application.mentorship_form.name,
            "total_score": outcome.total_score, "average": average_text(tally(item).average),
            "votes_for": decision.votes_for,
            "votes_against": decision.votes_against, "votes_abstained": decision.abstained,
            "decision": PROTOCOL_DECISIONS[(application.for_curator, decision.selected)][0]})
        scores += [{"candidate": item.person.short_name, "member": review.member.user.short_name,
                    "score": review.total, "vote": review.vote.label} for review in counted_reviews(item)]
        criteria_scores += criterion_rows(item)
    values = {
        "doc_date": meeting.meeting_date, "academic_year": commission.program_year.title,
        "chair": user_as_person(commission.chair.user), "members_total": len(commission.members),
        "members_present": [{"name": m.user.full_name, "position": m.position_title or m.user.position or "",
                             "role": m.role.label} for m in meeting.present],
        "candidates": candidates, "scores": scores, "criteria_scores": criteria_scores,
        "score_scale": ", ".join(f"{value} — {label}" for value, label in SCALE),
        "decision": decision_text(commission.program_year, results)}
    if secretary is not None:
        values["secretary"] = user_as_person(secretary.user)
    return values


def criterion_rows(item):
    """Each criterion the candidate was scored on, with every counted member's mark and the average."""
    reviews = counted_reviews(item)
    marks = {}
    for review in reviews:
        for row in review.scores:
            marks.setdefault(row.criterion, []).append((review.member.user.short_name, row.score))
    rows = []
    for criterion in sorted(marks, key=lambda c: (c.position, c.id)):
        given = marks[criterion]
        average = sum(score for _, score in given) / len(given)
        rows.append({"candidate": item.person.short_name, "criterion": criterion.label,
                     "marks": "; ".join(f"{name} — {score}" for name, score in given),
                     "average": average_text(average)})
    return rows


def decision_text(year, results):
    """«РЕШИЛИ»: one numbered point per outcome that has candidates, in the regulation's words."""
    def names(curator, selected):
        return ", ".join(o.item.person.full_name for o in results
                         if o.item.application.for_curator == curator and o.decision.selected == selected)

    points = []
    for curator, selected, words in (
            (False, True, f"Рекомендовать директору техникума включить в реестр наставников на {year.title} "
                          "учебный год"),
            (False, False, "Отказать во включении в реестр наставников"),
            (True, True, "Рекомендовать директору техникума назначить куратором наставнической деятельности"),
            (True, False, "Отказать в назначении куратором наставнической деятельности")):
        chosen = names(curator, selected)
        if chosen:
            points.append(f"{len(points) + 1}. {words}: {chosen}.")
    casting = ", ".join(o.item.person.full_name for o in results if o.decision.by_chair)
    if casting:
        points.append(f"При равенстве голосов по кандидатуре ({casting}) решающим стал голос председателя комиссии.")
    return " ".join(points)


def _subjects(meeting, results):
    subjects = [Subject("user", member.user_id, "commission_member", member.user.short_name)
                for member in meeting.present]
    for outcome in results:
        person = outcome.item.person
        subjects += [Subject("person", person.id, "candidate", person.short_name),
                     Subject("candidate_application", outcome.item.application_id, "candidate", person.short_name)]
    return subjects
