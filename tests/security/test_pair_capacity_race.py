"""4.6 under attack: two curators forming pairs with the same mentor at the same moment can never give him a third
mentee. ``race`` holds the first request at the 4.6 count until the second arrives; the lock on the mentor
(app.pairs.services.lock_mentor) keeps the second out of the count until the first commits."""
from datetime import date

import pytest
from sqlalchemy import func, select

from app.core.roles import Role
from app.extensions import db
from app.pairs import rules, services
from app.pairs.models import PairingMember
from tests.factories import ENTRY
from tests.helpers import page_text
from tests.security.concurrency import concurrently


@pytest.mark.postgres_only
@pytest.mark.real_commits
def test_two_curators_at_once_cannot_give_a_mentor_a_third_mentee_4_6(app, make_user, race, bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    services.form_pair(bases_world.mentee(year=year, papers=True), mentor)
    db.session.commit()
    waiting = [bases_world.mentee(year=year, papers=True) for _ in range(2)]
    curator = make_user(Role.CURATOR, email="race-curator@security.test")
    mentor_id, year_id, ids = mentor.id, year.id, [mentee.id for mentee in waiting]
    race(rules, "mentor_intervals")

    def form(mentee_id):
        return lambda client: client.post(f"/pairs/new?kind=pair&year={year_id}", data={
            "mentor": str(mentor_id), "mentee": str(mentee_id), "starts_on": ENTRY.isoformat(),
            "planned_end_on": date(2027, 5, 31).isoformat()})

    responses = concurrently(app, curator, [form(ids[0]), form(ids[1])])
    assert sorted(response.status_code for response in responses) == [200, 302]
    refused = next(page_text(response) for response in responses if response.status_code == 200)
    assert "не более двух наставляемых одновременно" in refused and "п. 4.6" in refused
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(PairingMember)) == 2
