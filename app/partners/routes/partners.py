"""Partner organisations: list, card, form, the head's case forms, the list of partners of 8.4."""
from flask import redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select

from app.bases.models import MentorParticipation
from app.core.actions import perform
from app.core.formatting import local_today
from app.core.pagination import paginate
from app.core.permissions import get_for_user_or_403, role_required
from app.core.search import contains_pattern
from app.core.sorting import apply_sort
from app.extensions import db
from app.partners import agreements, bp, services
from app.partners.models import PartnerOrganisation
from app.people.access import EDIT_ROLES, READ_ROLES
from app.people.models import Person
from app.people.name_forms import name_forms_page
from app.programs.services import current_year, years_newest_first
from forms.partners import PartnerForm

SORTS = {"name": (PartnerOrganisation.short_name,), "created": (PartnerOrganisation.created_at,)}


@bp.route("/")
@role_required(*READ_ROLES)
def partner_list():
    query = select(PartnerOrganisation)
    search = request.args.get("q", "").strip()[:100]
    if search:
        query = query.where(PartnerOrganisation.search_name.like(contains_pattern(search), escape="\\"))
    state = request.args.get("state", "")
    if state in ("active", "former"):
        query = query.where(PartnerOrganisation.active.is_(state == "active"))
    query, sort = apply_sort(query, request.args.get("sort"), SORTS, "name", PartnerOrganisation.id)
    page = paginate(query)
    partner_ids = [partner.id for partner in page.items]
    return render_template("partners/partner_list.html", page=page, search=search, state=state, sort=sort,
                           mentor_counts=_mentor_counts(partner_ids),
                           summaries=agreements.agreement_summaries(partner_ids))


@bp.route("/social-partners")
@role_required(*READ_ROLES)
def published_list():
    """8.4: the list of social partners taking part in the year's program, as the college's site shows it."""
    years = years_newest_first()
    year = next((y for y in years if str(y.id) == request.args.get("year")), None) or current_year()
    rows = services.social_partners_of(year) if year is not None else []
    return render_template("partners/published_list.html", rows=rows, year=year,
                           year_options=[(y.id, y.title) for y in years])


@bp.route("/new", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def partner_new():
    form = PartnerForm()
    if form.validate_on_submit():
        partner = perform(lambda: services.create_partner(**form.values()),
                          lambda partner: f"Организация {partner.short_name} добавлена.", form)
        if partner:
            return redirect(url_for("partners.partner_view", partner_id=partner.id))
    return render_template("partners/partner_form.html", form=form, partner=None)


@bp.route("/<int:partner_id>")
@role_required(*READ_ROLES)
def partner_view(partner_id):
    partner = get_for_user_or_403(PartnerOrganisation, partner_id, current_user)
    employees = list(db.session.scalars(
        select(Person).where(Person.organisation_id == partner.id).order_by(Person.search_name)))
    participations = {}
    if employees:
        for mentor in db.session.scalars(select(MentorParticipation).where(
                MentorParticipation.person_id.in_([person.id for person in employees]))):
            participations.setdefault(mentor.person_id, []).append(mentor)
    return render_template("partners/partner_view.html", partner=partner, employees=employees,
                           participations=participations,
                           agreements=agreements.agreements_of([partner.id]).get(partner.id, []), today=local_today())


@bp.route("/<int:partner_id>/edit", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def partner_edit(partner_id):
    partner = get_for_user_or_403(PartnerOrganisation, partner_id, current_user, "edit")
    form = PartnerForm(obj=partner)
    if request.method == "GET":
        form.head_gender.data = str(partner.head_gender)
    if form.validate_on_submit() and perform(lambda: services.update_partner(partner, **form.values()),
                                             "Изменения сохранены.", form):
        return redirect(url_for("partners.partner_view", partner_id=partner.id))
    return render_template("partners/partner_form.html", form=form, partner=partner)


@bp.route("/<int:partner_id>/head-name-forms", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def head_name_forms(partner_id):
    partner = get_for_user_or_403(PartnerOrganisation, partner_id, current_user, "edit")
    return name_forms_page(partner, attribute="head_name_forms", name=partner.head.full_name, person=partner.head,
                           title=f"Склонение ФИО руководителя: {partner.short_name}",
                           back=url_for("partners.partner_view", partner_id=partner.id))


def _mentor_counts(partner_ids):
    """Mentors of each partner on the page, all years together: one query whatever the page holds."""
    if not partner_ids:
        return {}
    rows = db.session.execute(
        select(Person.organisation_id, func.count(func.distinct(MentorParticipation.person_id)))
        .join(MentorParticipation, MentorParticipation.person_id == Person.id)
        .where(Person.organisation_id.in_(partner_ids)).group_by(Person.organisation_id))
    return dict(rows.all())
