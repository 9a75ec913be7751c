"""Candidate applications (Приложение 5): list, entry (find the person first), page, changes, withdrawal."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.applications import bp, services
from app.applications.checklist import checklists
from app.applications.models import ApplicationStatus, CandidateApplication, NominationKind
from app.applications.queries import ApplicationFilters, application_query, find_people
from app.consents.models import ParticipantRole
from app.core.actions import perform
from app.core.declension import full_name_in
from app.core.formatting import local_today
from app.core.pagination import paginate
from app.core.permissions import get_for_user_or_403, role_required
from app.extensions import db
from app.people.access import EDIT_ROLES, READ_ROLES
from app.people.models import Person
from app.programs.models import ProgramYear
from app.programs.services import all_forms, current_year, years_newest_first
from forms.applications import ApplicationForm, DecisionForm
from forms.base import ConfirmForm
from forms.papers import UploadForm

PICKER_LIMIT = 20


@bp.route("/")
@role_required(*READ_ROLES)
def application_list():
    filters = ApplicationFilters.from_args(request.args, current_year())
    page = paginate(application_query(filters))
    complete = {}
    for year in {row.program_year for row in page.items}:
        people = [row.person for row in page.items if row.program_year_id == year.id]
        complete.update({(c.person.id, year.id): c.complete for c in checklists(year, people)
                         if c.role != ParticipantRole.MENTEE})
    years = years_newest_first()
    return render_template(
        "applications/application_list.html", page=page, filters=filters, complete=complete,
        year_options=[("all", "Все годы"), *((year.id, year.title) for year in years)],
        form_options=[(form.id, form.name) for form in all_forms()],
        status_options=[(status.value, status.label) for status in ApplicationStatus],
        put_forward_options=[("self", "по собственному желанию"),
                             *((kind.value, kind.label) for kind in NominationKind)])


@bp.route("/new", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def application_new():
    years = [year for year in years_newest_first() if year.is_open]
    if not years:
        flash("Нет открытого учебного года: куратор открывает его на странице «Учебные годы».", "warning")
        return redirect(url_for("applications.application_list"))
    person_id = request.args.get("person_id", type=int)
    if person_id is None:
        search = request.args.get("q", "").strip()[:100]
        return render_template("bases/person_picker.html", endpoint="applications.application_new",
                               title="Новое заявление кандидата в наставники", search=search,
                               people=find_people(search, PICKER_LIMIT), limit=PICKER_LIMIT)
    person = get_for_user_or_403(Person, person_id, current_user, "edit")
    form = ApplicationForm().agree_with(person)
    form.set_choices(years, [form_ for form_ in all_forms(active_only=True) if any(y.runs(form_) for y in years)])
    if request.method == "GET":
        current = current_year()
        year = current if current in years else years[0]
        form.program_year.data = str(year.id)
        form.mentorship_form.data = request.args.get("form_id", "")
        for name, value in services.default_values(person, year).items():
            form[name].data = value
    if form.validate_on_submit():
        year = db.session.get(ProgramYear, int(form.program_year.data)) or abort(400)
        application = perform(lambda: services.submit_application(person, year, current_user, **_values(form)),
                              lambda application: f"Заявление {full_name_in(person, 'genitive')} сохранено и "
                                                  "распечатано: скачайте DOCX, дайте подписать и загрузите скан.", form)
        if application:
            return redirect(url_for("applications.application_view", application_id=application.id))
    return render_template("applications/application_form.html", form=form, person=person, application=None)


@bp.route("/<int:application_id>")
@role_required(*READ_ROLES)
def application_view(application_id):
    application = get_for_user_or_403(CandidateApplication, application_id, current_user)
    return render_template("applications/application_view.html", application=application,
                           upload_form=UploadForm(), decision_form=DecisionForm(on=local_today()),
                           confirm=ConfirmForm())


@bp.route("/<int:application_id>/edit", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def application_edit(application_id):
    application = get_for_user_or_403(CandidateApplication, application_id, current_user, "edit")
    if not application.editable:
        flash("Заявление подписано или передано комиссии: его данные не меняются.", "warning")
        return redirect(url_for("applications.application_view", application_id=application.id))
    form = ApplicationForm(obj=application).agree_with(application.person)
    del form.program_year
    form.set_choices([], application.program_year.forms)
    if request.method == "GET":
        form.mentorship_form.data = str(application.mentorship_form_id)
    if form.validate_on_submit() and perform(
            lambda: services.update_application(application, current_user, **_values(form)),
            "Изменения сохранены; распечатана новая версия заявления.", form):
        return redirect(url_for("applications.application_view", application_id=application.id))
    return render_template("applications/application_form.html", form=form, person=application.person,
                           application=application)


@bp.route("/<int:application_id>/withdraw", methods=["POST"])
@role_required(*EDIT_ROLES)
def application_withdraw(application_id):
    application = get_for_user_or_403(CandidateApplication, application_id, current_user, "edit")
    form = DecisionForm()
    if form.validate_on_submit():
        perform(lambda: services.withdraw_application(application, on=form.on.data, note=form.note.data),
                "Заявление отозвано кандидатом.")
    else:
        flash("Укажите дату отзыва заявления.", "danger")
    return redirect(url_for("applications.application_view", application_id=application_id))


@bp.route("/<int:application_id>/reinstate", methods=["POST"])
@role_required(*EDIT_ROLES)
def application_reinstate(application_id):
    application = get_for_user_or_403(CandidateApplication, application_id, current_user, "edit")
    if ConfirmForm().validate_on_submit():
        perform(lambda: services.reinstate_application(application), "Заявление снова подано.")
    return redirect(url_for("applications.application_view", application_id=application_id))


def _values(form):
    chosen = form.mentorship_form.data
    mentorship_form = next((f for f in all_forms() if str(f.id) == chosen), None) if chosen else None
    return {"mentorship_form": mentorship_form, "position": form.position.data, "phone": form.phone.data,
            "email": form.email.data, "portfolio_pages": form.portfolio_pages.data,
            "regulation_acknowledged": form.regulation_acknowledged.data,
            "personal_data_consent": form.personal_data_consent.data,
            "personal_data_consent_on": form.personal_data_consent_on.data, "applied_on": form.applied_on.data,
            "for_curator": form.for_curator.data}

