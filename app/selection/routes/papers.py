"""The papers of a closed meeting: the protocol, the registry order, the curator's appointment — issued by the
secretary, printed (DOCX or PDF) by those who run and follow the selection."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.applications.models import Nomination
from app.core.actions import perform
from app.core.formatting import local_today
from app.core.permissions import get_for_user_or_403, role_required
from app.core.roles import Role
from app.documents.downloads import send_version
from app.selection import bp, registry
from app.selection.models import Commission, CommissionMeeting
from app.selection.routes.candidates import agenda_item
from app.selection.routes.commission import VIEWERS
from forms.selection import CuratorOrderForm, registry_form_class


@bp.route("/selection/meetings/<int:meeting_id>/papers/<int:document_id>.<any(docx, pdf):fmt>")
@role_required(*VIEWERS)
def meeting_paper(meeting_id, document_id, fmt):
    """One click: the current version of one of the meeting's papers, as DOCX or PDF."""
    meeting = get_for_user_or_403(CommissionMeeting, meeting_id, current_user)
    document = next((paper for paper in meeting.papers if paper.id == document_id), None) or abort(404)
    return _send_paper(document, fmt, url_for("selection.meeting_view", meeting_id=meeting_id))


@bp.route("/selection/commissions/<int:commission_id>/order.<any(docx, pdf):fmt>")
@role_required(*VIEWERS)
def commission_order(commission_id, fmt):
    """The director's order that set a composition (the current or an earlier one), for whoever sees the commission."""
    composition = get_for_user_or_403(Commission, commission_id, current_user)
    return _send_paper(composition.order_document, fmt,
                       url_for("selection.commission_view", year=composition.program_year_id))


def _send_paper(document, fmt, back_url):
    return send_version(document.current_version, fmt, back_url=back_url,
                        pdf_missing_hint="Скачайте документ в формате DOCX.")


@bp.route("/selection/meetings/<int:meeting_id>/registry", methods=["GET", "POST"])
@role_required(Role.SECRETARY)
def meeting_registry(meeting_id):
    """The order approving the registry of mentors from the protocol (4.13, Приложение 4)."""
    meeting = get_for_user_or_403(CommissionMeeting, meeting_id, current_user, "manage")
    if not registry.registry_pending(meeting):
        flash("Приказ об утверждении реестра по этому заседанию издавать не нужно: его нет в протоколе или он уже "
              "выпущен.", "info")
        return redirect(url_for("selection.meeting_view", meeting_id=meeting_id))
    selected = registry.selected_mentors(meeting)
    in_base = registry.mentor_rows(meeting)
    newcomers = [item for item in selected if item.id not in in_base]
    form = registry_form_class(newcomers)()
    if request.method == "GET":
        form.order_date.data = form.entry_date.data = max(local_today(), meeting.meeting_date)
    if form.validate_on_submit():
        competencies = {item.id: form[f"competencies_{item.id}"].data for item in newcomers}
        order = perform(lambda: registry.approve_registry(
            meeting, order_date=form.order_date.data, entry_date=form.entry_date.data, competencies=competencies,
            actor=current_user._get_current_object()),
            lambda order: f"{order.label} выпущен: отобранные кандидаты включены в реестр наставников.", form)
        if order is not None:
            return redirect(url_for("selection.meeting_view", meeting_id=meeting_id))
    return render_template("selection/registry_form.html", meeting=meeting, form=form, selected=selected,
                           in_base=in_base, newcomers=newcomers)


@bp.route("/selection/meetings/<int:meeting_id>/candidates/<int:item_id>/curator-order", methods=["POST"])
@role_required(Role.SECRETARY)
def curator_order(meeting_id, item_id):
    """The curator's appointment order for a selected curator candidacy (Приложение 1, last paragraph)."""
    item = agenda_item(meeting_id, item_id, "manage")
    form = CuratorOrderForm()
    if form.validate_on_submit():
        perform(lambda: registry.appoint_curator(item, order_date=form.order_date.data,
                                                 actor=current_user._get_current_object()),
                lambda order: f"{order.label} выпущен.")
    else:
        flash("Укажите дату приказа.", "danger")
    return redirect(url_for("selection.meeting_view", meeting_id=meeting_id))


@bp.route("/selection/nominations/<int:nomination_id>/registry", methods=["GET", "POST"])
@role_required(Role.SECRETARY)
def nomination_registry(nomination_id):
    """The order approving the registry with the mentors put forward by a nomination, without the commission (4.13)."""
    nomination = get_for_user_or_403(Nomination, nomination_id, current_user)
    back = url_for("applications.nomination_view", nomination_id=nomination_id)
    refusal = registry.nomination_ready(nomination)
    if refusal:
        flash(refusal, "warning")
        return redirect(back)
    mentors = registry.nominated_mentors(nomination)
    newcomers = [candidate for candidate, row in mentors if row is None]
    form = registry_form_class(newcomers)()
    if request.method == "GET":
        form.order_date.data = form.entry_date.data = max(local_today(), nomination.order_document.doc_date)
    if form.validate_on_submit():
        competencies = {candidate.id: form[f"competencies_{candidate.id}"].data for candidate in newcomers}
        order = perform(lambda: registry.approve_nominated(
            nomination, order_date=form.order_date.data, entry_date=form.entry_date.data, competencies=competencies,
            actor=current_user._get_current_object()),
            lambda order: f"{order.label} выпущен: выдвинутые наставники включены в реестр наставников.", form)
        if order is not None:
            return redirect(back)
    return render_template("selection/nomination_registry_form.html", nomination=nomination, form=form,
                           mentors=mentors, newcomers=newcomers)


@bp.route("/selection/nominations/<int:nomination_id>/curator-order", methods=["POST"])
@role_required(Role.SECRETARY)
def nomination_curator_order(nomination_id):
    """The curator's appointment order for the nomination's curator candidacy (4.13), without the commission."""
    nomination = get_for_user_or_403(Nomination, nomination_id, current_user)
    form = CuratorOrderForm()
    if form.validate_on_submit():
        perform(lambda: registry.appoint_nominated_curator(nomination, order_date=form.order_date.data,
                                                           actor=current_user._get_current_object()),
                lambda order: f"{order.label} выпущен.", once=form)
    else:
        flash("Укажите дату приказа.", "danger")
    return redirect(url_for("applications.nomination_view", nomination_id=nomination_id))
