"""Partner organisations: details, signatory, contact person, their mentors; the list of 8.4."""
from flask import Blueprint

from app.audit.actions import register_action, register_target
from app.core.navigation import register_nav
from app.people.access import READ_ROLES
from app.people.organisations import Organisations, register_organisations

bp = Blueprint("partners", __name__, url_prefix="/partners")

register_nav("Организации-партнёры", "partners.partner_list", roles=READ_ROLES, group="Базы", order=230,
             active_prefix="partners.")

register_action("partner_created", "Добавлена организация-партнёр")
register_action("partner_updated", "Изменена организация-партнёр")
register_action("agreement_created", "Введено соглашение о наставничестве (проект)")
register_action("agreement_updated", "Изменён проект соглашения о наставничестве")
register_action("agreement_printed", "Распечатано соглашение о наставничестве с номером")
register_action("agreement_terminated", "Расторгнуто соглашение о наставничестве")
register_target("agreement", "соглашение о наставничестве")

from app.partners import kinds, prefill, routes, services  # noqa: E402,F401

register_organisations(Organisations(listing=services.partner_listing, offered=services.offered_partners,
                                     get=services.get_partner))

from app.audit.vocabulary import register_values  # noqa: E402
from app.partners.models import AgreementStatus  # noqa: E402

register_values("status", {member.value: member.label for member in AgreementStatus})
