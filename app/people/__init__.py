"""People of the program and the legal representatives of minors (4.11)."""
from flask import Blueprint

from app.audit.actions import register_action
from app.core.navigation import register_nav
from app.people.access import READ_ROLES

bp = Blueprint("people", __name__, url_prefix="/people")

register_nav("Люди", "people.person_list", roles=READ_ROLES, group="Базы", order=220, active_prefix="people.")

for code, label in [
    ("person_created", "Добавлен человек в базу"),
    ("person_updated", "Изменены данные человека"),
    ("name_forms_changed", "Изменены формы ФИО для документов"),
    ("representative_added", "Добавлен законный представитель"),
    ("representative_updated", "Изменён законный представитель"),
    ("representative_removed", "Удалён законный представитель"),
]:
    register_action(code, label)

from app.audit.vocabulary import register_values  # noqa: E402
from app.people import routes  # noqa: E402,F401
from app.people.categories import MenteeCategory, MentorCategory, PersonCategory  # noqa: E402
from app.people.models import Relation  # noqa: E402

register_values("category", {member.value: member.label for member in PersonCategory})
register_values("relation", {member.value: member.label for member in Relation})
for _key, _enum in (("mentee_categories", MenteeCategory), ("mentor_categories", MentorCategory)):
    register_values(_key, {member.value: member.label for member in _enum})
