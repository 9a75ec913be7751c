"""The administrator's settings page, grouped by section."""
from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from app.core.errors import RuleError
from app.core.permissions import role_required
from app.core.roles import Role
from app.extensions import db
from app.settings import bp, services
from app.settings.registry import SPECS
from forms.settings import field_name, settings_form_class


@bp.route("/", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit():
    specs = list(SPECS.values())
    form_class = settings_form_class(specs)
    form = form_class(data={field_name(spec.key): services.get(spec.key) for spec in specs})
    if form.validate_on_submit():
        values = {spec.key: form[field_name(spec.key)].data for spec in specs}
        try:
            changed = services.update(values, actor=current_user._get_current_object())
        except RuleError as error:
            db.session.rollback()
            form.apply_rule_error(error) or flash(str(error), "danger")
        else:
            db.session.commit()
            flash("Настройки сохранены." if changed else "Изменений нет.", "success")
            return redirect(url_for("settings.edit"))
    sections = {}
    for spec in specs:
        sections.setdefault(spec.section, []).append(form[field_name(spec.key)])
    return render_template("settings/edit.html", form=form, sections=sections)
