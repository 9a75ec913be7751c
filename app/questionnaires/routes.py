"""The questionnaires' pages: the list and the administrator's edits, the curator's dispatch and its links (printed
with QR codes), answers typed from paper, the results with their charts and tables, and the participant's own page
behind his personal link (no account)."""
import io

import segno
from flask import abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select

from app.bases.models import MenteeParticipation, MenteeStatus, MentorParticipation, MentorStatus
from app.core.actions import perform
from app.core.downloads import send_bytes
from app.core.errors import RuleError
from app.core.formatting import local_today
from app.core.pagination import paginate
from app.core.permissions import get_for_user_or_403, role_required
from app.excel.workbook import XLSX_CONTENT_TYPE
from app.extensions import db, limiter
from app.pairs.models import Pairing
from app.programs import services as programs
from app.programs.models import MentorshipForm, ProgramYear
from app.questionnaires import answering, bp, links, results, services
from app.questionnaires.access import EDIT_ROLES, LINK_ROLES, READ_ROLES, RESULT_ROLES, SEND_ROLES
from app.questionnaires.charts import bar_chart
from app.questionnaires.models import Dispatch, Invitation, Phase, Question, Questionnaire, Respondent, Response
from forms.base import ConfirmForm
from forms.questionnaires import QuestionForm, QuestionnaireForm, SendForm, answer_form


def _answer_rate():
    return current_app.config.get("QUESTIONNAIRE_RATE_LIMIT", "30 per minute")


# The list and the administrator's edits --------------------------------------------------------------------------

@bp.route("/questionnaires/")
@role_required(*READ_ROLES)
def questionnaire_list():
    questionnaires = services.questionnaires_for(active_only=False)
    sent = dict(db.session.execute(select(Dispatch.questionnaire_id, func.count(Invitation.id))
                                   .join(Invitation, Invitation.dispatch_id == Dispatch.id)
                                   .group_by(Dispatch.questionnaire_id)).all())
    answered = dict(db.session.execute(select(Dispatch.questionnaire_id, func.count(Response.id))
                                       .join(Invitation, Invitation.dispatch_id == Dispatch.id)
                                       .join(Response, Response.invitation_id == Invitation.id)
                                       .group_by(Dispatch.questionnaire_id)).all())
    return render_template("questionnaires/questionnaire_list.html", questionnaires=questionnaires, sent=sent,
                           answered=answered)


@bp.route("/questionnaires/new", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def questionnaire_new():
    form = QuestionnaireForm()
    form.set_form_choices(programs.all_forms())
    if form.validate_on_submit():
        chosen = db.session.get(MentorshipForm, int(form.form_id.data)) if form.form_id.data else None
        questionnaire = perform(lambda: services.create_questionnaire(
            title=form.title.data, respondent=form.respondent.data, mentorship_form=chosen,
            instruction=form.instruction.data, actor=current_user), "Анкета добавлена: добавьте в неё вопросы.", form)
        if questionnaire:
            return redirect(url_for("questionnaires.questionnaire_view", questionnaire_id=questionnaire.id))
    return render_template("questionnaires/questionnaire_form.html", form=form, questionnaire=None)


@bp.route("/questionnaires/<int:questionnaire_id>")
@role_required(*READ_ROLES)
def questionnaire_view(questionnaire_id):
    questionnaire = get_for_user_or_403(Questionnaire, questionnaire_id, current_user)
    version = questionnaire.current_version
    return render_template("questionnaires/questionnaire_view.html", questionnaire=questionnaire, version=version,
                           answered=services.has_answers(version), confirm=ConfirmForm())


@bp.route("/questionnaires/<int:questionnaire_id>/edit", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def questionnaire_edit(questionnaire_id):
    questionnaire = get_for_user_or_403(Questionnaire, questionnaire_id, current_user, "edit")
    form = QuestionnaireForm(obj=questionnaire)
    del form.respondent, form.form_id
    if request.method == "GET":
        form.instruction.data = questionnaire.current_version.instruction
    if form.validate_on_submit() and perform(lambda: services.update_questionnaire(
            questionnaire, title=form.title.data, active=form.active.data, instruction=form.instruction.data,
            actor=current_user), "Анкета сохранена.", form):
        return redirect(url_for("questionnaires.questionnaire_view", questionnaire_id=questionnaire.id))
    return render_template("questionnaires/questionnaire_form.html", form=form, questionnaire=questionnaire)


@bp.route("/questionnaires/<int:questionnaire_id>/questions/new", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def question_new(questionnaire_id):
    questionnaire, question, form = _question_form(questionnaire_id, None)
    if form.validate_on_submit() and perform(lambda: _save_question(questionnaire, question, form),
                                             _saved_message(questionnaire), form):
        return redirect(url_for("questionnaires.questionnaire_view", questionnaire_id=questionnaire.id))
    return _question_page(questionnaire, question, form)


@bp.route("/questionnaires/<int:questionnaire_id>/questions/<int:question_id>/edit", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def question_edit(questionnaire_id, question_id):
    questionnaire, question, form = _question_form(questionnaire_id, question_id)
    if form.validate_on_submit() and perform(lambda: _save_question(questionnaire, question, form),
                                             _saved_message(questionnaire), form):
        return redirect(url_for("questionnaires.questionnaire_view", questionnaire_id=questionnaire.id))
    return _question_page(questionnaire, question, form)


def _question_form(questionnaire_id, question_id):
    questionnaire = get_for_user_or_403(Questionnaire, questionnaire_id, current_user, "edit")
    question = _question(questionnaire, question_id) if question_id else None
    form = QuestionForm(obj=question)
    if question is not None:
        del form.position
    return questionnaire, question, form


def _save_question(questionnaire, question, form):
    return services.save_question(
        questionnaire, position=form.position.data if question is None else None, text=form.text.data,
        kind=form.kind.data, required=form.required.data, actor=current_user,
        question_id=question.id if question is not None else None)


def _question_page(questionnaire, question, form):
    return render_template("questionnaires/question_form.html", form=form, questionnaire=questionnaire,
                           question=question, answered=services.has_answers(questionnaire.current_version))


@bp.route("/questionnaires/<int:questionnaire_id>/questions/<int:question_id>/delete", methods=["POST"])
@role_required(*EDIT_ROLES)
def question_delete(questionnaire_id, question_id):
    questionnaire = get_for_user_or_403(Questionnaire, questionnaire_id, current_user, "edit")
    form = ConfirmForm()
    if form.validate_on_submit():
        perform(lambda: services.remove_question(questionnaire, question_id, current_user),
                _saved_message(questionnaire, "Вопрос удалён."), once=form)
    return redirect(url_for("questionnaires.questionnaire_view", questionnaire_id=questionnaire.id))


def _question(questionnaire, question_id):
    question = db.session.get(Question, question_id)
    if question is None or question.version.questionnaire_id != questionnaire.id:
        abort(404)
    return question


def _saved_message(questionnaire, done="Вопрос сохранён."):
    def message(_):
        version = questionnaire.current_version
        if version.number > 1 and not services.has_answers(version):
            return f"{done} Ответы на прежние версии остались при них; новые ссылки — на версию {version.number}."
        return done
    return message


# The curator's dispatch and its links -------------------------------------------------------------------------------

@bp.route("/questionnaires/<int:questionnaire_id>/send", methods=["GET", "POST"])
@role_required(*SEND_ROLES)
def dispatch_new(questionnaire_id):
    questionnaire = get_for_user_or_403(Questionnaire, questionnaire_id, current_user, "send")
    years = programs.years_newest_first()
    form = SendForm()
    form.year_id.choices = [(str(year.id), year.title) for year in years]
    year = db.session.get(ProgramYear, request.values.get("year_id", type=int) or 0) or programs.current_year() \
        or (years[0] if years else None)
    if request.method == "GET":
        form.year_id.data = str(year.id) if year else None
        form.phase.data = Phase.START.value
        form.target.data = "curator" if questionnaire.respondent == Respondent.CURATOR else "form"
        if questionnaire.mentorship_form_id:
            form.form_id.data = str(questionnaire.mentorship_form_id)
    _send_choices(form, questionnaire, year)
    if form.validate_on_submit() and year is not None:
        chosen_form = db.session.get(MentorshipForm, int(form.form_id.data)) if form.form_id.data else None
        pairing = db.session.get(Pairing, int(form.pairing_id.data)) if form.pairing_id.data else None
        sent = perform(lambda: links.send(
            questionnaire, year=year, phase=form.phase.data, target=form.target.data, expires_on=form.expires_on.data,
            actor=current_user, form=chosen_form, pairing=pairing,
            mentee_ids=[int(value) for value in form.mentee_ids.data or []],
            mentor_ids=[int(value) for value in form.mentor_ids.data or []]),
            lambda sent: sent.message(), form)
        if sent:
            return redirect(url_for("questionnaires.dispatch_view", dispatch_id=sent.dispatch.id))
    return render_template("questionnaires/dispatch_form.html", form=form, questionnaire=questionnaire, year=year)


def _send_choices(form, questionnaire, year):
    form.form_id.choices = [("", "—")] + [(str(f.id), f.name) for f in (year.forms if year else [])]
    pairings = db.session.scalars(select(Pairing).where(Pairing.program_year_id == (year.id if year else 0))
                                  .order_by(Pairing.id)).all() if year else []
    form.pairing_id.choices = [("", "—")] + [(str(p.id), f"{p.label} ({p.mentorship_form.name})") for p in pairings]
    form.mentee_ids.choices, form.mentor_ids.choices = [], []
    if year is None:
        return
    if questionnaire.respondent == Respondent.MENTEE:
        rows = db.session.scalars(select(MenteeParticipation).where(
            MenteeParticipation.program_year_id == year.id, MenteeParticipation.status != MenteeStatus.WITHDRAWN))
        form.mentee_ids.choices = [(str(row.id), _participant_label(row)) for row in
                                   sorted(rows, key=lambda r: r.person.full_name)]
    elif questionnaire.respondent == Respondent.MENTOR:
        rows = db.session.scalars(select(MentorParticipation).where(
            MentorParticipation.program_year_id == year.id,
            MentorParticipation.status.in_([MentorStatus.REGISTERED, MentorStatus.COMPLETED])))
        form.mentor_ids.choices = [(str(row.id), _participant_label(row)) for row in
                                   sorted(rows, key=lambda r: r.person.full_name)]


def _participant_label(row):
    form = row.mentorship_form.name if row.mentorship_form else "форма не выбрана"
    return f"{row.person.full_name} ({form})"


@bp.route("/questionnaires/dispatches/")
@role_required(*LINK_ROLES)
def dispatch_list():
    year_id = request.args.get("year_id", type=int)
    questionnaire_id = request.args.get("questionnaire_id", type=int)
    phase = request.args.get("phase") if request.args.get("phase") in set(Phase) else None
    query = select(Dispatch).order_by(Dispatch.created_at.desc(), Dispatch.id.desc())
    if year_id:
        query = query.where(Dispatch.program_year_id == year_id)
    if questionnaire_id:
        query = query.where(Dispatch.questionnaire_id == questionnaire_id)
    if phase:
        query = query.where(Dispatch.phase == phase)
    page = paginate(query)
    ids = [dispatch.id for dispatch in page.items]
    counts = {row[0]: row[1:] for row in db.session.execute(
        select(Invitation.dispatch_id, func.count(Invitation.id), func.count(Response.id))
        .outerjoin(Response, Response.invitation_id == Invitation.id)
        .where(Invitation.dispatch_id.in_(ids or [0])).group_by(Invitation.dispatch_id))}
    return render_template("questionnaires/dispatch_list.html", page=page, counts=counts,
                           years=programs.years_newest_first(), questionnaires=services.questionnaires_for(
                               active_only=False), year_id=year_id, questionnaire_id=questionnaire_id, phase=phase,
                           phases=list(Phase))


@bp.route("/questionnaires/dispatches/<int:dispatch_id>")
@role_required(*LINK_ROLES)
def dispatch_view(dispatch_id):
    dispatch = get_for_user_or_403(Dispatch, dispatch_id, current_user, "links")
    invitations = _invitations(dispatch)
    return render_template("questionnaires/dispatch_view.html", dispatch=dispatch, invitations=invitations,
                           confirm=ConfirmForm(), today=local_today())


@bp.route("/questionnaires/dispatches/<int:dispatch_id>/print")
@role_required(*LINK_ROLES)
def dispatch_print(dispatch_id):
    """The links to hand out on paper: each person's name, his link and its QR code, one slip each."""
    dispatch = get_for_user_or_403(Dispatch, dispatch_id, current_user, "links")
    slips = [(invitation, _link(invitation)) for invitation in _invitations(dispatch) if invitation.response is None]
    return render_template("questionnaires/dispatch_print.html", dispatch=dispatch, slips=slips)


@bp.route("/questionnaires/invitations/<int:invitation_id>/qr.svg")
@role_required(*LINK_ROLES)
def invitation_qr(invitation_id):
    invitation = get_for_user_or_403(Invitation, invitation_id, current_user, "links")
    buffer = io.BytesIO()
    segno.make(_link(invitation), error="m").save(buffer, kind="svg", scale=4, border=2,
                                                 title="QR-код ссылки на анкету")
    return send_bytes(buffer.getvalue(), f"anketa-{invitation.id}.svg", "image/svg+xml")


@bp.route("/questionnaires/dispatches/<int:dispatch_id>/withdraw", methods=["POST"])
@role_required(*SEND_ROLES)
def dispatch_withdraw(dispatch_id):
    dispatch = get_for_user_or_403(Dispatch, dispatch_id, current_user, "send")
    form = ConfirmForm()
    if form.validate_on_submit():
        perform(lambda: links.withdraw(dispatch, current_user),
                "Рассылка отозвана: её ссылки больше не принимают ответы. Полученные ответы сохранены.", once=form)
    return redirect(url_for("questionnaires.dispatch_view", dispatch_id=dispatch.id))


@bp.route("/questionnaires/invitations/<int:invitation_id>/paper", methods=["GET", "POST"])
@role_required(*LINK_ROLES)
def paper_entry(invitation_id):
    """Answers given on paper, typed in by staff and marked as such."""
    invitation = get_for_user_or_403(Invitation, invitation_id, current_user, "links")
    version = invitation.dispatch.version
    form = answer_form(version, submit_label="Сохранить ответы с бумаги")
    refusal = None
    try:
        links.ensure_answerable(invitation)
    except RuleError as error:
        refusal = str(error)
    if refusal is None and form.validate_on_submit() and perform(
            lambda: answering.submit(invitation, request.form, on_paper=True, actor=current_user),
            f"Ответы {invitation.person.short_name} с бумажной анкеты сохранены.", form):
        return redirect(url_for("questionnaires.dispatch_view", dispatch_id=invitation.dispatch_id))
    return render_template("questionnaires/paper_entry.html", invitation=invitation, version=version, form=form,
                           refusal=refusal)


def _invitations(dispatch):
    from sqlalchemy.orm import selectinload
    rows = db.session.scalars(select(Invitation).where(Invitation.dispatch_id == dispatch.id)
                              .options(selectinload(Invitation.response))).all()
    return sorted(rows, key=lambda invitation: invitation.person.full_name)


def _link(invitation):
    return url_for("questionnaires.answer", token=links.token_of(invitation), _external=True)


# Results ---------------------------------------------------------------------------------------------------------

@bp.route("/questionnaires/<int:questionnaire_id>/results")
@role_required(*RESULT_ROLES)
def questionnaire_results(questionnaire_id):
    questionnaire = get_for_user_or_403(Questionnaire, questionnaire_id, current_user, "results")
    version, filters = _result_args(questionnaire)
    found = results.results_for(version, filters)
    charts = {item.question.id: bar_chart(item.distribution, f"chart-{item.question.id}")
              for item in found.questions if item.distribution}
    return render_template("questionnaires/results.html", questionnaire=questionnaire, version=version,
                           results=found, charts=charts, filters=filters, years=programs.years_newest_first(),
                           forms=programs.all_forms(), phases=list(Phase))


@bp.route("/questionnaires/<int:questionnaire_id>/results.xlsx")
@role_required(*RESULT_ROLES)
def questionnaire_results_xlsx(questionnaire_id):
    questionnaire = get_for_user_or_403(Questionnaire, questionnaire_id, current_user, "results")
    version, filters = _result_args(questionnaire)
    data = results.export_xlsx(results.results_for(version, filters), questionnaire.title)
    return send_bytes(data, f"anketa-{questionnaire.id}-v{version.number}.xlsx", XLSX_CONTENT_TYPE)


def _result_args(questionnaire):
    number = request.args.get("version", type=int)
    version = next((v for v in questionnaire.versions if v.number == number), None) or questionnaire.current_version
    phase = request.args.get("phase")
    filters = results.Filters(year_id=request.args.get("year_id", type=int),
                              form_id=request.args.get("form_id", type=int),
                              phase=Phase(phase) if phase in set(Phase) else None)
    return version, filters


# The participant's page (no account) ------------------------------------------------------------------------------

@bp.route("/a/<token>", methods=["GET", "POST"])
@limiter.limit(_answer_rate)
def answer(token):
    """What the person sees: the questionnaire and his answers, nothing about anyone else."""
    try:
        invitation = links.invitation_for(token)
        links.ensure_answerable(invitation)
    except RuleError as error:
        return render_template("questionnaires/answer_closed.html", message=str(error)), 410
    version = invitation.dispatch.version
    form = answer_form(version)
    if form.validate_on_submit() and perform(lambda: answering.submit(invitation, request.form), None, form):
        return render_template("questionnaires/answer_closed.html", thanks=True,
                               message="Спасибо! Ваши ответы сохранены."), 200
    return render_template("questionnaires/answer.html", invitation=invitation, version=version, form=form)

