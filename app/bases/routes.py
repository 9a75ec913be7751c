"""The mentee and mentor bases: lists, records, forms, pairs and statuses."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.bases import bp, gates, rules, services
from app.bases.labels import MENTEE_COLUMNS, MENTOR_COLUMNS, PROGRAM_PASSED
from app.bases.models import MenteeParticipation, MenteeStatus, MentorParticipation, MentorStatus
from app.bases.queries import mentee_filters, mentee_query, mentor_filters, mentor_query
from app.core.actions import perform
from app.core.declension import full_name_in, gendered
from app.core.formatting import local_today, ru_date
from app.core.pagination import paginate
from app.core.permissions import get_for_user_or_403, role_required
from app.core.search import contains_pattern
from app.extensions import db
from app.people.access import EDIT_ROLES, MANAGE_ROLES, READ_ROLES
from app.people.categories import MENTEE_CATEGORIES_BY_PERSON, MENTOR_CATEGORY_BY_PERSON, MenteeCategory, MentorCategory
from app.people.models import Person
from app.programs.models import MentorshipForm, ProgramYear
from app.programs.services import all_forms, current_year, years_newest_first
from forms.base import ConfirmForm, choices
from forms.bases import LinkMentorForm, MenteeForm, MentorForm, RegistryForm, StatusDateForm

PICKER_LIMIT = 20


# --- lists ---------------------------------------------------------------------------------------------

@bp.route("/mentees/")
@role_required(*READ_ROLES)
def mentee_list():
    filters = mentee_filters(request.args, current_year())
    query, sort = mentee_query(filters)
    return render_template("bases/mentee_list.html", page=paginate(query), filters=filters, sort=sort,
                           columns=MENTEE_COLUMNS, **_filter_options(MenteeCategory, MenteeStatus))


@bp.route("/mentors/")
@role_required(*READ_ROLES)
def mentor_list():
    filters = mentor_filters(request.args, current_year())
    query, sort = mentor_query(filters)
    return render_template("bases/mentor_list.html", page=paginate(query), filters=filters, sort=sort,
                           columns=MENTOR_COLUMNS, **_filter_options(MentorCategory, MentorStatus))


# --- the mentee base -----------------------------------------------------------------------------------

@bp.route("/mentees/new", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def mentee_new():
    open_years = _open_years()
    if not open_years:
        flash("Нет открытого учебного года: куратор открывает его на странице «Учебные годы».", "warning")
        return redirect(url_for("bases.mentee_list"))
    person = _chosen_person()
    if person is None:
        return _person_picker("bases.mentee_new", "Новая запись базы наставляемых")
    categories = perform(lambda: rules.check_may_be_mentee(person))
    if categories is None:
        return redirect(url_for("people.person_view", person_id=person.id))
    form = MenteeForm()
    _set_choices(form, categories, allow_no_form=True, open_years=open_years)
    if request.method == "GET":
        form.entry_date.data = local_today()
    if form.validate_on_submit():
        mentee = perform(lambda: services.add_mentee(person, _year(form), **_mentee_values(form)),
                         lambda mentee: f"{person.full_name} {gendered(person, 'добавлен', 'добавлена')} в базу "
                                        "наставляемых "
                                        f"{mentee.program_year.title}.", form)
        if mentee:
            return redirect(url_for("bases.mentee_view", mentee_id=mentee.id))
    return render_template("bases/mentee_form.html", form=form, person=person, mentee=None, columns=MENTEE_COLUMNS)


@bp.route("/mentees/<int:mentee_id>")
@role_required(*READ_ROLES)
def mentee_view(mentee_id):
    mentee = get_for_user_or_403(MenteeParticipation, mentee_id, current_user)
    return render_template("bases/mentee_view.html", mentee=mentee, columns=MENTEE_COLUMNS, confirm=ConfirmForm(),
                           date_form=StatusDateForm(on=local_today()),
                           program_passed=PROGRAM_PASSED[mentee.program_passed])


@bp.route("/mentees/<int:mentee_id>/edit", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def mentee_edit(mentee_id):
    mentee = get_for_user_or_403(MenteeParticipation, mentee_id, current_user, "edit")
    form = MenteeForm(obj=mentee)
    _set_choices(form, MENTEE_CATEGORIES_BY_PERSON[mentee.person.category] or [mentee.category], allow_no_form=True,
                 year=mentee.program_year)
    if request.method == "GET":
        _fill_selects(form, mentee)
    if form.validate_on_submit() and perform(lambda: services.update_mentee(mentee, **_mentee_values(form)),
                                             "Изменения сохранены.", form):
        return redirect(url_for("bases.mentee_view", mentee_id=mentee.id))
    return render_template("bases/mentee_form.html", form=form, person=mentee.person, mentee=mentee,
                           columns=MENTEE_COLUMNS)


@bp.route("/mentees/<int:mentee_id>/mentor", methods=["GET", "POST"])
@role_required(*MANAGE_ROLES)
def mentee_link(mentee_id):
    mentee = get_for_user_or_403(MenteeParticipation, mentee_id, current_user, "manage")
    if mentee.status != MenteeStatus.WAITING or not mentee.program_year.is_open:
        flash(f"Назначить наставника можно наставляемому, который ожидает наставника, в идущем учебном году; "
              f"сейчас: «{mentee.status.label}», {mentee.program_year.title}.", "warning")
        return redirect(url_for("bases.mentee_view", mentee_id=mentee.id))
    candidates = _mentor_candidates(mentee)
    withdrawn = gates.kept_out({mentor.person_id for mentor in candidates})
    form = LinkMentorForm()
    form.mentor.choices = choices((mentor.id, _mentor_choice_label(mentor, withdrawn.get(mentor.person_id)))
                                  for mentor in candidates)
    if form.validate_on_submit():
        mentor = next(m for m in candidates if str(m.id) == form.mentor.data)
        if perform(lambda: services.link_mentor(mentee, mentor),
                   f"{mentor.person.full_name} {gendered(mentor.person, 'назначен', 'назначена')} наставником "
                   f"{full_name_in(mentee.person, 'genitive')}.", form):
            return redirect(url_for("bases.mentee_view", mentee_id=mentee.id))
    return render_template("bases/mentee_link.html", form=form, mentee=mentee, candidates=candidates,
                           withdrawn=withdrawn)


@bp.route("/mentees/<int:mentee_id>/unlink", methods=["POST"])
@role_required(*MANAGE_ROLES)
def mentee_unlink(mentee_id):
    mentee = get_for_user_or_403(MenteeParticipation, mentee_id, current_user, "manage")
    if ConfirmForm().validate_on_submit():
        perform(lambda: services.unlink_mentor(mentee), "Наставник снят; наставляемый снова ожидает наставника.")
    return redirect(url_for("bases.mentee_view", mentee_id=mentee_id))


@bp.route("/mentees/<int:mentee_id>/status/<action>", methods=["POST"])
@role_required(*MANAGE_ROLES)
def mentee_status(mentee_id, action):
    mentee = get_for_user_or_403(MenteeParticipation, mentee_id, current_user, "manage")
    actions = {"complete": (services.complete_mentee, "Отмечено прохождение программы."),
               "withdraw": (services.withdraw_mentee, "Отмечено выбытие из программы."),
               "reinstate": (services.reinstate_mentee, "Наставляемый возвращён в программу.")}
    _run_status_action(actions, action, mentee)
    return redirect(url_for("bases.mentee_view", mentee_id=mentee_id))


# --- the mentor base -----------------------------------------------------------------------------------

@bp.route("/mentors/new", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def mentor_new():
    open_years = _open_years()
    if not open_years:
        flash("Нет открытого учебного года: куратор открывает его на странице «Учебные годы».", "warning")
        return redirect(url_for("bases.mentor_list"))
    person = _chosen_person()
    if person is None:
        return _person_picker("bases.mentor_new", "Новая запись базы наставников")
    form = MentorForm()
    _set_choices(form, [MENTOR_CATEGORY_BY_PERSON[person.category]], allow_no_form=False,
                 open_years=open_years)
    if request.method == "GET":
        form.entry_date.data = local_today()
    if form.validate_on_submit():
        mentor = perform(lambda: services.add_mentor(person, _year(form), **_mentor_values(form)),
                         lambda mentor: f"{person.full_name} {gendered(person, 'добавлен', 'добавлена')} в базу "
                                        "наставников "
                                        f"{mentor.program_year.title}.", form)
        if mentor:
            return redirect(url_for("bases.mentor_view", mentor_id=mentor.id))
    return render_template("bases/mentor_form.html", form=form, person=person, mentor=None, columns=MENTOR_COLUMNS)


@bp.route("/mentors/<int:mentor_id>")
@role_required(*READ_ROLES)
def mentor_view(mentor_id):
    mentor = get_for_user_or_403(MentorParticipation, mentor_id, current_user)
    return render_template("bases/mentor_view.html", mentor=mentor, columns=MENTOR_COLUMNS, confirm=ConfirmForm(),
                           date_form=StatusDateForm(on=local_today()), registry_form=RegistryForm(on=local_today()))


@bp.route("/mentors/<int:mentor_id>/edit", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def mentor_edit(mentor_id):
    mentor = get_for_user_or_403(MentorParticipation, mentor_id, current_user, "edit")
    form = MentorForm(obj=mentor)
    _set_choices(form, [mentor.category], allow_no_form=False, year=mentor.program_year)
    if request.method == "GET":
        _fill_selects(form, mentor)
    if form.validate_on_submit() and perform(lambda: services.update_mentor(mentor, **_mentor_values(form)),
                                             "Изменения сохранены.", form):
        return redirect(url_for("bases.mentor_view", mentor_id=mentor.id))
    return render_template("bases/mentor_form.html", form=form, person=mentor.person, mentor=mentor,
                           columns=MENTOR_COLUMNS)


@bp.route("/mentors/<int:mentor_id>/registry", methods=["POST"])
@role_required(*MANAGE_ROLES)
def mentor_register(mentor_id):
    mentor = get_for_user_or_403(MentorParticipation, mentor_id, current_user, "manage")
    form = RegistryForm()
    if form.validate_on_submit():
        perform(lambda: services.register_mentor(mentor, basis=form.basis.data, on=form.on.data),
                "Наставник включён в реестр наставников.")
    else:
        flash("Укажите основание включения в реестр и дату.", "danger")
    return redirect(url_for("bases.mentor_view", mentor_id=mentor_id))


@bp.route("/mentors/<int:mentor_id>/status/<action>", methods=["POST"])
@role_required(*MANAGE_ROLES)
def mentor_status(mentor_id, action):
    mentor = get_for_user_or_403(MentorParticipation, mentor_id, current_user, "manage")
    actions = {"complete": (services.complete_mentor, "Отмечено завершение программы наставника."),
               "withdraw": (services.withdraw_mentor, "Отмечено выбытие наставника."),
               "reinstate": (services.reinstate_mentor, "Наставник возвращён в программу.")}
    _run_status_action(actions, action, mentor)
    return redirect(url_for("bases.mentor_view", mentor_id=mentor_id))


# --- helpers -------------------------------------------------------------------------------------------

def _run_status_action(actions, action, participation):
    if action not in actions:
        abort(404)
    service, message = actions[action]
    if action == "reinstate":
        if ConfirmForm().validate_on_submit():
            perform(lambda: service(participation), message)
        return
    form = StatusDateForm()
    if form.validate_on_submit():
        perform(lambda: service(participation, on=form.on.data), message)
    else:
        flash("Укажите дату.", "danger")


def _filter_options(categories, statuses):
    years = years_newest_first()
    return {"year_options": [("all", "Все годы"), *((year.id, year.title) for year in years)],
            "form_options": [(form.id, form.name) for form in all_forms()],
            "category_options": [(c.value, c.label) for c in categories],
            "status_options": [(s.value, s.label) for s in statuses], "has_years": bool(years)}


def _chosen_person():
    """The person of a new record (``?person_id=``), or None to show the picker."""
    person_id = request.args.get("person_id", type=int)
    if person_id is None:
        return None
    return get_for_user_or_403(Person, person_id, current_user, "edit")


def _person_picker(endpoint, title):
    """Find the person first (by surname), then fill his record: the base holds people already kept."""
    search = request.args.get("q", "").strip()[:100]
    people = []
    if search:
        people = list(db.session.scalars(select(Person).where(
            Person.search_name.like(contains_pattern(search), escape="\\")).order_by(Person.search_name)
            .limit(PICKER_LIMIT)))
    return render_template("bases/person_picker.html", endpoint=endpoint, title=title, search=search, people=people,
                           limit=PICKER_LIMIT)


def _open_years():
    return [year for year in years_newest_first() if year.is_open]


def _set_choices(form, categories, allow_no_form, year=None, open_years=()):
    """New records choose among ``open_years``; an existing record keeps its ``year`` (the field is removed)."""
    years = [year] if year is not None else open_years
    forms = year.forms if year is not None else [f for f in all_forms() if any(y.runs(f) for y in years)]
    form.set_choices(years, forms, categories, allow_no_form)
    if year is not None:
        del form.program_year
    elif request.method == "GET":
        current = current_year()
        form.program_year.data = str(current.id) if current is not None and current.is_open else None


def _fill_selects(form, participation):
    form.mentorship_form.data = str(participation.mentorship_form_id or "")
    form.category.data = str(participation.category)


def _year(form):
    year = db.session.get(ProgramYear, int(form.program_year.data))
    if year is None:
        abort(400)
    return year


def _chosen_form(form):
    return db.session.get(MentorshipForm, int(form.mentorship_form.data)) if form.mentorship_form.data else None


def _mentee_values(form):
    return {"category": form.category.data, "main_request": form.main_request.data,
            "entry_date": form.entry_date.data, "mentorship_form": _chosen_form(form),
            "end_date": form.end_date.data, "results": form.results.data, "case_link": form.case_link.data}


def _mentor_values(form):
    return {"category": form.category.data, "mentorship_form": _chosen_form(form),
            "entry_date": form.entry_date.data, "competencies": form.competencies.data,
            "achievements": form.achievements.data, "interests": form.interests.data,
            "desired_mentee_age": form.desired_mentee_age.data, "time_resource": form.time_resource.data,
            "end_date": form.end_date.data, "results": form.results.data, "case_link": form.case_link.data}


def _mentor_candidates(mentee):
    """Mentors of the mentee's year in the registry, of his form if he has one; the service checks the rest."""
    query = (select(MentorParticipation).join(MentorParticipation.person)
             .where(MentorParticipation.program_year_id == mentee.program_year_id,
                    MentorParticipation.status == MentorStatus.REGISTERED,
                    MentorParticipation.person_id != mentee.person_id)
             .order_by(Person.search_name))
    if mentee.mentorship_form_id:
        query = query.where(MentorParticipation.mentorship_form_id == mentee.mentorship_form_id)
    return list(db.session.scalars(query.options(selectinload(MentorParticipation.pairings))))


def _mentor_choice_label(mentor, withdrawn=None):
    """An option of the mentor list; a withdrawn consent is said in it, as the badge says it elsewhere (4.11)."""
    running = len(services.running_mentees(mentor))
    flag = f" — согласие отозвано {ru_date(withdrawn.withdrawn_on)}" if withdrawn is not None else ""
    return (f"{mentor.person.full_name}{flag} — {mentor.person.place_of_work_or_study}; "
            f"{mentor.mentorship_form.name}, наставляемых сейчас: {running}")
