"""Demo selection: the criteria of Приложение 1 and the current year's commission, created by order; after the
candidates' papers (app.applications.demo), a closed meeting that decided on the two candidates whose papers are
signed — reviews, votes (one decided by the chair), the protocol — and the registry order it led to."""
from datetime import date

from app.programs.services import current_year
from app.selection import agenda, commission, registry, reviews
from app.selection.models import CommissionRole
from app.selection.services import ensure_standard_criteria

#: (vote, score on every criterion but the last, the last, comment) of each member, in the composition's order.
REVIEWS = {
    "teacher_teacher": [("for", 2, 2, "Автор методических пособий, ведёт семинары для коллег."),
                        ("for", 2, 1, None), ("for", 2, 2, "Готов взять двух молодых преподавателей."),
                        ("abstain", 1, 1, "Высокая нагрузка в этом году.")],
    "student_student": [("against", 1, 0, "Пока мало опыта общественной работы."), ("for", 2, 1, None),
                        ("for", 2, 2, "Лидер группы, победитель олимпиады."), ("against", 1, 1, None)],
}


def seed(context):
    ensure_standard_criteria()
    year = current_year()
    users = context.users
    if year is None or commission.current_commission(year) is not None:
        return
    members = [(users["director"], CommissionRole.CHAIR), (users["curator"], CommissionRole.MEMBER),
               (users["commission"], CommissionRole.MEMBER), (users["methodist"], CommissionRole.SECRETARY)]
    start = year.start_date
    commission.form_commission(year, members, order_date=date(start.year, 9, 1),
                               selection_deadline=date(start.year, 9, 25), actor=users["secretary"])


def seed_meeting(context):
    """The meeting on the candidates whose papers are complete: 4 of 4 present; the teacher selected, the student's
    tie (2 «за» of 4) decided by the chair's «против»; then the registry order for the selected."""
    year = current_year()
    composition = commission.current_commission(year) if year else None
    if composition is None or composition.meetings:
        return
    ready = [application for application, papers in agenda.waiting_applications(year) if papers.complete]
    if not ready:
        return
    secretary = context.users["secretary"]
    meeting_date = max(application.applied_on for application in ready)
    meeting = commission.open_meeting(composition, meeting_date=meeting_date, actor=secretary,
                                      present_users=[member.user for member in composition.members])
    for item in agenda.add_to_agenda(meeting, ready, actor=secretary):
        criteria = reviews.criteria_of(item)
        for member, (vote, score, last, comment) in zip(composition.members,
                                                         REVIEWS[item.application.mentorship_form.code], strict=True):
            scores = {criterion.id: score for criterion in criteria}
            scores[criteria[-1].id] = last
            reviews.save_review(item, member.user, scores=scores, vote=vote, comment=comment)
    commission.close_meeting(meeting, actor=secretary)
    chosen = registry.selected_mentors(meeting)
    if chosen:
        registry.approve_registry(meeting, order_date=meeting_date, entry_date=meeting_date, actor=secretary,
                                  competencies={item.id: "Методическое сопровождение молодых преподавателей, "
                                                         "подготовка к аттестации" for item in chosen})
