"""The curator forms two pairs with one mentor, a third is refused with the 4.6 message; forms a group, prints the
agreements of its mentor and mentees, files their signed scans and starts it; prepares the order replacing a mentor,
the secretary issues it, and the pair has its new mentor with the planned end unchanged (4.8)."""
from datetime import date

import pytest
from playwright.sync_api import expect

from app.applications.paperwork import scan_png
from app.core.roles import Role
from app.extensions import db
from tests.e2e.conftest import log_in, open_menu, wait_for_scripts
from tests.factories import bases_world  # noqa: F401  (a fixture)
from tests.helpers import TEST_PASSWORD

pytestmark = pytest.mark.browser


def form_pair(page, mentor, mentee):
    page.get_by_role("link", name="Сформировать пару").click()
    page.get_by_label("Наставник (из реестра наставников)").select_option(label=_option(page, mentor))
    page.get_by_label("Наставляемый (ожидает наставника)").select_option(label=_option(page, mentee))
    page.get_by_label("Плановое окончание").fill("2027-05-31")
    page.get_by_role("button", name="Сформировать пару").click()


def _option(page, name):
    """The full text of the select option that starts with a person's name."""
    return page.locator("option", has_text=name).first.inner_text().strip()


def test_curator_forms_pairs_and_a_group_and_replaces_a_mentor_by_order(page, make_user, bases_world,  # noqa: F811
                                                                        tmp_path):
    year = bases_world.year()
    mentor = bases_world.mentor(person=bases_world.person(last_name="Лидеров", birth_date=date(2004, 1, 10)),
                                year=year)
    leader = bases_world.mentor(person=bases_world.person(last_name="Групповой", birth_date=date(2004, 2, 10)),
                                year=year)
    successor = bases_world.mentor(person=bases_world.person(last_name="Сменщиков", birth_date=date(2004, 3, 10)),
                                   year=year)
    names = ["Первов", "Вторых", "Третьяков", "Четвериков", "Пятов"]
    mentees = [bases_world.mentee(person=bases_world.person(last_name=name, birth_date=date(2007, 4, 4)), year=year,
                                  papers=True) for name in names]
    make_user(Role.CURATOR, email="curator@kmt.ru", last_name="Морозова", first_name="Ольга",
              middle_name="Николаевна")
    make_user(Role.SECRETARY, email="secretary@kmt.ru", last_name="Белова", first_name="Ирина",
              middle_name="Сергеевна")
    db.session.commit()
    scan = tmp_path / "скан.png"
    scan.write_bytes(scan_png())

    log_in(page, "curator@kmt.ru", TEST_PASSWORD)
    open_menu(page, "Базы", "Пары и группы")
    for mentee in mentees[:2]:
        form_pair(page, mentor.person.full_name, mentee.person.full_name)
        expect(page.get_by_text("Пара сформирована")).to_be_visible()
        page.get_by_role("link", name="Все пары и группы").click()
    form_pair(page, mentor.person.full_name, mentees[2].person.full_name)
    expect(page.locator(".invalid-feedback, .alert-danger").first).to_contain_text(
        "не более двух наставляемых одновременно")
    expect(page.get_by_text("п. 4.6").first).to_be_visible()

    page.goto("/pairs/")
    page.get_by_role("link", name="Сформировать группу").click()
    page.get_by_label("Наставник (из реестра наставников)").select_option(label=_option(page, leader.person.full_name))
    for mentee in mentees[2:]:
        page.get_by_label(mentee.person.full_name, exact=False).check()
    page.get_by_label("Плановое окончание").fill("2027-05-31")
    page.get_by_role("button", name="Сформировать группу").click()
    expect(page.get_by_test_id("pairing-state")).to_have_text("формируется")
    agreements = page.get_by_test_id("pairing-agreements")
    for _ in range(4):  # the mentor and each of the three mentees
        agreements.get_by_role("button", name="Распечатать согласие").first.click()
        expect(page.get_by_text("Согласие распечатано")).to_be_visible()
    for _ in range(4):
        agreements.locator('input[type="file"]').first.set_input_files(str(scan))
        agreements.get_by_role("button", name="Загрузить скан подписанного").first.click()
        wait_for_scripts(page)
    expect(agreements).not_to_contain_text("распечатан, не подписан")
    page.get_by_role("button", name="Начать работу группы (согласия подписаны)").click()
    expect(page.get_by_test_id("pairing-state")).to_have_text("действует")

    page.goto("/pairs/?q=" + mentees[0].person.last_name)
    page.get_by_test_id("pairing-table").get_by_role("link", name=mentor.person.full_name).click()
    page.get_by_role("link", name="Заменить наставника (п. 4.8)").click()
    page.get_by_label("Новый наставник (из реестра наставников)").select_option(
        label=_option(page, successor.person.full_name))
    page.get_by_label("Основание замены (п. 4.8)").select_option(
        label="психологическая несовместимость наставника и наставляемого")
    page.get_by_role("button", name="Подготовить приказ о замене наставника").click()
    expect(page.get_by_text("Проект приказа подготовлен")).to_be_visible()
    expect(page.get_by_test_id("pairing-state")).to_have_text("действует")  # a draft changes nothing
    pairing_url = page.url

    page.context.clear_cookies()
    log_in(page, "secretary@kmt.ru", TEST_PASSWORD)
    page.goto(pairing_url)
    page.get_by_test_id("pairing-documents").get_by_role("link", name="Приказ о замене наставника").click()
    page.on("dialog", lambda dialog: dialog.accept())  # «Выпустить документ и присвоить ему номер?»
    page.get_by_role("button", name="Выпустить и присвоить номер").click()
    expect(page.get_by_text("выпущен").first).to_be_visible()
    page.goto(pairing_url)
    expect(page.get_by_test_id("pairing-state")).to_have_text("наставник заменён")
    page.get_by_role("link", name=f"Пара {successor.person.short_name}", exact=False).click()
    expect(page.get_by_test_id("pairing-mentor")).to_contain_text(successor.person.full_name)
    expect(page.get_by_test_id("pairing-planned-end")).to_contain_text("31.05.2027")
