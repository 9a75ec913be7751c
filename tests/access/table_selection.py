"""Expected access: the criteria of Приложение 1 (the administrator keeps them, the curator reads them)."""
from app.core.roles import Role
from tests.access.rules import NOT_REFUSED, Access, roles

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
    seed_commission(world)


SELECTION_VIEWERS = roles(Role.SECRETARY, Role.DIRECTOR, Role.CURATOR, Role.COMMISSION)

RULES.update({
    "selection.commission_view": Access("/selection/commission", SELECTION_VIEWERS),
    "selection.commission_new": Access("/selection/commission/new?year={year_id}", roles(Role.SECRETARY)),
    "selection.meeting_new": Access("/selection/commission/{commission_id}/meetings/new", roles(Role.SECRETARY)),
    # Each matrix user holds one role: the commission member is on the composition, so he may look.
    "selection.meeting_view": Access("/selection/meetings/{meeting_id}", SELECTION_VIEWERS),
    "selection.meeting_attendance": Access("/selection/meetings/{meeting_id}/attendance", roles(Role.SECRETARY),
                                           method="POST", allowed_status=NOT_REFUSED),
    "selection.meeting_close": Access("/selection/meetings/{meeting_id}/close", roles(Role.SECRETARY),
                                      method="POST", allowed_status=NOT_REFUSED),
})


def seed_commission(world):
    """A composition of the matrix's director, curator and commission member, with one open meeting."""
    from datetime import date

    from app.extensions import db
    from app.programs.services import current_year
    from app.selection import commission
    from app.selection.models import CommissionRole
    from tests.factories import make_year

    users = world["users"]
    director = world["make_user"](Role.DIRECTOR, Role.COMMISSION, email="chair@matrix.test")
    curator = world["make_user"](Role.CURATOR, Role.COMMISSION, email="curator-member@matrix.test")
    for user in (director, curator, users[Role.COMMISSION]):
        user.position = "преподаватель"
    year = current_year() or make_year()
    composition = commission.form_commission(
        year, [(director, CommissionRole.CHAIR), (curator, CommissionRole.MEMBER),
               (users[Role.COMMISSION], CommissionRole.MEMBER)],
        order_date=date(2026, 9, 1), selection_deadline=date(2026, 9, 25), actor=users[Role.SECRETARY])
    meeting = commission.open_meeting(composition, meeting_date=date(2026, 9, 20), actor=users[Role.SECRETARY],
                                      present_users=[director, curator, users[Role.COMMISSION]])
    db.session.commit()
    world.update(year_id=year.id, commission_id=composition.id, meeting_id=meeting.id)
