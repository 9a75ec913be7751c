"""The selection of mentors and the curator (4.13, Приложение 1)."""
from flask import Blueprint

from app.audit.actions import register_action, register_target
from app.core.navigation import register_nav
from app.core.roles import Role

bp = Blueprint("selection", __name__)

register_nav("Критерии отбора", "selection.criteria_list", roles=[Role.ADMIN], group="Администрирование", order=906,
             active_prefix="selection.criteri")
register_action("criterion_created", "Добавлен критерий отбора наставников")
register_action("criterion_updated", "Изменён критерий отбора наставников")
register_target("selection_criterion", "критерий отбора")

from app.selection import routes  # noqa: E402,F401
