"""Demo plans and meetings: every pair and group of the current year gets its individual plan from the typical plan
of its form, the first items marked by the mentor; the meetings of the roadmap held so far are logged, with the
stage-5 group meeting recorded once for all; a teacher mentor gets an account («наставник») linked to his card."""
from datetime import timedelta

from sqlalchemy import select

from app.accounts import services as accounts
from app.core.formatting import local_today
from app.core.roles import Role
from app.extensions import db
from app.pairs import meetings, plans
from app.pairs.models import Pairing, PairingState
from app.pairs.plan_models import MeetingFormat, MeetingKind
from app.programs.services import all_forms, current_year

MARKS = ("Встреча проведена, график встреч согласован", "Пробная работа проведена, потребности выявлены")
REPORTS = ("Познакомился с наставником, договорились о встречах по вторникам",
           "Выполнил пробное задание, обсудили трудности")
MENTOR_EMAIL = "mentor@kmt.example"


def _people(pairing):
    return {pairing.mentor.person_id, *(member.mentee.person_id for member in pairing.members)}


def seed(context):
    year = current_year()
    if year is None:
        return
    plans.ensure_typical_plans(all_forms())
    today = local_today()
    pairings = db.session.scalars(select(Pairing).where(
        Pairing.program_year_id == year.id, Pairing.state.in_([PairingState.ACTIVE, PairingState.FORMING]))
        .order_by(Pairing.starts_on, Pairing.id)).all()
    if not pairings:
        return
    first_start = min(pairing.starts_on for pairing in pairings)
    group_day = max(year.start_date, first_start - timedelta(days=3))
    if group_day <= today:
        meetings.log_meeting(kind=MeetingKind.GROUP_START, pairings=pairings, held_on=group_day,
                             topic="Групповая встреча наставников и наставляемых: знакомство с Программой",
                             attendee_ids=set().union(*(_people(p) for p in pairings)), curator_attended=True,
                             outcome="Участники познакомились; собраны пожелания о наставнике и наставляемом",
                             actor=context.users.get("curator"))
    for pairing in pairings:
        plan = plans.start_plan(pairing)
        held = [(MeetingKind.FIRST, 3, "Знакомство, правила работы пары"),
                (MeetingKind.TRIAL, 10, "Пробная рабочая встреча"),
                (MeetingKind.PLANNING, 17, "Планирование: мероприятия и сроки индивидуального плана"),
                (MeetingKind.REGULAR, 31, "Текущие задачи, контроль выполнения плана")]
        for index, (kind, days, topic) in enumerate(held):
            day = pairing.starts_on + timedelta(days=days)
            if day > min(today, pairing.end_on):
                break
            meetings.log_meeting(kind=kind, pairings=[pairing], held_on=day, topic=topic,
                                 attendee_ids=_people(pairing),
                                 format=MeetingFormat.ONLINE if index == 3 else MeetingFormat.IN_PERSON,
                                 curator_attended=index == 0, outcome="Договорились о следующих шагах")
            if index < len(MARKS) and index < len(plan.items):
                plans.update_item(plan.items[index], status="done", mentor_mark=MARKS[index],
                                  mentee_report=REPORTS[index], content=False)
        plans.update_plan(plan, role_model="«успевающий – неуспевающий»" if pairing.id % 2 else None,
                          planned_results="Запрос наставляемого решён: " + (pairing.mentees[0].main_request or "")
                          if pairing.mentees else None)
    _mentor_account(context, pairings)
    db.session.commit()


def _mentor_account(context, pairings):
    """A teacher mentoring a new teacher: his own account, the mentor's role, linked to his card."""
    teacher = next((p for p in pairings if p.mentorship_form.code == "teacher_teacher"), None)
    if teacher is None or accounts.find_user_by_email(MENTOR_EMAIL) is not None:
        return
    person = teacher.mentor.person
    user, _ = accounts.create_user(email=MENTOR_EMAIL, last_name=person.last_name, first_name=person.first_name,
                                   middle_name=person.middle_name, position="преподаватель, наставник",
                                   roles=[Role.MENTOR], password=context.password)
    accounts.link_person(user, person)
    context.users["mentor"] = user
