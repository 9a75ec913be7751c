"""The curator imports a mentee file with one bad row, sees the error, fixes the file, imports it and finds
the mentee by surname."""
from datetime import datetime

import pytest
from playwright.sync_api import expect

from app.core.roles import Role
from tests.e2e.conftest import log_in, open_menu
from tests.excel.workbooks import headings, row, xlsx
from tests.factories import bases_world  # noqa: F401  (a fixture)
from tests.helpers import TEST_PASSWORD

pytestmark = pytest.mark.browser


def mentees(bad_date):
    common = {"gender": "м", "category": "обучающийся", "study_group": "ТМ-23", "phone": "+7 912 300-20-10",
              "mentee_category": "студент", "main_request": "Подготовка к демонстрационному экзамену",
              "entry_date": datetime(2026, 9, 15)}
    return xlsx(headings("mentees"), [
        row("mentees", last_name="Вотинцев", first_name="Глеб", middle_name="Игоревич", birth_date="02.02.2007",
            **common),
        row("mentees", last_name="Южаков", first_name="Матвей", middle_name="Олегович", birth_date=bad_date,
            **common),
    ])


def test_curator_imports_mentees_after_fixing_a_bad_row(page, make_user, bases_world, tmp_path):  # noqa: F811
    bases_world.year()
    make_user(Role.CURATOR, email="curator@kmt.ru", last_name="Морозова", first_name="Ольга",
              middle_name="Николаевна")
    broken, fixed = tmp_path / "наставляемые.xlsx", tmp_path / "наставляемые-исправлено.xlsx"
    broken.write_bytes(mentees("31.02.2007"))
    fixed.write_bytes(mentees("28.02.2007"))

    log_in(page, "curator@kmt.ru", TEST_PASSWORD)
    open_menu(page, "Базы", "Загрузка из Excel")
    page.get_by_label("Файл Excel (.xlsx)").set_input_files(str(broken))
    page.get_by_role("button", name="Проверить файл").click()

    expect(page.get_by_test_id("import-has-errors")).to_contain_text("Строк с ошибками: 1 из 2")
    expect(page.locator('[data-row="3"]')).to_contain_text("«Дата рождения»: «31.02.2007» — не дата")
    expect(page.get_by_role("button", name="Подтвердить загрузку")).to_have_count(0)

    page.get_by_role("link", name="Загрузить исправленный файл").click()
    page.get_by_label("Файл Excel (.xlsx)").set_input_files(str(fixed))
    page.get_by_role("button", name="Проверить файл").click()
    expect(page.get_by_test_id("import-ok")).to_contain_text("строк к загрузке — 2")
    page.get_by_role("button", name="Подтвердить загрузку").click()

    expect(page.get_by_text("Файл загружен: изменено и добавлено строк")).to_be_visible()
    page.get_by_label("Поиск").fill("южаков")
    page.get_by_role("button", name="Найти").click()
    table = page.get_by_test_id("mentee-table")
    expect(table).to_contain_text("Южаков Матвей Олегович")
    expect(table).not_to_contain_text("Вотинцев")
    table.get_by_role("link", name="Южаков Матвей Олегович").click()
    expect(page.get_by_test_id("mentee-record")).to_contain_text("Подготовка к демонстрационному экзамену")
