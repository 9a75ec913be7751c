"""The papers of 4.11 a participant or his parent signs: consents to personal-data processing, participation
applications; printed from the cards, signed, scanned back, withdrawn."""
from flask import Blueprint

from app.audit.actions import register_action, register_target

bp = Blueprint("consents", __name__, url_prefix="/consents")

register_action("consent_printed", "Распечатано согласие или заявление участника (п. 4.11)")
register_action("consent_withdrawn", "Отозвано согласие на обработку персональных данных")
register_target("consent", "согласие (заявление) участника")

from app.audit.vocabulary import register_values  # noqa: E402
from app.consents import kinds, prefill, routes  # noqa: E402,F401
from app.consents.models import ConsentKind, ParticipantRole  # noqa: E402

register_values("kind", {member.value: member.label for member in ConsentKind})
register_values("role", {member.value: member.label for member in ParticipantRole})
