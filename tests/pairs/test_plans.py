"""Individual plans (4.1, 4.7, 4.14, 6.1, 7.1) and the log of meetings (Приложение 14, 5.2, 6.1), each rule named by
its section; the printed plan opened with python-docx."""
import io
from datetime import date

import pytest

from app.applications.paperwork import scan_png
from app.core.errors import RuleError
from app.documents.kinds import get_kind
from app.documents.prefill import run_prefill
from app.documents.services import issue_document
from app.extensions import db
from app.pairs import meetings, plans, services
from app.pairs.plan_models import MeetingKind, PlanItemStatus
from tests.documents.helpers import docx_text, flat
from tests.factories import ENTRY
from tests.helpers import page_text


def refused(section, call, *args, **kwargs):
    with pytest.raises(RuleError) as error:
        call(*args, **kwargs)
    assert error.value.section == section, error.value
    db.session.rollback()
    return error.value


@pytest.fixture
def pair(bases_world):
    """A pair of the student form, from 15.09.2026 to 31.05.2027, its form's typical plan the roadmap's."""
    year = bases_world.year()
    plans.ensure_typical_plans(year.forms)
    mentor = bases_world.mentor(year=year)
    mentee = bases_world.mentee(year=year, papers=True)
    pairing = services.form_pair(mentee, mentor, starts_on=ENTRY, planned_end_on=date(2027, 5, 31))
    db.session.commit()
    return pairing


def test_the_plan_starts_from_the_typical_plan_of_its_form_4_1(pair):
    plan = plans.start_plan(pair)
    db.session.commit()
    assert [item.task for item in plan.items] == [item["task"] for item in plans.ROADMAP_ITEMS]
    first = plan.items[0]
    assert first.deadline == date(2026, 9, 22)  # a week from the start
    assert first.status == PlanItemStatus.PLANNED and first.responsible == "наставник"
    assert plan.items[3].deadline is None
    assert refused("4.1", plans.start_plan, pair).message.startswith("Индивидуальный план этой пары уже составлен")


def test_a_changed_typical_plan_leaves_the_plans_made_from_it_4_1(pair):
    plan = plans.start_plan(pair)
    plans.save_typical_plan(pair.mentorship_form, [{"task": "Подготовка к демонстрационному экзамену",
                                                    "weeks_from_start": 20}])
    db.session.commit()
    assert [item.task for item in plans.typical_items(pair.mentorship_form)] == [
        "Подготовка к демонстрационному экзамену"]
    assert len(plan.items) == len(plans.ROADMAP_ITEMS)
    refused("4.7", plans.save_typical_plan, pair.mentorship_form, [{"task": "Год и ещё", "weeks_from_start": 60}])


def test_an_items_deadline_lies_within_the_pairs_period_4_7(pair):
    plan = plans.start_plan(pair)
    error = refused("4.7", plans.add_item, plan, task="Чемпионат «Профессионалы»", deadline=date(2027, 6, 15))
    assert error.field == "deadline" and "с 15.09.2026 по 31.05.2027" in error.message
    item = plans.add_item(plan, task="Чемпионат «Профессионалы»", deadline=date(2027, 3, 1))
    assert item.position == len(plans.ROADMAP_ITEMS) + 1


def test_an_item_is_done_only_with_the_mentors_mark_6_1(pair):
    plan = plans.start_plan(pair)
    item = plan.items[0]
    error = refused("6.1", plans.update_item, item, status="done", content=False)
    assert error.field == "mentor_mark"
    plans.update_item(item, status="done", mentor_mark="Встреча проведена, график согласован",
                      mentee_report="Познакомился с наставником", content=False)
    db.session.commit()
    assert plan.progress == (1, len(plans.ROADMAP_ITEMS))
    # a marked item is part of the plan's history
    refused("6.1", plans.delete_item, item)


def test_the_plan_prints_with_its_items_marks_and_signatures(pair, make_user):
    plan = plans.start_plan(pair)
    plans.update_plan(plan, role_model="«успевающий – неуспевающий»", planned_results="Успеваемость не ниже «4»")
    plans.update_item(plan.items[0], status="done", mentor_mark="График встреч согласован",
                      mentee_report="Познакомился с наставником", content=False)
    curator = make_user("curator")
    document = plans.print_plan(plan, curator, on=date(2026, 10, 1))
    db.session.commit()
    assert plan.current_document == document
    text = flat(docx_text(document.current_version.read_bytes()))
    assert "Индивидуальный план развития наставляемого под руководством наставника" in text
    assert pair.mentor.person.full_name in text
    assert pair.mentees[0].person.full_name in text
    assert "Форма наставничества: студент – студент." in text
    assert "с 15.09.2026 по 31.05.2027" in text
    assert "Ролевая модель: «успевающий – неуспевающий»." in text
    assert "Проведение первой, организационной, встречи наставника и наставляемого" in text
    assert "График встреч согласован" in text and "Познакомился с наставником" in text and "выполнено" in text


# Meetings -------------------------------------------------------------------------------------------------

def _people(pairing):
    return {pairing.mentor.person_id, *(mentee.person_id for mentee in pairing.mentees)}


def test_the_first_meeting_comes_first_and_once_appendix_14(pair):
    error = refused("Прил. 14", meetings.log_meeting, kind="regular", pairings=[pair], held_on=date(2026, 10, 1),
                    topic="Успеваемость", attendee_ids=_people(pair))
    assert "первую, организационную" in error.message
    meetings.log_meeting(kind="first", pairings=[pair], held_on=date(2026, 9, 20), topic="Знакомство",
                         attendee_ids=_people(pair), curator_attended=True)
    db.session.commit()
    error = refused("Прил. 14", meetings.log_meeting, kind="first", pairings=[pair], held_on=date(2026, 9, 25),
                    topic="Ещё раз", attendee_ids=_people(pair))
    assert "уже записана первая, организационная, встреча" in error.message
    refused("Прил. 14", meetings.log_meeting, kind="trial", pairings=[pair], held_on=date(2026, 9, 16),
            topic="Пробная", attendee_ids=_people(pair))
    meeting = meetings.log_meeting(kind="trial", pairings=[pair], held_on=date(2026, 9, 27), topic="Пробная",
                                   attendee_ids=_people(pair), outcome="Выявлены потребности")
    db.session.commit()
    assert meetings.last_meeting(pair) == meeting


def test_a_pairs_meeting_is_within_its_period_and_with_both_4_7_6_1(pair):
    error = refused("4.7", meetings.log_meeting, kind="first", pairings=[pair], held_on=date(2026, 9, 10),
                    topic="Рано", attendee_ids=_people(pair))
    assert error.field == "held_on"
    error = refused("6.1", meetings.log_meeting, kind="first", pairings=[pair], held_on=date(2026, 9, 20),
                    topic="Без наставляемого", attendee_ids={pair.mentor.person_id})
    assert "наставляемого" in error.message
    with pytest.raises(RuleError, match="позже сегодняшней"):
        meetings.log_meeting(kind="first", pairings=[pair], held_on=date(2027, 5, 1), topic="Будущая",
                             attendee_ids=_people(pair))


def test_a_group_meeting_is_recorded_once_for_every_pair_whose_people_attended(pair, bases_world):
    year = pair.program_year
    other = services.form_pair(bases_world.mentee(year=year, papers=True), bases_world.mentor(year=year),
                               starts_on=ENTRY, planned_end_on=date(2027, 5, 31))
    db.session.commit()
    refused("Прил. 14", meetings.log_meeting, kind="regular", pairings=[pair, other], held_on=date(2026, 9, 20),
            topic="Две пары", attendee_ids=_people(pair) | _people(other))
    with pytest.raises(RuleError, match="никто не отмечен"):
        meetings.log_meeting(kind="group_start", pairings=[pair, other], held_on=date(2026, 9, 12),
                             topic="Групповая встреча", attendee_ids=_people(pair))
    db.session.rollback()
    meeting = meetings.log_meeting(kind="group_start", pairings=[pair, other], held_on=date(2026, 9, 12),
                                   topic="Групповая встреча наставников и наставляемых",
                                   attendee_ids=_people(pair) | _people(other), curator_attended=True)
    db.session.commit()
    assert meeting.kind == MeetingKind.GROUP_START and set(meeting.pairings) == {pair, other}
    assert pair.meetings == [meeting] and other.meetings == [meeting]
    assert len(meeting.attendees) == 4


def test_the_program_order_lists_each_pairs_plan_4_14(pair, bases_world, make_user):
    plan = plans.start_plan(pair)
    without = services.form_pair(bases_world.mentee(year=pair.program_year, papers=True),
                                 bases_world.mentor(year=pair.program_year), starts_on=ENTRY,
                                 planned_end_on=date(2027, 5, 31))
    db.session.commit()
    prefill = run_prefill("order_approve_program", "year_pairs", [str(pair.program_year_id)])
    rows = {row["mentor"]: row["plan"] for row in prefill.values["pairs"]}
    assert rows[pair.mentor.person.full_name] == f"составлен (мероприятий: {len(plan.items)})"
    assert rows[without.mentor.person.full_name] == "не составлен"
    secretary = make_user("secretary")
    document = issue_document("order_approve_program", {**get_kind("order_approve_program").example_values(),
                                                        **prefill.values}, secretary, subjects=prefill.subjects)
    text = flat(docx_text(document.current_version.read_bytes()))
    assert "Индивидуальный план" in text
    assert f"{pair.mentor.person.full_name} | {pair.mentees[0].person.full_name} | студент – студент" in text
    assert "| составлен (мероприятий: 5)" in text and "| не составлен" in text


def test_the_year_and_the_persons_card_show_the_plans_progress_and_the_last_meeting(pair, client, auth, make_user):
    plan = plans.start_plan(pair)
    plans.update_item(plan.items[0], status="done", mentor_mark="Проведена", content=False)
    meetings.log_meeting(kind="first", pairings=[pair], held_on=date(2026, 9, 20), topic="Знакомство",
                         attendee_ids=_people(pair))
    db.session.commit()
    auth.login_as(make_user("curator"))
    year_page = page_text(client.get(f"/programs/years/{pair.program_year_id}"))
    assert "Пар и групп: 1; с индивидуальным планом: 1." in year_page
    assert "Мероприятий выполнено: 1 из 5 (20%)." in year_page
    assert "Встреч записано: 1; последняя — 20.09.2026, первая, организационная, встреча" in year_page
    card = page_text(client.get(f"/people/{pair.mentees[0].person_id}"))
    assert "План: выполнено 1 из 5 · последняя встреча: 20.09.2026" in card


def test_the_signed_plans_scan_is_filed_on_its_page_and_the_order_says_so(pair, client, auth, make_user):
    curator = make_user("curator")
    auth.login_as(curator)
    client.post(f"/pairs/{pair.id}/plan/start")
    response = client.post(f"/pairs/{pair.id}/plan/print", follow_redirects=True)
    assert "План распечатан" in page_text(response) and "распечатан, не подписан" in page_text(response)
    plan = pair.plan
    response = client.post(f"/applications/papers/individual_plan/{plan.id}/scan", follow_redirects=True,
                           content_type="multipart/form-data",
                           data={"file": (io.BytesIO(scan_png()), "план подписанный.png")})
    assert response.request.path == f"/pairs/{pair.id}/plan"  # back to the plan, no «next» needed
    text = page_text(response)
    assert "документ подписан" in text and "подписан (скан загружен)" in text
    assert "«план подписанный.png»" in text
    db.session.expire_all()
    assert plans.plan_summary(pair) == "составлен (мероприятий: 5), подписан"
