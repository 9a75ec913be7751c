"""The administrator keeps the criteria of Приложение 1; the curator reads them."""
from flask import redirect, render_template, url_for
from flask_login import current_user

from app.core.actions import perform
from app.core.permissions import get_or_404, role_required
from app.core.roles import Role
from app.extensions import db
from app.programs.models import MentorshipForm
from app.programs.services import all_forms
from app.selection import bp, services
from app.selection.models import CriterionScope, SelectionCriterion
from forms.base import choices
from forms.selection import CriterionForm


@bp.route("/admin/selection-criteria/")
@role_required(Role.ADMIN, Role.CURATOR)
def criteria_list():
    criteria = services.all_criteria()
    sections = [(f"{CriterionScope.COMMON.label[0].upper()}{CriterionScope.COMMON.label[1:]} (для всех кандидатов)",
                 [c for c in criteria if c.scope == CriterionScope.COMMON])]
    for form in all_forms():
        sections.append((f"Форма «{form.name}»", [c for c in criteria if c.mentorship_form_id == form.id]))
    sections.append(("Куратор: дополнительно к критериям формы «преподаватель – преподаватель»",
                     [c for c in criteria if c.scope == CriterionScope.CURATOR]))
    return render_template("selection/criteria_list.html", sections=sections)


@bp.route("/admin/selection-criteria/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def criterion_new():
    return _criterion_page(None)


@bp.route("/admin/selection-criteria/<int:criterion_id>/edit", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def criterion_edit(criterion_id):
    return _criterion_page(get_or_404(SelectionCriterion, criterion_id))


def _criterion_page(criterion):
    form = CriterionForm(obj=criterion)
    form.mentorship_form.choices = choices([("", "—")] + [(f.id, f.name) for f in all_forms()])
    if criterion is not None and not form.is_submitted():
        form.mentorship_form.data = str(criterion.mentorship_form_id or "")
    if form.validate_on_submit():
        chosen = form.mentorship_form.data
        mentorship_form = db.session.get(MentorshipForm, int(chosen)) if chosen and chosen.isdigit() else None
        if perform(lambda: services.save_criterion(
                criterion, scope=form.scope.data, text=form.text.data, mentorship_form=mentorship_form,
                group=form.group.data, position=form.position.data, active=form.active.data,
                actor=current_user._get_current_object()), "Критерий сохранён.", form):
            return redirect(url_for("selection.criteria_list"))
    return render_template("selection/criterion_form.html", form=form, criterion=criterion)
