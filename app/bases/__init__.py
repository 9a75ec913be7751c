"""The mentee base (Приложение 3) and the mentor base (Приложение 4), with the pairs between them."""
from flask import Blueprint

from app.audit.actions import register_action
from app.audit.vocabulary import register_values
from app.bases.models import MenteeParticipation, MenteeStatus, MentorParticipation, MentorStatus
from app.bases.queries import person_in_bases
from app.core.navigation import register_nav
from app.people.access import READ_ROLES
from app.people.categories import MenteeCategory, MentorCategory
from app.people.sections import PersonSection, register_person_section
from app.programs.participants import Participants, register_participants

bp = Blueprint("bases", __name__, url_prefix="/bases")

register_nav("База наставляемых", "bases.mentee_list", roles=READ_ROLES, group="Базы", order=200,
             active_prefix="bases.mentee")
register_nav("База наставников", "bases.mentor_list", roles=READ_ROLES, group="Базы", order=210,
             active_prefix="bases.mentor")

for code, label in [
    ("mentee_added", "Добавлен в базу наставляемых"),
    ("mentee_updated", "Изменена запись базы наставляемых"),
    ("mentee_status_changed", "Изменён статус наставляемого"),
    ("mentor_added", "Добавлен в базу наставников"),
    ("mentor_updated", "Изменена запись базы наставников"),
    ("mentor_status_changed", "Изменён статус наставника"),
    ("mentor_linked", "Назначен наставник (сформирована пара)"),
    ("mentor_unlinked", "Снят наставник"),
]:
    register_action(code, label)

register_values("status", {member.value: member.label for member in (*MenteeStatus, *MentorStatus)})
register_values("category", {member.value: member.label for member in (*MenteeCategory, *MentorCategory)})

register_participants(Participants("mentee", MenteeParticipation))
register_participants(Participants("mentor", MentorParticipation))
register_person_section(PersonSection("bases/_person.html", place="side", data=person_in_bases))

from app.bases import kinds, prefill, routes  # noqa: E402,F401
