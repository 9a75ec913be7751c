"""Partner organisations: details, signatory, contact person, their mentors; the list of 8.4."""
from flask import Blueprint

from app.audit.actions import register_action
from app.core.navigation import register_nav
from app.people.access import READ_ROLES

bp = Blueprint("partners", __name__, url_prefix="/partners")

register_nav("Организации-партнёры", "partners.partner_list", roles=READ_ROLES, group="Базы", order=230,
             active_prefix="partners.")

register_action("partner_created", "Добавлена организация-партнёр")
register_action("partner_updated", "Изменена организация-партнёр")

from app.partners import routes  # noqa: E402,F401
