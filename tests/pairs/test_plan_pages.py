"""The curator's pages of plans and meetings: the typical plan of a form, the group meeting recorded once for all,
the year's log; the demo college's plans, meetings and mentor's account."""
from datetime import date

from app.accounts import services as accounts
from app.core.roles import Role
from app.extensions import db
from app.pairs import meetings, plans, services
from app.pairs.plan_models import Meeting, MeetingKind
from tests.factories import ENTRY
from tests.helpers import page_text
from tests.query_count import count_queries


def test_the_curator_edits_a_forms_typical_plan_4_1(bases_world, client, auth, make_user):
    year = bases_world.year()
    form = year.forms[0]
    plans.ensure_typical_plans([form])
    db.session.commit()
    auth.login_as(make_user(Role.CURATOR))
    page = page_text(client.get(f"/pairs/typical-plans/{form.id}"))
    assert "Проведение первой, организационной, встречи наставника и наставляемого" in page
    data = {"items-0-task": "Подготовка к демонстрационному экзамену", "items-0-expected_result": "Сдан экзамен",
            "items-0-responsible": "наставник", "items-0-weeks_from_start": "30",
            "items-1-task": "", "items-1-expected_result": "без задачи — не сохраняется",
            "items-2-task": "Участие в чемпионате", "items-2-weeks_from_start": "53"}
    refused = page_text(client.post(f"/pairs/typical-plans/{form.id}", data=data))
    assert "Значение должно быть между 0 и 52." in refused
    assert "Подготовка к демонстрационному экзамену" in refused  # what was typed stays
    data["items-2-weeks_from_start"] = "40"
    response = client.post(f"/pairs/typical-plans/{form.id}", data=data, follow_redirects=True)
    assert f"Типовой план формы «{form.name}» сохранён." in page_text(response)
    assert [(i.task, i.weeks_from_start) for i in plans.typical_items(form)] == [
        ("Подготовка к демонстрационному экзамену", 30), ("Участие в чемпионате", 40)]


def test_the_curator_records_the_group_meeting_once_for_all_who_attended(bases_world, client, auth, make_user):
    year = bases_world.year()
    pairings = [services.form_pair(bases_world.mentee(year=year, papers=True), bases_world.mentor(year=year),
                                   starts_on=ENTRY, planned_end_on=date(2027, 5, 31)) for _ in range(2)]
    db.session.commit()
    auth.login_as(make_user(Role.CURATOR))
    page = page_text(client.get(f"/pairs/meetings/new?year={year.id}"))
    assert "групповая встреча наставников и наставляемых" in page
    people = [str(p.mentor.person_id) for p in pairings] + [str(p.mentees[0].person_id) for p in pairings]
    response = client.post(f"/pairs/meetings/new?year={year.id}", follow_redirects=True, data={
        "kind": "group_start", "held_on": "2026-09-10", "format": "in_person",
        "topic": "Групповая встреча наставников и наставляемых", "pairings": [str(p.id) for p in pairings],
        "attendees": people, "curator_attended": "y", "outcome": "Собраны пожелания"})
    text = page_text(response)
    assert "Встреча 10.09.2026 записана." in text and "Всего: 1" in text
    meeting = db.session.scalars(db.select(Meeting)).one()
    assert meeting.kind == MeetingKind.GROUP_START and len(meeting.pairings) == 2 and meeting.curator_attended
    for pairing in pairings:
        assert "Групповая встреча наставников и наставляемых" in page_text(
            client.get(f"/pairs/{pairing.id}/meetings"))


def test_the_demo_colleges_plans_meetings_and_mentor(demo_college, client, auth):
    assert demo_college.result.exit_code == 0, demo_college.result.output
    mentor = accounts.find_user_by_email("mentor@kmt.example")
    assert mentor.roles == {Role.MENTOR} and mentor.person is not None
    response = auth.login("mentor@kmt.example", "demo-parol-2026")
    assert response.status_code == 302
    text = page_text(client.get("/pairs/mine"))
    assert mentor.person.short_name in text and "выполнено 2 из 5" in text
    auth.login("curator@kmt.example", "demo-parol-2026")
    log = page_text(client.get("/pairs/meetings/?kind=group_start"))
    assert "Групповая встреча наставников и наставляемых" in log and "Всего: 1" in log


def test_the_meetings_log_and_the_mentors_pairs_run_as_many_queries_for_more_rows(bases_world, client, auth,
                                                                                   make_user):
    year = bases_world.year()
    plans.ensure_typical_plans(year.forms)
    mentor = bases_world.mentor(year=year)
    user = make_user(Role.MENTOR, email="mentor@kmt.test")
    accounts.link_person(user, mentor.person)
    curator = make_user(Role.CURATOR)

    def add_pair():
        mentee = bases_world.mentee(year=year, papers=True)
        pairing = services.form_pair(mentee, mentor, starts_on=ENTRY, planned_end_on=date(2027, 5, 31))
        plans.start_plan(pairing)
        meetings.log_meeting(kind="first", pairings=[pairing], held_on=date(2026, 9, 20), topic="Знакомство",
                             attendee_ids={mentor.person_id, mentee.person_id})
        db.session.commit()

    add_pair()
    auth.login_as(curator)
    one_log = count_queries(client, "/pairs/meetings/")
    auth.login_as(user)
    one_mine = count_queries(client, "/pairs/mine")
    add_pair()
    auth.login_as(curator)
    assert count_queries(client, "/pairs/meetings/") == one_log
    auth.login_as(user)
    assert count_queries(client, "/pairs/mine") == one_mine
