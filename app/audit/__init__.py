"""The audit log of logins and changes, for the administrator."""
from flask import Blueprint

from app.core.navigation import register_nav
from app.core.roles import Role

bp = Blueprint("audit", __name__, url_prefix="/admin/audit")

register_nav("Журнал аудита", "audit.event_list", roles=[Role.ADMIN], group="Администрирование", order=920)

from app.audit import routes  # noqa: E402,F401
from app.audit.vocabulary import field_label, value_text  # noqa: E402


@bp.app_template_global("audit_field")
def _audit_field(key):
    return field_label(key)


@bp.app_template_global("audit_value")
def _audit_value(key, value):
    return value_text(key, value)
