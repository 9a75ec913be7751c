"""Expected access: pairs and groups. Everyone who reads the bases sees them; the curator alone forms and changes
them (as he pairs in the bases, 5.1); the orders he prepares are issued by the secretary in the register."""
from app.core.roles import Role
from tests.access.rules import NOT_REFUSED, Access, roles

READ = roles(Role.CURATOR, Role.STAFF, Role.SECRETARY, Role.DIRECTOR)
CURATOR = roles(Role.CURATOR)


def post(path, who):
    return Access(path, who, method="POST", allowed_status=NOT_REFUSED)


RULES = {
    "pairs.pairing_list": Access("/pairs/", READ),
    "pairs.pairing_new": Access("/pairs/new?kind=group", CURATOR),
    "pairs.pairing_view": Access("/pairs/{pairing_id}", READ),
    "pairs.pairing_start": post("/pairs/{pairing_id}/start", CURATOR),
    "pairs.pairing_complete": post("/pairs/{pairing_id}/complete", CURATOR),
    "pairs.pairing_undo": post("/pairs/{pairing_id}/undo", CURATOR),
    "pairs.pairing_add_member": post("/pairs/{pairing_id}/members", CURATOR),
    "pairs.agreement_print": post("/pairs/{pairing_id}/agreements/{pairing_agreement_id}/print", CURATOR),
    "pairs.pairing_extend": Access("/pairs/{pair_id}/extend", CURATOR),
    "pairs.pairing_end_early": Access("/pairs/{pair_id}/end-early", CURATOR),
    "pairs.pairing_replace": Access("/pairs/{pair_id}/replace", CURATOR),
}


def seed(world):
    """A forming group of a registered mentor with two mentees, and a pair."""
    from app.extensions import db
    from app.pairs import services
    from app.programs.models import ProgramYear
    from tests import factories

    year = db.session.get(ProgramYear, world["year_id"]) if "year_id" in world else factories.make_year()
    mentor = factories.make_mentor(year=year)
    mentees = [factories.make_mentee(year=year, papers=True) for _ in range(3)]
    group = services.form_group(mentor, mentees[:2], starts_on=factories.ENTRY, planned_end_on=year.end_date)
    pair = services.form_pair(mentees[2], mentor)
    db.session.commit()
    world.update(pairing_id=group.id, pairing_agreement_id=group.agreements[0].id, pair_id=pair.id)
