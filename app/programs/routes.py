"""Program years (the curator's) and forms of mentorship (the administrator's)."""
from flask import redirect, render_template, request, url_for

from app.core.actions import perform
from app.core.permissions import get_or_404, role_required
from app.core.roles import Role
from app.people.access import MANAGE_ROLES, READ_ROLES
from app.programs import bp, participants, services
from app.programs.models import MentorshipForm, ProgramStage, ProgramYear
from app.programs.sections import sections_for
from forms.base import ConfirmForm
from forms.programs import MentorshipFormForm, ProgramYearForm, StageForm


@bp.route("/programs/years/")
@role_required(*READ_ROLES)
def year_list():
    years = services.years_newest_first()
    return render_template("programs/year_list.html", years=years,
                           mentees=participants.count_by_year("mentee"),
                           mentors=participants.count_by_year("mentor"))


@bp.route("/programs/years/new", methods=["GET", "POST"])
@role_required(*MANAGE_ROLES)
def year_new():
    form = ProgramYearForm()
    form.set_form_choices(services.all_forms(active_only=True))
    if form.validate_on_submit():
        year = perform(lambda: services.create_year(title=form.title.data, start_date=form.start_date.data,
                                                    end_date=form.end_date.data, forms=_chosen_forms(form)),
                       lambda year: f"Учебный год {year.title} открыт.", form)
        if year:
            return redirect(url_for("programs.year_view", year_id=year.id))
    return render_template("programs/year_form.html", form=form, year=None)


@bp.route("/programs/years/<int:year_id>")
@role_required(*READ_ROLES)
def year_view(year_id):
    year = get_or_404(ProgramYear, year_id)
    return render_template("programs/year_view.html", year=year, stages=list(ProgramStage), confirm=ConfirmForm(),
                           stage_form=StageForm(), mentees=participants.count_by_form("mentee", year),
                           mentors=participants.count_by_form("mentor", year), sections=sections_for(year))


@bp.route("/programs/years/<int:year_id>/edit", methods=["GET", "POST"])
@role_required(*MANAGE_ROLES)
def year_edit(year_id):
    year = get_or_404(ProgramYear, year_id)
    form = ProgramYearForm(obj=year)
    form.set_form_choices([f for f in services.all_forms() if f.active or f in year.forms])
    if request.method == "GET":
        form.forms.data = [str(f.id) for f in year.forms]
    if form.validate_on_submit() and perform(
            lambda: services.update_year(year, title=form.title.data, start_date=form.start_date.data,
                                         end_date=form.end_date.data, forms=_chosen_forms(form)),
            "Изменения сохранены.", form):
        return redirect(url_for("programs.year_view", year_id=year.id))
    return render_template("programs/year_form.html", form=form, year=year)


@bp.route("/programs/years/<int:year_id>/stage", methods=["POST"])
@role_required(*MANAGE_ROLES)
def year_stage(year_id):
    year = get_or_404(ProgramYear, year_id)
    form = StageForm()
    if form.validate_on_submit():
        perform(lambda: services.change_stage(year, form.direction.data), "Этап программы изменён.")
    return redirect(url_for("programs.year_view", year_id=year_id))


@bp.route("/programs/years/<int:year_id>/<any(current, close, reopen):action>", methods=["POST"])
@role_required(*MANAGE_ROLES)
def year_action(year_id, action):
    """Make the year current, close it after stage 7, or reopen it for a correction."""
    year = get_or_404(ProgramYear, year_id)
    service, message = {
        "current": (services.make_current, f"{year.title} — текущий учебный год."),
        "close": (services.close_year, f"Учебный год {year.title} завершён; его данные доступны для просмотра."),
        "reopen": (services.reopen_year, f"Учебный год {year.title} снова открыт для изменений."),
    }[action]
    if ConfirmForm().validate_on_submit():
        perform(lambda: service(year), message)
    return redirect(url_for("programs.year_view", year_id=year_id))


@bp.route("/admin/mentorship-forms/")
@role_required(Role.ADMIN, Role.CURATOR)
def form_list():
    return render_template("programs/form_list.html", forms=services.all_forms(), years=_years_by_form())


@bp.route("/admin/mentorship-forms/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def form_new():
    form = MentorshipFormForm()
    if form.validate_on_submit() and perform(lambda: services.create_form(**_form_values(form)),
                                             lambda record: f"Форма «{record.name}» добавлена.", form):
        return redirect(url_for("programs.form_list"))
    return render_template("programs/form_form.html", form=form, record=None)


@bp.route("/admin/mentorship-forms/<int:form_id>/edit", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def form_edit(form_id):
    record = get_or_404(MentorshipForm, form_id)
    form = MentorshipFormForm(obj=record)
    if form.validate_on_submit() and perform(lambda: services.update_form(record, **_form_values(form)),
                                             "Изменения сохранены.", form):
        return redirect(url_for("programs.form_list"))
    return render_template("programs/form_form.html", form=form, record=record)


def _chosen_forms(form):
    ids = {int(value) for value in form.forms.data or [] if str(value).isdigit()}
    return [record for record in services.all_forms() if record.id in ids]


def _form_values(form):
    return {"name": form.name.data, "description": form.description.data,
            "mentor_categories": form.mentor_categories.data or [],
            "mentee_categories": form.mentee_categories.data or [], "allows_groups": form.allows_groups.data,
            "active": form.active.data, "position": form.position.data}


def _years_by_form():
    years = {}
    for year in services.years_newest_first():
        for form in year.forms:
            years.setdefault(form.id, []).append(year.title)
    return years
