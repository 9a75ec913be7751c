"""The log of meetings: a pairing's meetings (its mentor logs them too), the group meetings of all pairs and groups,
the year's log."""
from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from app.core.actions import perform
from app.core.formatting import local_today, ru_date
from app.core.pagination import paginate
from app.core.permissions import get_for_user_or_403, role_required
from app.extensions import db
from app.pairs import bp, meetings
from app.pairs.models import MANAGE_ROLES, READ_ROLES, Pairing
from app.pairs.plan_models import Meeting, MeetingKind
from app.pairs.plan_queries import MeetingFilters, meeting_query, mentor_pairings
from app.pairs.plan_routes import SEE_ROLES, confirmed, pairing_to_see
from app.pairs.plans import can_work
from app.programs.models import ProgramYear
from app.programs.services import current_year, years_newest_first
from forms.base import ConfirmForm, choices
from forms.pairs import MeetingForm


def _log(form, pairings):
    attendee_ids = {int(value) for value in form.attendees.data or [] if str(value).isdigit()}
    return perform(lambda: meetings.log_meeting(
        kind=form.kind.data, pairings=pairings, held_on=form.held_on.data, topic=form.topic.data,
        attendee_ids=attendee_ids, format=form.format.data, outcome=form.outcome.data,
        curator_attended=form.curator_attended.data, actor=current_user),
        lambda meeting: f"Встреча {ru_date(meeting.held_on)} записана.", form)


@bp.route("/<int:pairing_id>/meetings", methods=["GET", "POST"])
@role_required(*SEE_ROLES)
def pairing_meetings(pairing_id):
    """A pairing's meetings, and the form its mentor (or the curator) logs a meeting with."""
    pairing = pairing_to_see(pairing_id)
    form = None
    if meetings_open(pairing):
        form = MeetingForm()
        form.kind.choices = choices((k.value, k.label) for k in MeetingKind if not k.is_group)
        form.attendees.choices = choices((p.id, p.full_name) for p in meetings.participants([pairing]))
        if request.method == "GET":
            form.held_on.data = min(local_today(), pairing.end_on)
            form.attendees.data = [str(p.id) for p in meetings.participants([pairing])]
            held = {meeting.kind for meeting in pairing.meetings}
            form.kind.data = next((k.value for k in MeetingKind if not k.is_group and k not in held),
                                  MeetingKind.REGULAR.value)
        if form.validate_on_submit() and _log(form, [pairing]):
            return redirect(url_for("pairs.pairing_meetings", pairing_id=pairing.id))
    return render_template("pairs/pairing_meetings.html", pairing=pairing, form=form,
                           meetings=sorted(pairing.meetings, key=lambda m: (m.held_on, m.id), reverse=True))


def meetings_open(pairing):
    """Whether the user logs this pairing's meetings: the curator or its own mentor, while its year is open."""
    return can_work(current_user, pairing) and pairing.program_year.is_open


@bp.route("/meetings/")
@role_required(*SEE_ROLES)
def meeting_list():
    """The year's log of meetings; a mentor sees those of his own pairings only."""
    filters = MeetingFilters.from_args(request.args, current_year())
    own = None
    if not current_user.has_any_role(*READ_ROLES):
        own = [pairing.id for pairing in mentor_pairings(current_user.person)] if current_user.person_id else []
    return render_template("pairs/meeting_list.html", page=paginate(meeting_query(filters, own)), filters=filters,
                           year_options=[(y.id, y.title) for y in years_newest_first()],
                           kind_options=[(k.value, k.label) for k in MeetingKind],
                           can_log_group=current_user.has_any_role(*MANAGE_ROLES))


@bp.route("/meetings/new", methods=["GET", "POST"])
@role_required(*MANAGE_ROLES)
def meeting_new_group():
    """A group meeting of mentors and mentees (stage 5, the final one of stage 7), recorded once for all."""
    chosen = request.args.get("year", type=int)
    year = db.session.get(ProgramYear, chosen) if chosen else current_year()
    if year is None:
        abort(404)
    pairings = db.session.scalars(select(Pairing).where(Pairing.program_year_id == year.id)
                                  .order_by(Pairing.starts_on, Pairing.id)).all()
    form = MeetingForm()
    form.kind.choices = choices((k.value, k.label) for k in MeetingKind if k.is_group)
    form.pairings.choices = choices((p.id, p.title) for p in pairings)
    form.attendees.choices = choices((p.id, p.full_name) for p in meetings.participants(pairings))
    if request.method == "GET":
        form.held_on.data = min(local_today(), year.end_date)
        form.curator_attended.data = True
    if form.validate_on_submit():
        ids = {int(value) for value in form.pairings.data or [] if str(value).isdigit()}
        if _log(form, [p for p in pairings if p.id in ids]):
            return redirect(url_for("pairs.meeting_list", year=year.id))
    return render_template("pairs/meeting_group_form.html", form=form, year=year,
                           years=years_newest_first())


@bp.route("/meetings/<int:pair_meeting_id>")
@role_required(*SEE_ROLES)
def meeting_view(pair_meeting_id):
    meeting = get_for_user_or_403(Meeting, pair_meeting_id, current_user)
    return render_template("pairs/meeting_view.html", meeting=meeting, confirm=ConfirmForm(),
                           deleter=current_user.has_any_role(*MANAGE_ROLES) and meeting.program_year.is_open)


@bp.route("/meetings/<int:pair_meeting_id>/delete", methods=["POST"])
@role_required(*MANAGE_ROLES)
def meeting_delete(pair_meeting_id):
    meeting = get_for_user_or_403(Meeting, pair_meeting_id, current_user, "manage")
    confirmed(lambda: meetings.delete_meeting(meeting, actor=current_user), "Запись о встрече удалена.")
    return redirect(url_for("pairs.meeting_list"))
