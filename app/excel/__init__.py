"""Excel import and export of the people, mentee and mentor bases."""
from flask import Blueprint

from app.audit.actions import register_action
from app.core.navigation import register_nav
from app.people.access import EDIT_ROLES

bp = Blueprint("excel", __name__, url_prefix="/excel")

register_nav("Загрузка из Excel", "excel.import_upload", roles=EDIT_ROLES, group="Базы", order=240,
             active_prefix="excel.import")

register_action("import_uploaded", "Загружен файл для импорта")
register_action("import_done", "Выполнен импорт из Excel")
register_action("import_discarded", "Отменён импорт из Excel")
register_action("base_exported", "Выгрузка базы в Excel")

from app.audit.vocabulary import register_values  # noqa: E402
from app.excel.models import ImportKind  # noqa: E402

register_values("kind", {member.value: member.label for member in ImportKind})
register_values("base", {member.value: member.label for member in ImportKind})

from app.excel import routes  # noqa: E402,F401
