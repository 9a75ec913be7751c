"""The commission's pages: its composition by order and history, its meetings with the members present."""
from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user

from app.core.actions import perform
from app.core.formatting import local_today
from app.core.permissions import get_for_user_or_403, role_required
from app.core.roles import Role
from app.extensions import db
from app.programs.models import ProgramYear
from app.programs.services import current_year, years_newest_first
from app.selection import agenda, bp, registry, reviews
from app.selection import commission as service
from app.selection.models import Commission, CommissionMeeting, CommissionRole
from forms.base import choices
from forms.selection import NOT_A_MEMBER, AttendanceForm, CuratorOrderForm, MeetingForm, commission_form_class

VIEWERS = (Role.SECRETARY, Role.DIRECTOR, Role.CURATOR, Role.COMMISSION)


def year_from_args():
    year_id = request.args.get("year", type=int)
    year = db.session.get(ProgramYear, year_id) if year_id else current_year()
    return year


@bp.route("/selection/commission")
@role_required(*VIEWERS)
def commission_view():
    year = year_from_args()
    history = service.compositions(year) if year else []
    current = next((c for c in history if c.is_current), None)
    if current is not None and not current.can(current_user):
        abort(403)
    return render_template("selection/commission.html", year=year, years=years_newest_first(), current=current,
                           history=history)


@bp.route("/selection/commission/new", methods=["GET", "POST"])
@role_required(Role.SECRETARY)
def commission_new():
    year = year_from_args() or abort(404)
    users = service.eligible_users()
    form = commission_form_class(users)()
    current = service.current_commission(year)
    if request.method == "GET":
        form.order_date.data = local_today()
        for member in current.members if current else []:
            getattr(form, f"member_{member.user_id}").data = member.role.value
    if form.validate_on_submit():
        chosen = [(user, CommissionRole(form[f"member_{user.id}"].data)) for user in users
                  if form[f"member_{user.id}"].data not in (None, NOT_A_MEMBER)]
        commission = perform(lambda: service.form_commission(
            year, chosen, order_date=form.order_date.data, selection_deadline=form.selection_deadline.data,
            actor=current_user._get_current_object()),
            lambda c: f"Состав комиссии утверждён приказом {c.order_document.reference}.", form)
        if commission is not None:
            return redirect(url_for("selection.commission_view", year=year.id))
    return render_template("selection/commission_form.html", form=form, year=year, users=users, current=current)


@bp.route("/selection/commission/<int:commission_id>/meetings/new", methods=["GET", "POST"])
@role_required(Role.SECRETARY)
def meeting_new(commission_id):
    commission = get_for_user_or_403(Commission, commission_id, current_user, "manage")
    form = MeetingForm()
    form.present.choices = _member_choices(commission)
    if request.method == "GET":
        form.meeting_date.data = local_today()
        form.present.data = [str(member.user_id) for member in commission.members]
    if form.validate_on_submit():
        meeting = perform(lambda: service.open_meeting(
            commission, meeting_date=form.meeting_date.data, present_users=_chosen_users(commission, form),
            actor=current_user._get_current_object()), "Заседание открыто.", form)
        if meeting is not None:
            return redirect(url_for("selection.meeting_view", meeting_id=meeting.id))
    return render_template("selection/meeting_form.html", form=form, commission=commission)


@bp.route("/selection/meetings/<int:meeting_id>")
@role_required(*VIEWERS)
def meeting_view(meeting_id):
    meeting = get_for_user_or_403(CommissionMeeting, meeting_id, current_user)
    attendance = AttendanceForm(present=[str(member.user_id) for member in meeting.present])
    attendance.present.choices = _member_choices(meeting.commission)
    member = meeting.commission.member_for(current_user)
    active = {item.id for item in agenda.active_candidates(meeting)}
    rows = [(item, item.id in active, reviews.tally(item), item.review_by(member)) for item in meeting.candidates]
    return render_template("selection/meeting.html", meeting=meeting, attendance=attendance, rows=rows,
                           can_manage=meeting.can(current_user, "manage"),
                           registry_pending=registry.registry_pending(meeting),
                           curator_form=CuratorOrderForm(order_date=max(local_today(), meeting.meeting_date)))


@bp.route("/selection/meetings/<int:meeting_id>/attendance", methods=["POST"])
@role_required(Role.SECRETARY)
def meeting_attendance(meeting_id):
    meeting = get_for_user_or_403(CommissionMeeting, meeting_id, current_user, "manage")
    form = AttendanceForm()
    form.present.choices = _member_choices(meeting.commission)
    if form.validate_on_submit():
        perform(lambda: service.set_attendance(meeting, _chosen_users(meeting.commission, form),
                                               actor=current_user._get_current_object()),
                "Список присутствующих сохранён.")
    return redirect(url_for("selection.meeting_view", meeting_id=meeting_id))


@bp.route("/selection/meetings/<int:meeting_id>/close", methods=["POST"])
@role_required(Role.SECRETARY)
def meeting_close(meeting_id):
    meeting = get_for_user_or_403(CommissionMeeting, meeting_id, current_user, "manage")
    perform(lambda: service.close_meeting(meeting, actor=current_user._get_current_object()),
            lambda protocol: "Заседание закрыто: решения записаны в заявления кандидатов, выпущен протокол "
                             f"{protocol.reference}."
            if protocol is not None else "Заседание закрыто: кандидатов на нём не рассматривали, протокол не нужен.")
    return redirect(url_for("selection.meeting_view", meeting_id=meeting_id))


def _member_choices(commission):
    return choices((member.user_id, f"{member.user.full_name} — {member.role.label}") for member in commission.members)


def _chosen_users(commission, form):
    ids = {int(value) for value in form.present.data or [] if str(value).isdigit()}
    return [member.user for member in commission.members if member.user_id in ids]
