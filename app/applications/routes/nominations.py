"""Nominations (4.13): by the administration (draft order and approval sheet) or by a collective (представление,
whose signed paper is scanned and kept with it)."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.accounts.models import User, UserRole
from app.applications import bp, nominations
from app.applications.models import CandidateApplication, Nomination, NominationKind, PresentationScan
from app.core.actions import perform
from app.core.downloads import send_stored
from app.core.formatting import local_today
from app.core.permissions import get_for_user_or_403, role_required
from app.core.roles import Role
from app.extensions import db
from app.people.access import EDIT_ROLES, FILE_ROLES, READ_ROLES
from app.people.models import Person
from app.programs.models import MentorshipForm, ProgramYear
from app.programs.services import current_year, years_newest_first
from forms.applications import NominationForm
from forms.base import choices
from forms.papers import UploadForm


@bp.route("/nominations/")
@role_required(*READ_ROLES)
def nomination_list():
    years = years_newest_first()
    year = next((y for y in years if str(y.id) == request.args.get("year")), None) or current_year()
    rows = []
    if year is not None:
        rows = list(db.session.scalars(select(Nomination).where(Nomination.program_year_id == year.id)
                                       .options(selectinload(Nomination.candidates))
                                       .order_by(Nomination.nominated_on.desc(), Nomination.id.desc())))
    return render_template("applications/nomination_list.html", nominations=rows, year=year,
                           year_options=[(y.id, y.title) for y in years])


@bp.route("/nominations/new", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def nomination_new():
    years = [year for year in years_newest_first() if year.is_open]
    if not years:
        flash("Нет открытого учебного года: куратор открывает его на странице «Учебные годы».", "warning")
        return redirect(url_for("applications.nomination_list"))
    form = NominationForm()
    people = list(db.session.scalars(select(Person).order_by(Person.search_name)))
    forms_ = sorted({form_ for year in years for form_ in year.forms}, key=lambda form_: form_.position)
    curators = list(db.session.scalars(select(User).where(User.active.is_(True),
                                                          User.role_rows.any(UserRole.role == Role.CURATOR))
                                       .order_by(User.last_name)))
    form.program_year.choices = choices((year.id, year.title) for year in years)
    form.curator.choices = choices([("", "—"), *((user.id, user.full_name) for user in curators)])
    person_choices = choices([("", "—"), *((p.id, f"{p.full_name}, {p.category.label}") for p in people)])
    form_choices = choices([("", "—"), *((f.id, f.name) for f in forms_)])
    for row in form.candidates:
        row.person.choices, row.mentorship_form.choices = person_choices, form_choices
    if request.method == "GET":
        current = current_year()
        year = current if current in years else years[0]
        form.program_year.data, form.nominated_on.data = str(year.id), local_today()
        form.kind.data = request.args.get("kind", NominationKind.ADMINISTRATION.value)
        form.order_title.data = nominations.default_order_title(year)
        form.curator.data = str(curators[0].id) if curators else ""
    if form.validate_on_submit():
        year = db.session.get(ProgramYear, int(form.program_year.data))
        nomination = perform(lambda: nominations.nominate(
            form.kind.data, year, current_user, candidates=_candidates(form), on=form.nominated_on.data,
            nominated_by=form.nominated_by.data, presentation=form.presentation.data,
            order_title=form.order_title.data, approval_deadline=form.approval_deadline.data,
            curator=db.session.get(User, int(form.curator.data)) if form.curator.data else None),
            lambda nomination: "Выдвижение сохранено: подготовлен проект приказа"
                               f"{' и лист согласования' if nomination.approval_sheet else ''}.", form)
        if nomination:
            return redirect(url_for("applications.nomination_view", nomination_id=nomination.id))
    return render_template("applications/nomination_form.html", form=form)


@bp.route("/nominations/<int:nomination_id>")
@role_required(*READ_ROLES)
def nomination_view(nomination_id):
    nomination = get_for_user_or_403(Nomination, nomination_id, current_user)
    applications = {row.person_id: row for row in db.session.scalars(select(CandidateApplication).where(
        CandidateApplication.program_year_id == nomination.program_year_id,
        CandidateApplication.person_id.in_([c.person_id for c in nomination.candidates])))}
    return render_template("applications/nomination_view.html", nomination=nomination, applications=applications,
                           upload_form=UploadForm())


@bp.route("/nominations/<int:nomination_id>/presentation", methods=["POST"])
@role_required(*FILE_ROLES)
def presentation_upload(nomination_id):
    """The scan of the collective's signed представление (4.13), filed as the next version."""
    nomination = get_for_user_or_403(Nomination, nomination_id, current_user, "file")
    form = UploadForm()
    if form.validate_on_submit():
        perform(lambda: nominations.file_presentation(nomination, request.files.get("file"),
                                                      current_user._get_current_object()),
                lambda scan: f"Скан представления «{scan.original_name}» загружен (версия {scan.version_no}).",
                once=form)
    else:
        flash("Форма устарела: обновите страницу и загрузите файл снова.", "danger")
    return redirect(url_for("applications.nomination_view", nomination_id=nomination_id, _anchor="presentation"))


@bp.route("/nominations/presentations/<int:scan_id>")
@role_required(*READ_ROLES)
def presentation_download(scan_id):
    scan = get_for_user_or_403(PresentationScan, scan_id, current_user)
    nominations.record_presentation_download(scan, current_user._get_current_object())
    db.session.commit()
    return send_stored(scan)


def _candidates(form):
    """The filled rows as (person, form of mentorship, put forward as the curator); a half-filled row is refused by
    the service."""
    rows = []
    for row in form.candidates:
        person_id, form_id = row.person.data, row.mentorship_form.data
        if not person_id and not form_id:
            continue
        person = db.session.get(Person, int(person_id)) if person_id and person_id.isdigit() else None
        mentorship_form = db.session.get(MentorshipForm, int(form_id)) if form_id and form_id.isdigit() else None
        if person is None:
            continue
        rows.append((person, mentorship_form, bool(row.for_curator.data)))
    return rows
