"""The administrator's settings page, grouped by section."""
from flask import redirect, render_template, url_for
from flask_login import current_user

from app.core.actions import perform
from app.core.permissions import role_required
from app.core.roles import Role
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
        changed = perform(lambda: services.update(values, actor=current_user._get_current_object()),
                          lambda changed: "Настройки сохранены." if changed else "Изменений нет.", form)
        if changed is not None:
            return redirect(url_for("settings.edit"))
    sections = {}
    for spec in specs:
        field = form[field_name(spec.key)]
        if spec.derived_from is not None:
            field.description = f"По правилу: «{services.automatic(spec.key)}». {spec.description}"
        sections.setdefault(spec.section, []).append(field)
    return render_template("settings/edit.html", form=form, sections=sections)
