"""Settings the administrator keeps: the college's details and what domains declare."""
from flask import Blueprint

from app.core.navigation import register_nav
from app.core.roles import Role

bp = Blueprint("settings", __name__, url_prefix="/admin/settings")

register_nav("Настройки", "settings.edit", roles=[Role.ADMIN], group="Администрирование", order=910)

from app.settings import registry, routes  # noqa: E402,F401  (registry: the college's own settings)
