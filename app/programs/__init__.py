"""The program year (4.9 stages, the forms it runs) and the forms of mentorship (4.1) as records."""
from flask import Blueprint

from app.audit.actions import register_action
from app.core.navigation import register_nav
from app.core.roles import Role
from app.people.access import READ_ROLES

bp = Blueprint("programs", __name__)

register_nav("Учебные годы", "programs.year_list", roles=READ_ROLES, group="Программа", order=100,
             active_prefix="programs.year")
register_nav("Формы наставничества", "programs.form_list", roles=[Role.ADMIN], group="Администрирование", order=905,
             active_prefix="programs.form")

for code, label in [
    ("program_year_created", "Открыт учебный год программы"),
    ("program_year_updated", "Изменён учебный год программы"),
    ("program_year_current", "Выбран текущий учебный год"),
    ("program_stage_changed", "Сменён этап программы (п. 4.9)"),
    ("program_year_closed", "Учебный год программы завершён"),
    ("program_year_reopened", "Учебный год программы открыт заново"),
    ("mentorship_form_created", "Добавлена форма наставничества"),
    ("mentorship_form_updated", "Изменена форма наставничества"),
]:
    register_action(code, label)

from app.audit.vocabulary import register_values  # noqa: E402
from app.programs import routes  # noqa: E402,F401
from app.programs.models import ProgramStage, ProgramYearStatus  # noqa: E402

register_values("status", {member.value: member.label for member in ProgramYearStatus})
register_values("stage", {member.value: member.label for member in ProgramStage})
