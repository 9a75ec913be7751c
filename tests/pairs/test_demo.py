"""The demo college's pairs: a partner employee's group of four started with everyone's signed agreement (4.6), a
pair extended by an issued order past a calendar year (4.7), no mentor with more than two mentees in pairs."""
from sqlalchemy import select

from app.documents.links import PaperState
from app.extensions import db
from app.pairs.models import Pairing, PairingKind, PairingState
from app.pairs.rules import max_simultaneous, mentor_intervals
from tests.helpers import page_text


def test_the_demo_colleges_pairs(demo_college, client, auth, make_user):
    assert demo_college.result.exit_code == 0, demo_college.result.output
    pairings = db.session.scalars(select(Pairing)).all()
    [group] = [p for p in pairings if p.kind == PairingKind.GROUP]
    assert group.state == PairingState.ACTIVE and len(group.mentees) == 4
    assert all(agreement.printed_state == PaperState.SIGNED for agreement in group.agreements)
    [extended] = [p for p in pairings if p.extended]
    assert extended.planned_end_on > extended.starts_on.replace(year=extended.starts_on.year + 1)
    assert extended.mentees[0].end_date == extended.planned_end_on
    for person_id in {p.mentor.person_id for p in pairings if p.kind == PairingKind.PAIR}:
        intervals = [interval for interval, _ in mentor_intervals(person_id)]
        assert max_simultaneous(intervals, (min(i[0] for i in intervals), max(i[1] for i in intervals))) <= 2
    from app.core.roles import Role
    auth.login_as(make_user(Role.CURATOR))
    text = page_text(client.get("/pairs/?year=all"))
    assert "группа" in text and f"Всего: {len(pairings)}" in text
