"""Expected access: individual plans, typical plans, meetings. The bases' readers see a pairing's plan and meetings;
the curator updates them and so does the pairing's own mentor — an account holding the mentor's role, linked to his
card (the matrix's mentor is linked to the mentor of ``own_pairing_id``); the curator keeps the typical plans and
records the group meetings. A mentor's access to another's pairing is refused in tests/pairs/test_mentor_access.py."""
from app.core.roles import Role
from tests.access.rules import NOT_REFUSED, Access, roles

READ = roles(Role.CURATOR, Role.STAFF, Role.SECRETARY, Role.DIRECTOR)
SEE = READ | {Role.MENTOR}
CURATOR = roles(Role.CURATOR)
WORK = roles(Role.CURATOR, Role.MENTOR)


def post(path, who):
    return Access(path, who, method="POST", allowed_status=NOT_REFUSED)


RULES = {
    "pairs.my_pairings": Access("/pairs/mine", roles(Role.MENTOR)),
    "pairs.plan_view": Access("/pairs/{own_pairing_id}/plan", SEE),
    "pairs.plan_start": post("/pairs/{own_pairing_id}/plan/start", WORK),
    "pairs.plan_item_new": Access("/pairs/{own_pairing_id}/plan/items/new", WORK),
    "pairs.plan_item_edit": Access("/pairs/{own_pairing_id}/plan/items/{plan_item_id}", WORK),
    "pairs.plan_item_delete": post("/pairs/{own_pairing_id}/plan/items/{plan_item_id}/delete", WORK),
    "pairs.plan_print": post("/pairs/{own_pairing_id}/plan/print", CURATOR),
    "pairs.typical_plan_list": Access("/pairs/typical-plans/", CURATOR),
    "pairs.typical_plan_edit": Access("/pairs/typical-plans/{form_id}", CURATOR),
    "pairs.pairing_meetings": Access("/pairs/{own_pairing_id}/meetings", SEE),
    "pairs.meeting_list": Access("/pairs/meetings/", SEE),
    "pairs.meeting_new_group": Access("/pairs/meetings/new", CURATOR),
    "pairs.meeting_view": Access("/pairs/meetings/{pair_meeting_id}", SEE),
    "pairs.meeting_delete": post("/pairs/meetings/{pair_meeting_id}/delete", CURATOR),
}


def seed(world):
    """A pair whose mentor is the matrix's mentor account (linked to his card), its plan and its first meeting."""
    from datetime import date

    from app.accounts import services as accounts
    from app.extensions import db
    from app.pairs import meetings, plans, services
    from app.programs.models import ProgramYear
    from tests import factories

    year = db.session.get(ProgramYear, world["year_id"]) if "year_id" in world else factories.make_year()
    plans.ensure_typical_plans(year.forms)
    mentor = factories.make_mentor(year=year)
    mentee = factories.make_mentee(year=year, papers=True)
    pairing = services.form_pair(mentee, mentor, starts_on=factories.ENTRY, planned_end_on=date(2027, 5, 31))
    accounts.link_person(world["users"][Role.MENTOR], mentor.person)
    plan = plans.start_plan(pairing)
    meeting = meetings.log_meeting(kind="first", pairings=[pairing], held_on=date(2026, 9, 20), topic="Знакомство",
                                   attendee_ids={mentor.person_id, mentee.person_id})
    db.session.commit()
    world.update(own_pairing_id=pairing.id, plan_item_id=plan.items[0].id, pair_meeting_id=meeting.id,
                 form_id=world.get("form_id", year.forms[0].id))
