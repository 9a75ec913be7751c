"""A mentor logs in with his own account: he sees only his pairs, marks an item of his pair's individual plan (refused
without his mark, 6.1) and logs a meeting."""
from datetime import date

import pytest
from playwright.sync_api import expect

from app.accounts import services as accounts
from app.core.roles import Role
from app.extensions import db
from app.pairs import plans, services
from tests.e2e.conftest import log_in, open_menu
from tests.factories import ENTRY, bases_world  # noqa: F401  (a fixture)
from tests.helpers import TEST_PASSWORD

pytestmark = pytest.mark.browser


def test_a_mentor_marks_his_plan_and_logs_a_meeting(page, make_user, bases_world):  # noqa: F811
    year = bases_world.year()
    plans.ensure_typical_plans(year.forms)
    mine = services.form_pair(bases_world.mentee(year=year, papers=True), bases_world.mentor(year=year),
                              starts_on=ENTRY, planned_end_on=date(2027, 5, 31))
    other = services.form_pair(bases_world.mentee(year=year, papers=True), bases_world.mentor(year=year),
                               starts_on=ENTRY, planned_end_on=date(2027, 5, 31))
    plans.start_plan(mine)
    user = make_user(Role.MENTOR, email="mentor@kmt.ru")
    accounts.link_person(user, mine.mentor.person)
    db.session.commit()
    mentee = mine.mentees[0].person

    log_in(page, "mentor@kmt.ru", TEST_PASSWORD)
    open_menu(page, "Программа", "Мои пары")
    table = page.get_by_test_id("my-pairings")
    expect(table).to_contain_text(mentee.short_name)
    expect(table).not_to_contain_text(other.mentees[0].person.short_name)
    table.get_by_role("link", name=mine.label).click()

    expect(page.get_by_test_id("plan-progress")).to_contain_text("0 из 5")
    page.get_by_role("link", name="Отметить: Проведение первой, организационной, встречи").click()
    page.get_by_label("Статус").select_option(label="выполнено")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator("#mentor_mark-error")).to_contain_text("впишите отметку наставника о фактическом результате")
    page.get_by_label("Отметка наставника", exact=False).first.fill("Познакомились, график встреч согласован")
    page.get_by_label("Отчёт наставляемого").fill("Встречаемся по вторникам")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_test_id("plan-progress")).to_contain_text("1 из 5")
    expect(page.get_by_test_id("plan-items")).to_contain_text("Познакомились, график встреч согласован")

    page.get_by_role("link", name="Встречи", exact=True).last.click()
    page.get_by_label("Дата встречи").fill("2026-09-20")
    page.get_by_label("Тема", exact=True).fill("Знакомство и правила работы")
    page.get_by_label("Итог встречи").fill("Договорились о встречах по вторникам")
    page.get_by_role("button", name="Записать встречу").click()
    expect(page.get_by_text("Встреча 20.09.2026 записана.")).to_be_visible()
    meetings_table = page.get_by_test_id("pairing-meetings")
    expect(meetings_table).to_contain_text("Первая, организационная, встреча наставника и наставляемого")
    expect(meetings_table).to_contain_text(mentee.short_name)
