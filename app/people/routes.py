"""People: list, card (with what the domains above show of the person: app.people.sections), form, legal
representatives, case forms."""
from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from app.core.actions import perform
from app.core.declension import gendered
from app.core.formatting import local_today
from app.core.pagination import paginate
from app.core.permissions import get_for_user_or_403, get_or_404, role_required
from app.extensions import db
from app.people import bp, organisations, services
from app.people.access import EDIT_ROLES, READ_ROLES
from app.people.categories import PersonCategory
from app.people.models import LegalRepresentative, Person
from app.people.name_forms import name_forms_page
from app.people.queries import PeopleFilters, people_query
from app.people.sections import sections_for
from forms.base import ConfirmForm
from forms.people import PersonForm, RepresentativeForm


@bp.route("/")
@role_required(*READ_ROLES)
def person_list():
    filters = PeopleFilters.from_args(request.args)
    query, sort = people_query(filters)
    page = paginate(query)
    groups = db.session.scalars(select(Person.study_group).distinct().where(Person.study_group.is_not(None))
                                .order_by(Person.study_group))
    return render_template("people/person_list.html", page=page, filters=filters, sort=sort,
                           categories=[(c.value, c.label) for c in PersonCategory],
                           groups=[(g, g) for g in groups], partners=organisations.listing(),
                           today=local_today())


@bp.route("/new", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def person_new():
    form = PersonForm()
    form.set_organisation_choices(organisations.offered())
    if request.method == "GET":
        form.category.data = request.args.get("category", PersonCategory.STUDENT.value)
        form.organisation.data = request.args.get("organisation", "")
    if form.validate_on_submit():
        person = perform(lambda: services.create_person(**_person_values(form)),
                         lambda person: f"{person.full_name} {gendered(person, 'добавлен', 'добавлена')} в список "
                                        "людей.", form)
        if person:
            return redirect(url_for("people.person_view", person_id=person.id))
    return render_template("people/person_form.html", form=form, person=None)


@bp.route("/<int:person_id>")
@role_required(*READ_ROLES)
def person_view(person_id):
    person = get_for_user_or_403(Person, person_id, current_user)
    return render_template("people/person_view.html", person=person, today=local_today(),
                           sections=sections_for(person), confirm=ConfirmForm())


@bp.route("/<int:person_id>/edit", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def person_edit(person_id):
    person = get_for_user_or_403(Person, person_id, current_user, "edit")
    form = PersonForm(obj=person)
    form.set_organisation_choices(organisations.offered(person.organisation))
    if request.method == "GET":
        form.gender.data = str(person.gender)
        form.category.data = str(person.category)
        form.organisation.data = str(person.organisation_id or "")
    if form.validate_on_submit() and perform(lambda: services.update_person(person, **_person_values(form)),
                                             "Изменения сохранены.", form):
        return redirect(url_for("people.person_view", person_id=person.id))
    return render_template("people/person_form.html", form=form, person=person)


@bp.route("/<int:person_id>/name-forms", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def person_name_forms(person_id):
    person = get_for_user_or_403(Person, person_id, current_user, "edit")
    return name_forms_page(person, name=person.full_name, title="Склонение ФИО в документах",
                           back=url_for("people.person_view", person_id=person.id))


@bp.route("/<int:person_id>/representatives/new", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def representative_new(person_id):
    person = get_for_user_or_403(Person, person_id, current_user, "edit")
    form = RepresentativeForm()
    if request.method == "GET":
        form.last_name.data = person.last_name
    if form.validate_on_submit() and perform(
            lambda: services.add_representative(person, **_representative_values(form)),
            "Законный представитель добавлен.", form):
        return redirect(url_for("people.person_view", person_id=person.id))
    return render_template("people/representative_form.html", form=form, person=person, representative=None)


@bp.route("/<int:person_id>/representatives/<int:representative_id>/edit", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def representative_edit(person_id, representative_id):
    person, representative = _representative(person_id, representative_id)
    form = RepresentativeForm(obj=representative)
    if request.method == "GET":
        form.gender.data = str(representative.gender)
        form.relation.data = str(representative.relation)
    if form.validate_on_submit() and perform(
            lambda: services.update_representative(representative, **_representative_values(form)),
            "Изменения сохранены.", form):
        return redirect(url_for("people.person_view", person_id=person.id))
    return render_template("people/representative_form.html", form=form, person=person,
                           representative=representative)


@bp.route("/<int:person_id>/representatives/<int:representative_id>/name-forms", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def representative_name_forms(person_id, representative_id):
    person, representative = _representative(person_id, representative_id)
    return name_forms_page(representative, name=representative.full_name,
                           title="Склонение ФИО законного представителя",
                           back=url_for("people.person_view", person_id=person.id))


@bp.route("/<int:person_id>/representatives/<int:representative_id>/delete", methods=["POST"])
@role_required(*EDIT_ROLES)
def representative_delete(person_id, representative_id):
    person, representative = _representative(person_id, representative_id)
    if ConfirmForm().validate_on_submit():
        perform(lambda: services.remove_representative(representative), "Законный представитель удалён.")
    return redirect(url_for("people.person_view", person_id=person.id))


def _representative(person_id, representative_id):
    person = get_for_user_or_403(Person, person_id, current_user, "edit")
    representative = get_or_404(LegalRepresentative, representative_id)
    if representative.person_id != person.id:
        abort(404)
    return person, representative


def _person_values(form):
    organisation = organisations.get(int(form.organisation.data)) if form.organisation.data else None
    return {"last_name": form.last_name.data, "first_name": form.first_name.data,
            "middle_name": form.middle_name.data, "gender": form.gender.data, "birth_date": form.birth_date.data,
            "category": form.category.data, "study_group": form.study_group.data, "position": form.position.data,
            "organisation": organisation, "phone": form.phone.data, "email": form.email.data,
            "confirm_duplicate": form.confirm_duplicate.data}


def _representative_values(form):
    return {"last_name": form.last_name.data, "first_name": form.first_name.data,
            "middle_name": form.middle_name.data, "gender": form.gender.data, "relation": form.relation.data,
            "phone": form.phone.data, "email": form.email.data}
