"""Individual plans, typical plans and meetings: their tables, menu entries, audited actions, papers and pages
(imported once from the package's __init__)."""
from app.audit.actions import register_action, register_target
from app.audit.vocabulary import register_fields, register_values
from app.core.navigation import register_nav
from app.core.roles import Role
from app.pairs import plan_models  # noqa: F401  (the tables, for Alembic and create_all)
from app.pairs.models import MANAGE_ROLES, READ_ROLES
from app.pairs.plan_models import MeetingFormat, MeetingKind, PlanItemStatus
from app.people.sections import PersonSection, register_person_section
from app.programs.sections import YearSection, register_year_section

register_nav("Мои пары", "pairs.my_pairings", roles=[Role.MENTOR], group="Программа", order=90,
             active_prefix="pairs.my_")
register_nav("Встречи", "pairs.meeting_list", roles=READ_ROLES,
             group="Базы", order=225, active_prefix="pairs.meeting_")
register_nav("Типовые планы", "pairs.typical_plan_list", roles=MANAGE_ROLES, group="Базы",
             order=226, active_prefix="pairs.typical_plan")

for code, label in [
    ("plan_started", "Составлен индивидуальный план (из типового плана формы)"),
    ("plan_updated", "Изменены цели индивидуального плана"),
    ("plan_item_added", "В индивидуальный план добавлено мероприятие"),
    ("plan_item_updated", "Изменено мероприятие индивидуального плана"),
    ("plan_item_deleted", "Из индивидуального плана удалено мероприятие"),
    ("plan_printed", "Распечатан индивидуальный план"),
    ("typical_plan_saved", "Изменён типовой план формы наставничества"),
    ("meeting_logged", "Записана встреча"),
    ("meeting_deleted", "Удалена запись о встрече"),
]:
    register_action(code, label)
register_target("individual_plan", "индивидуальный план")
register_target("meeting", "встреча")
register_fields({"attendees": "присутствовали", "held_on": "дата встречи", "meeting_kind": "вид встречи",
                 "pairings": "пар (групп)", "topic": "тема", "plan_item_status": "статус мероприятия",
                 "task": "мероприятие", "items": "мероприятий", "pairing": "пара (группа)"})
register_values("plan_item_status", {member.value: member.label for member in PlanItemStatus})
register_values("meeting_kind", {member.value: member.label for member in MeetingKind})
register_values("meeting_format", {member.value: member.label for member in MeetingFormat})

from app.pairs import meeting_routes, plan_kinds, plan_prefill, plan_queries, plan_routes  # noqa: E402,F401

register_person_section(PersonSection("pairs/_person_plans.html", place="side", order=160,
                                      data=plan_queries.person_plans))
register_year_section(YearSection("pairs/_year_progress.html", order=100, data=plan_queries.year_progress))
