"""A mentor with an account linked to his card: his own pairings only (plans, marks, meetings) — never another's."""
from datetime import date

import pytest

from app.accounts import services as accounts
from app.core.roles import Role
from app.extensions import db
from app.pairs import meetings, plans, services
from app.pairs.plan_models import PlanItemStatus
from tests.factories import ENTRY
from tests.helpers import page_text


@pytest.fixture
def two_pairs(bases_world, make_user):
    """Two pairs of two mentors, each with a plan and a first meeting; the first mentor has an account."""
    year = bases_world.year()
    plans.ensure_typical_plans(year.forms)
    pairs = []
    for _ in range(2):
        mentor, mentee = bases_world.mentor(year=year), bases_world.mentee(year=year, papers=True)
        pairing = services.form_pair(mentee, mentor, starts_on=ENTRY, planned_end_on=date(2027, 5, 31))
        plans.start_plan(pairing)
        meetings.log_meeting(kind="first", pairings=[pairing], held_on=date(2026, 9, 20), topic="Знакомство",
                             attendee_ids={mentor.person_id, mentee.person_id})
        pairs.append(pairing)
    user = make_user(Role.MENTOR, email="mentor@kmt.test")
    accounts.link_person(user, pairs[0].mentor.person)
    db.session.commit()
    return user, pairs[0], pairs[1]


def test_a_mentor_sees_only_his_own_pairings(client, auth, two_pairs):
    user, own, other = two_pairs
    auth.login_as(user)
    text = page_text(client.get("/pairs/mine"))
    assert own.mentor.person.short_name in text and other.mentor.person.short_name not in text
    assert client.get(f"/pairs/{own.id}/plan").status_code == 200
    meeting_list = page_text(client.get("/pairs/meetings/"))
    assert own.mentees[0].person.short_name in meeting_list
    assert other.mentees[0].person.short_name not in meeting_list and "Всего: 1" in meeting_list


def test_another_mentors_pairing_is_refused_idor(client, auth, two_pairs):
    user, own, other = two_pairs
    auth.login_as(user)
    item = other.plan.items[0]
    for path in (f"/pairs/{other.id}/plan", f"/pairs/{other.id}/meetings", f"/pairs/{other.id}/plan/items/new",
                 f"/pairs/{other.id}/plan/items/{item.id}", f"/pairs/meetings/{other.meetings[0].id}",
                 f"/pairs/{other.id}"):
        assert client.get(path).status_code == 403, path
    for path in (f"/pairs/{other.id}/plan/start", f"/pairs/{other.id}/plan/items/{item.id}/delete",
                 f"/pairs/{other.id}/plan/print", f"/pairs/{other.id}/meetings"):
        assert client.post(path, data={}).status_code == 403, path
    # another pairing's item through his own pairing's address
    assert client.get(f"/pairs/{own.id}/plan/items/{item.id}").status_code == 404
    response = client.post(f"/pairs/{own.id}/plan/items/{item.id}", data={"task": "x", "status": "done",
                                                                          "mentor_mark": "x"})
    assert response.status_code == 404
    db.session.expire_all()
    assert item.status == PlanItemStatus.PLANNED


def test_the_mentor_marks_an_item_and_logs_a_meeting(client, auth, two_pairs):
    user, own, _ = two_pairs
    auth.login_as(user)
    item = own.plan.items[1]
    form = {"task": item.task, "expected_result": item.expected_result, "deadline": "2026-09-29",
            "responsible": "наставник", "status": "done", "mentor_mark": "", "mentee_report": ""}
    refused = page_text(client.post(f"/pairs/{own.id}/plan/items/{item.id}", data=form))
    assert "впишите отметку наставника" in refused and "п. 6.1 Положения" in refused
    form["mentor_mark"] = "Пробная работа проведена"
    response = client.post(f"/pairs/{own.id}/plan/items/{item.id}", data=form, follow_redirects=True)
    assert "Выполнено мероприятий: 1 из 5" in page_text(response)
    mentee = own.mentees[0]
    response = client.post(f"/pairs/{own.id}/meetings", follow_redirects=True, data={
        "kind": "trial", "held_on": "2026-09-27", "format": "in_person", "topic": "Пробная рабочая встреча",
        "attendees": [str(own.mentor.person_id), str(mentee.person_id)], "outcome": "Выявлены потребности"})
    text = page_text(response)
    assert "Встреча 27.09.2026 записана." in text and "Пробная рабочая встреча" in text
    # the curator's pages name the mentor's own account as who recorded it
    db.session.expire_all()
    assert meetings.last_meeting(own).recorded_by == user
