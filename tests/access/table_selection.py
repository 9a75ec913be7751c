"""Expected access: the criteria of Приложение 1 (the administrator keeps them, the curator reads them)."""
from app.core.roles import Role
from tests.access.rules import Access, roles

RULES = {
    "selection.criteria_list": Access("/admin/selection-criteria/", roles(Role.ADMIN, Role.CURATOR)),
    "selection.criterion_new": Access("/admin/selection-criteria/new", roles(Role.ADMIN)),
    "selection.criterion_edit": Access("/admin/selection-criteria/{criterion_id}/edit", roles(Role.ADMIN)),
}


def seed(world):
    from app.extensions import db
    from app.selection.models import SelectionCriterion
    from app.selection.services import ensure_standard_criteria

    ensure_standard_criteria()
    db.session.commit()
    world["criterion_id"] = db.session.scalar(db.select(SelectionCriterion.id).limit(1))
