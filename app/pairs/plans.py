"""Typical plans of the forms (4.1) and the pairs' individual plans (4.7, 4.14, 6.1, 7.1): who may work on them and
the rules of their items."""
from datetime import timedelta

from sqlalchemy import delete, select

from app.audit import services as audit
from app.core import idempotency
from app.core.errors import RuleError
from app.core.formatting import local_today, ru_date
from app.core.roles import Role
from app.documents.links import PaperState
from app.documents.prefill import Subject
from app.documents.services import issue_document
from app.extensions import db
from app.pairs.models import MANAGE_ROLES
from app.pairs.plan_models import IndividualPlan, PlanItem, PlanItemStatus, TypicalPlanItem


def is_own_pairing(user, pairing):
    """The mentor himself: an account holding the mentor's role, linked to the pairing's mentor's card."""
    return (user.is_authenticated and user.has_role(Role.MENTOR) and user.person_id is not None
            and user.person_id == pairing.mentor.person_id)


def can_work(user, pairing):
    """Who updates a pairing's plan and logs its meetings: those who keep the bases, and its mentor (6.1)."""
    return user.is_authenticated and (user.has_any_role(*MANAGE_ROLES) or is_own_pairing(user, pairing))


def can_see(user, pairing):
    """The pairing's readers and its mentor (his account linked to his card); no other mentor."""
    return pairing.can(user, "view")


# Typical plans --------------------------------------------------------------------------------------------

#: The only pair-level items the regulation gives: the pair's meetings of the roadmap (Приложение 14), in its words.
#: Migration 0070 seeds the three standard forms with them (its own copy); the demo and new forms start from these.
#: The regulation gives no form-specific tasks: the curator adds them on the «Типовые планы» page.
ROADMAP_ITEMS = (
    {"task": "Проведение первой, организационной, встречи наставника и наставляемого",
     "expected_result": "Наставник и наставляемый знакомы; согласованы формат, место и график встреч",
     "responsible": "наставник", "weeks_from_start": 1},
    {"task": "Проведение второй, пробной рабочей, встречи наставника и наставляемого",
     "expected_result": "Проведена пробная работа; выявлены потребности наставляемого в развитии",
     "responsible": "наставник", "weeks_from_start": 2},
    {"task": "Проведение встречи-планирования рабочего процесса в рамках программы наставничества с наставником и "
             "наставляемым",
     "expected_result": "Составлен индивидуальный план: мероприятия, сроки и планируемые результаты",
     "responsible": "наставник", "weeks_from_start": 3},
    {"task": "Регулярные встречи наставника и наставляемого",
     "expected_result": "Мероприятия плана выполняются; наставник контролирует выполнение и при необходимости "
                        "корректирует план",
     "responsible": "наставник, наставляемый", "weeks_from_start": None},
    {"task": "Проведение заключительной встречи наставника и наставляемого",
     "expected_result": "Подведены итоги; наставник оценил фактический результат, наставляемый отчитался о "
                        "выполнении плана",
     "responsible": "наставник, наставляемый", "weeks_from_start": None},
)


def ensure_typical_plans(forms):
    """Give each form without a typical plan the roadmap's items (the demo, tests, a database made without the
    migrations)."""
    for form in forms:
        if not typical_items(form):
            save_typical_plan(form, [dict(item) for item in ROADMAP_ITEMS])

def typical_items(form):
    return db.session.scalars(select(TypicalPlanItem).where(TypicalPlanItem.mentorship_form_id == form.id)
                              .order_by(TypicalPlanItem.position, TypicalPlanItem.id)).all()


def save_typical_plan(form, rows, *, actor=None):
    """Replace the form's typical plan with ``rows`` (dicts: task, expected_result, responsible, weeks_from_start);
    rows without a task are left out. Plans already made from it stay as the pairs made them (4.1: the typical plan
    is where a pair starts)."""
    rows = [row for row in rows if (row.get("task") or "").strip()]
    for number, row in enumerate(rows, start=1):
        weeks = row.get("weeks_from_start")
        if weeks is not None and not 0 <= weeks <= 52:
            raise RuleError(f"Строка {number}: срок в неделях от начала — от 0 до 52: наставничество длится не более "
                            "одного календарного года.", section="4.7")
    db.session.execute(delete(TypicalPlanItem).where(TypicalPlanItem.mentorship_form_id == form.id))
    for position, row in enumerate(rows, start=1):
        db.session.add(TypicalPlanItem(
            mentorship_form_id=form.id, position=position, task=row["task"].strip(),
            expected_result=(row.get("expected_result") or "").strip() or None,
            responsible=(row.get("responsible") or "").strip() or None, weeks_from_start=row.get("weeks_from_start")))
    audit.record("typical_plan_saved", actor=actor, target=("mentorship_form", form.id),
                 details={"form": form.name, "items": len(rows)})
    db.session.flush()


# Individual plans -----------------------------------------------------------------------------------------

def start_plan(pairing, *, actor=None):
    """4.1: the pair's plan starts from the typical plan of its form; the deadlines count from the pair's start."""
    pairing.program_year.ensure_open("Индивидуальные планы")
    idempotency.serialize("individual_plan", pairing.id)
    if db.session.scalar(select(IndividualPlan.id).where(IndividualPlan.pairing_id == pairing.id)):
        raise RuleError("Индивидуальный план этой пары уже составлен: измените его мероприятия.", section="4.1")
    typical_plan = typical_items(pairing.mentorship_form)
    plan = IndividualPlan(pairing=pairing)
    db.session.add(plan)
    for typical in typical_plan:
        deadline = None
        if typical.weeks_from_start is not None:
            deadline = min(pairing.starts_on + timedelta(weeks=typical.weeks_from_start), pairing.planned_end_on)
        plan.items.append(PlanItem(position=typical.position, task=typical.task,
                                   expected_result=typical.expected_result, responsible=typical.responsible,
                                   deadline=deadline))
    db.session.flush()
    audit.record("plan_started", actor=actor, target=plan,
                 details={"pairing": pairing.title, "items": len(plan.items)})
    return plan


def update_plan(plan, *, role_model, planned_results, actor=None):
    plan.pairing.program_year.ensure_open("Индивидуальные планы")
    plan.role_model, plan.planned_results = (role_model or "").strip() or None, (planned_results or "").strip() or None
    audit.record("plan_updated", actor=actor, target=plan, details={"pairing": plan.pairing.title})
    db.session.flush()
    return plan


def check_deadline(pairing, deadline):
    """4.7: the plan's deadlines fall within the pair's period (an extension order moves its end)."""
    if deadline is None:
        return
    if deadline < pairing.starts_on or deadline > pairing.end_on:
        raise RuleError(f"Срок мероприятия должен быть в пределах срока наставничества пары: с "
                        f"{ru_date(pairing.starts_on)} по {ru_date(pairing.end_on)}. Продлить срок можно только "
                        "приказом о продлении.", section="4.7", field="deadline")


def check_mark(status, mentor_mark):
    """6.1: the mentor evaluates the actual result — an item is done or not done only with his mark."""
    if status.finished and not (mentor_mark or "").strip():
        raise RuleError(f"Чтобы отметить мероприятие как «{status.label}», впишите отметку наставника о фактическом "
                        "результате.", section="6.1", field="mentor_mark")


def add_item(plan, *, task, expected_result=None, deadline=None, responsible=None, actor=None):
    plan.pairing.program_year.ensure_open("Индивидуальные планы")
    check_deadline(plan.pairing, deadline)
    item = PlanItem(task=task.strip(), expected_result=(expected_result or "").strip() or None, deadline=deadline,
                    responsible=(responsible or "").strip() or None,
                    position=max((i.position for i in plan.items), default=0) + 1)
    plan.items.append(item)
    db.session.flush()
    audit.record("plan_item_added", actor=actor, target=plan, details={"task": item.task})
    return item


def update_item(item, *, status, mentor_mark=None, mentee_report=None, task=None, expected_result=None,
                deadline=None, responsible=None, content=True, actor=None):
    """The mentor's marks and the mentee's report (``content=False``: the item's wording stays as it is)."""
    pairing = item.plan.pairing
    pairing.program_year.ensure_open("Индивидуальные планы")
    status = PlanItemStatus(status)
    check_mark(status, mentor_mark)
    before = item.status
    if content:
        if not (task or "").strip():
            raise RuleError("Впишите мероприятие (задачу).", field="task")
        check_deadline(pairing, deadline)
        item.task, item.expected_result = task.strip(), (expected_result or "").strip() or None
        item.deadline, item.responsible = deadline, (responsible or "").strip() or None
    item.status = status
    item.mentor_mark = (mentor_mark or "").strip() or None
    item.mentee_report = (mentee_report or "").strip() or None
    audit.record("plan_item_updated", actor=actor, target=item.plan,
                 details={"task": item.task, "plan_item_status": status.value,
                          **({"before": before.label} if before != status else {})})
    db.session.flush()
    return item


def delete_item(item, *, actor=None):
    plan = item.plan
    plan.pairing.program_year.ensure_open("Индивидуальные планы")
    if item.status.finished:
        raise RuleError("Мероприятие с отметкой наставника о результате не удаляется: оно — часть истории плана.",
                        section="6.1")
    audit.record("plan_item_deleted", actor=actor, target=plan, details={"task": item.task})
    plan.items.remove(item)
    db.session.flush()


def plan_summary(pairing):
    """What the order of 4.14 prints of a pair's plan: made (with how many items), signed — or not made yet."""
    plan = pairing.plan
    if plan is None:
        return "не составлен"
    signed = ", подписан" if plan.printed_state == PaperState.SIGNED else ""
    return f"составлен (мероприятий: {len(plan.items)}){signed}"


def plan_values(plan):
    """What the printed plan says (the kind ``individual_plan``)."""
    pairing = plan.pairing
    return {
        "academic_year": pairing.program_year.title,
        "form": pairing.mentorship_form.name,
        "mentor": pairing.mentor.person,
        "mentees": [{"name": mentee.person.full_name} for mentee in pairing.mentees],
        "period_start": pairing.starts_on.isoformat(),
        "period_end": pairing.end_on.isoformat(),
        "role_model": plan.role_model or "",
        "planned_results": plan.planned_results or "",
        "items": [{"task": item.task, "expected_result": item.expected_result or "",
                   "deadline": item.deadline.isoformat() if item.deadline else "",
                   "responsible": item.responsible or "",
                   "status": item.status.label, "mentor_mark": item.mentor_mark or "",
                   "mentee_report": item.mentee_report or ""} for item in plan.items],
    }


def plan_subjects(plan):
    """The plan itself, its mentor and mentees: the printed plan is theirs."""
    pairing = plan.pairing
    subjects = [Subject("individual_plan", plan.id, "plan", plan.label[:200]),
                Subject("person", pairing.mentor.person_id, "mentor", pairing.mentor.person.short_name)]
    subjects += [Subject("person", mentee.person_id, "mentee", mentee.person.short_name) for mentee in pairing.mentees]
    return subjects


def print_plan(plan, user, *, on=None):
    """Issue the plan as it stands (a paper without a register number), for the mentor and the mentee(s) to sign."""
    if not plan.items:
        raise RuleError("В плане нет мероприятий: добавьте их перед печатью.", section="4.1")
    values = {**plan_values(plan), "doc_date": (on or local_today()).isoformat()}
    document = issue_document("individual_plan", values, user, subjects=plan_subjects(plan))
    audit.record("plan_printed", actor=user, target=plan, details={"pairing": plan.pairing.title})
    return document
