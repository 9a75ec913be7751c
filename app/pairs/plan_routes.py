"""A mentor's own pairs; a pairing's individual plan (its items, the mentor's marks, the print and its scan); the
forms' typical plans."""
from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from app.core.actions import perform
from app.core.permissions import get_for_user_or_403, get_or_404, role_required
from app.core.roles import Role
from app.extensions import db
from app.pairs import bp, plans
from app.pairs.meetings import last_meeting
from app.pairs.models import MANAGE_ROLES, READ_ROLES, Pairing
from app.pairs.plan_models import PlanItem, TypicalPlanItem
from app.pairs.plan_queries import mentor_pairings
from app.programs.models import MentorshipForm
from app.programs.services import all_forms
from forms.base import ConfirmForm
from forms.pairs import PlanForm, PlanItemForm, TypicalPlanForm

#: The pairing's readers and its mentor (the object check keeps every mentor to his own pairings).
SEE_ROLES = (*READ_ROLES, Role.MENTOR)
WORK_ROLES = (*MANAGE_ROLES, Role.MENTOR)
#: Typical plans are the curator's (4.1: he develops the Program with its typical plans).
TYPICAL_EDITORS = (Role.CURATOR,)


def pairing_to_see(pairing_id):
    return get_for_user_or_403(Pairing, pairing_id, current_user)


def pairing_to_work(pairing_id):
    """The pairing, if the user may update its plan and log its meetings (those who keep the bases, its mentor)."""
    pairing = get_or_404(Pairing, pairing_id)
    if not plans.can_work(current_user, pairing):
        abort(403)
    return pairing


def _plan_of(pairing):
    return pairing.plan or abort(404)


def _item_of(pairing, item_id):
    item = get_or_404(PlanItem, item_id)
    if item.plan.pairing_id != pairing.id:
        abort(404)
    return item


def confirmed(action, message):
    """A button's POST: done once (its one-time token) when the form is valid."""
    form = ConfirmForm()
    if form.validate_on_submit():
        perform(action, message, once=form)


def _to_plan(pairing):
    return redirect(url_for("pairs.plan_view", pairing_id=pairing.id))


# A mentor's own pairings -------------------------------------------------------------------------------

@bp.route("/mine")
@role_required(Role.MENTOR)
def my_pairings():
    """The mentor's pairings (his account linked to his card), every year, newest first."""
    pairings = mentor_pairings(current_user.person) if current_user.person_id else []
    return render_template("pairs/my_pairings.html", pairings=pairings, last_meeting=last_meeting)


# The individual plan -----------------------------------------------------------------------------------

@bp.route("/<int:pairing_id>/plan", methods=["GET", "POST"])
@role_required(*SEE_ROLES)
def plan_view(pairing_id):
    pairing = pairing_to_see(pairing_id)
    plan = pairing.plan
    worker = plans.can_work(current_user, pairing) and pairing.program_year.is_open
    form = PlanForm(obj=plan) if plan is not None and worker else None
    if form is not None and form.validate_on_submit() and perform(
            lambda: plans.update_plan(plan, role_model=form.role_model.data,
                                      planned_results=form.planned_results.data, actor=current_user),
            "План сохранён.", form):
        return _to_plan(pairing)
    return render_template("pairs/plan_view.html", pairing=pairing, plan=plan, form=form, worker=worker,
                           printer=pairing.can(current_user, "manage"), confirm=ConfirmForm(),
                           typical=plans.typical_items(pairing.mentorship_form) if plan is None else [])


@bp.route("/<int:pairing_id>/plan/start", methods=["POST"])
@role_required(*WORK_ROLES)
def plan_start(pairing_id):
    pairing = pairing_to_work(pairing_id)
    confirmed(lambda: plans.start_plan(pairing, actor=current_user),
              lambda plan: f"Индивидуальный план составлен из типового плана формы: мероприятий — {len(plan.items)}.")
    return _to_plan(pairing)


@bp.route("/<int:pairing_id>/plan/items/new", methods=["GET", "POST"])
@role_required(*WORK_ROLES)
def plan_item_new(pairing_id):
    pairing = pairing_to_work(pairing_id)
    plan = _plan_of(pairing)
    form = PlanItemForm()
    if form.validate_on_submit() and perform(
            lambda: plans.add_item(plan, task=form.task.data, expected_result=form.expected_result.data,
                                   deadline=form.deadline.data, responsible=form.responsible.data, actor=current_user),
            "Мероприятие добавлено в план.", form):
        return _to_plan(pairing)
    return render_template("pairs/plan_item_form.html", pairing=pairing, form=form, item=None)


@bp.route("/<int:pairing_id>/plan/items/<int:plan_item_id>", methods=["GET", "POST"])
@role_required(*WORK_ROLES)
def plan_item_edit(pairing_id, plan_item_id):
    pairing = pairing_to_work(pairing_id)
    item = _item_of(pairing, plan_item_id)
    form = PlanItemForm(obj=item)
    if request.method == "GET":
        form.status.data = item.status.value
    if form.validate_on_submit() and perform(lambda: plans.update_item(
            item, status=form.status.data, mentor_mark=form.mentor_mark.data,
            mentee_report=form.mentee_report.data, task=form.task.data,
            expected_result=form.expected_result.data, deadline=form.deadline.data,
            responsible=form.responsible.data, actor=current_user),
            "Мероприятие сохранено.", form):
        return _to_plan(pairing)
    return render_template("pairs/plan_item_form.html", pairing=pairing, form=form, item=item,
                           confirm=ConfirmForm())


@bp.route("/<int:pairing_id>/plan/items/<int:plan_item_id>/delete", methods=["POST"])
@role_required(*WORK_ROLES)
def plan_item_delete(pairing_id, plan_item_id):
    pairing = pairing_to_work(pairing_id)
    item = _item_of(pairing, plan_item_id)
    confirmed(lambda: plans.delete_item(item, actor=current_user), "Мероприятие удалено из плана.")
    return _to_plan(pairing)


@bp.route("/<int:pairing_id>/plan/print", methods=["POST"])
@role_required(*MANAGE_ROLES)
def plan_print(pairing_id):
    """Issue the plan as it stands, for the mentor and the mentee(s) to sign; its scan is filed on this page."""
    pairing = get_for_user_or_403(Pairing, pairing_id, current_user, "manage")
    plan = _plan_of(pairing)
    confirmed(lambda: plans.print_plan(plan, current_user),
              "План распечатан: скачайте его, дайте подписать наставнику и наставляемому и загрузите скан.")
    return _to_plan(pairing)


# Typical plans ---------------------------------------------------------------------------------------

@bp.route("/typical-plans/")
@role_required(*MANAGE_ROLES)
def typical_plan_list():
    forms = all_forms()
    counts = dict(db.session.execute(
        select(TypicalPlanItem.mentorship_form_id, db.func.count())
        .group_by(TypicalPlanItem.mentorship_form_id)).all())
    return render_template("pairs/typical_plan_list.html", forms=forms, counts=counts,
                           editor=current_user.has_any_role(*TYPICAL_EDITORS))


@bp.route("/typical-plans/<int:form_id>", methods=["GET", "POST"])
@role_required(*TYPICAL_EDITORS)
def typical_plan_edit(form_id):
    mentorship_form = get_or_404(MentorshipForm, form_id)
    form = TypicalPlanForm()
    if request.method == "GET":
        items = plans.typical_items(mentorship_form)
        form = TypicalPlanForm(data={"items": [
            {"task": i.task, "expected_result": i.expected_result, "responsible": i.responsible,
             "weeks_from_start": i.weeks_from_start} for i in items]})
        while len(form.items) < len(items) + 3:
            form.items.append_entry()
    if form.validate_on_submit():
        rows = [entry.form.data for entry in form.items]
        if perform(lambda: plans.save_typical_plan(mentorship_form, rows, actor=current_user),
                   f"Типовой план формы «{mentorship_form.name}» сохранён.", form):
            return redirect(url_for("pairs.typical_plan_list"))
    return render_template("pairs/typical_plan_edit.html", mentorship_form=mentorship_form, form=form)
