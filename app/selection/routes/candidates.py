"""A meeting's candidates: the agenda the secretary sets, each candidate's file, a member's review and vote."""
from flask import abort, redirect, render_template, url_for
from flask_login import current_user

from app.applications.attachments import record_file_download
from app.core.actions import perform
from app.core.downloads import send_stored
from app.core.permissions import get_for_user_or_403, role_required
from app.core.roles import Role
from app.documents.scans import record_scan_download
from app.extensions import db
from app.selection import agenda, bp, reviews
from app.selection.candidate_file import candidate_file
from app.selection.models import CommissionMeeting, MeetingCandidate
from app.selection.routes.commission import VIEWERS
from forms.base import choices
from forms.selection import AgendaForm, review_form_class


@bp.route("/selection/meetings/<int:meeting_id>/agenda", methods=["GET", "POST"])
@role_required(Role.SECRETARY)
def meeting_agenda(meeting_id):
    """The year's applications waiting for the commission; those with every paper signed may be put on the agenda."""
    meeting = get_for_user_or_403(CommissionMeeting, meeting_id, current_user, "manage")
    waiting = agenda.waiting_applications(meeting.commission.program_year)
    form = AgendaForm()
    form.applications.choices = choices((application.id, application.person.full_name) for application, _ in waiting)
    if meeting.is_open and form.validate_on_submit():
        chosen = [application for application, _ in waiting if str(application.id) in form.applications.data]
        if perform(lambda: agenda.add_to_agenda(meeting, chosen, actor=current_user._get_current_object()),
                   lambda added: f"В повестку включено кандидатов: {len(added)}. Их заявления на рассмотрении "
                                 "комиссии.", form):
            return redirect(url_for("selection.meeting_view", meeting_id=meeting.id))
    return render_template("selection/agenda.html", meeting=meeting, waiting=waiting, form=form)


@bp.route("/selection/meetings/<int:meeting_id>/candidates/<int:item_id>/remove", methods=["POST"])
@role_required(Role.SECRETARY)
def candidate_remove(meeting_id, item_id):
    item = agenda_item(meeting_id, item_id, "manage")
    perform(lambda: agenda.remove_from_agenda(item, actor=current_user._get_current_object()),
            "Кандидат снят с заседания: его заявление снова ждёт комиссии.")
    return redirect(url_for("selection.meeting_view", meeting_id=meeting_id))


@bp.route("/selection/meetings/<int:meeting_id>/candidates/<int:item_id>")
@role_required(*VIEWERS)
def candidate_view(meeting_id, item_id):
    item = agenda_item(meeting_id, item_id)
    criteria = reviews.criteria_of(item)
    return _candidate_page(item, _review_form(item, criteria), criteria)


@bp.route("/selection/meetings/<int:meeting_id>/candidates/<int:item_id>/review", methods=["POST"])
@role_required(Role.COMMISSION, Role.DIRECTOR)
def candidate_review(meeting_id, item_id):
    """A member's scores, comment and vote; a refusal keeps what he entered."""
    item = agenda_item(meeting_id, item_id, "review")
    criteria = reviews.criteria_of(item)
    form = review_form_class(criteria)()
    if form.validate_on_submit():
        review_id = int(form.review_id.data) if (form.review_id.data or "").isdigit() else None
        saved = perform(lambda: reviews.save_review(
            item, current_user._get_current_object(), scores={c.id: form[f"score_{c.id}"].data for c in criteria},
            vote=form.vote.data, comment=form.comment.data, review_id=review_id),
            f"Оценка и голос по кандидату {item.person.short_name} сохранены.", form)
        if saved:
            return redirect(url_for("selection.candidate_view", meeting_id=meeting_id, item_id=item_id))
        # The refusal rolled the session back: read the candidate and his criteria afresh.
        item = agenda_item(meeting_id, item_id, "review")
        criteria = reviews.criteria_of(item)
    return _candidate_page(item, form, criteria)


@bp.route("/selection/meetings/<int:meeting_id>/candidates/<int:item_id>/<any(files, scans):what>/<int:row_id>")
@role_required(*VIEWERS)
def candidate_paper_download(meeting_id, item_id, what, row_id):
    """One of the candidate's files (portfolio, papers of agreement 2.2) or signed scans, for those who decide on
    him; each download audited (personal data)."""
    file = candidate_file(agenda_item(meeting_id, item_id))
    row = (file.file(row_id) if what == "files" else file.scan(row_id)) or abort(404)
    (record_file_download if what == "files" else record_scan_download)(row, current_user._get_current_object())
    db.session.commit()
    return send_stored(row)


def agenda_item(meeting_id, item_id, action="view"):
    """The agenda item the address names, if the user may ``action`` it; 404 when it is another meeting's."""
    item = get_for_user_or_403(MeetingCandidate, item_id, current_user, action)
    if item.meeting_id != meeting_id:
        abort(404)
    return item


def _review_form(item, criteria):
    """The member's own review as the form starts (empty before his first vote)."""
    form = review_form_class(criteria)()
    member = item.meeting.commission.member_for(current_user)
    review = item.review_by(member)
    if review is not None:
        for row in review.scores:
            if f"score_{row.criterion_id}" in form:
                form[f"score_{row.criterion_id}"].data = str(row.score)
        form.vote.data, form.comment.data, form.review_id.data = review.vote.value, review.comment, str(review.id)
    return form


def _candidate_page(item, form, criteria):
    user = current_user._get_current_object()
    member = item.meeting.commission.member_for(user)
    return render_template(
        "selection/candidate.html", item=item, meeting=item.meeting, file=candidate_file(item),
        criteria=criteria, form=form, own=item.review_by(member),
        blocker=reviews.review_blocker(item, user), votes_visible=reviews.votes_visible(item, user),
        tally=reviews.tally(item), counted=reviews.counted_reviews(item), scale=reviews.SCALE,
        can_manage=item.meeting.can(user, "manage"))
