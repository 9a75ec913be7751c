"""Settings the administrator keeps: the college's details and what domains declare."""
from flask import Blueprint

from app.core.navigation import register_nav
from app.core.roles import Role

bp = Blueprint("settings", __name__, url_prefix="/admin/settings")

register_nav("Настройки", "settings.edit", roles=[Role.ADMIN], group="Администрирование", order=910)

from app.audit.vocabulary import register_field_resolver, register_value_resolver  # noqa: E402
from app.settings import registry, routes  # noqa: E402,F401  (registry: the college's own settings)


def _setting_label(key):
    spec = registry.SPECS.get(key)
    return spec.label if spec else None


def _setting_value(key, value):
    """A choice setting's value by its word («женский»), not its code."""
    spec = registry.SPECS.get(key)
    return dict(spec.choices).get(value) if spec and spec.choices else None


register_field_resolver(_setting_label)
register_value_resolver(_setting_value)
