"""An administrator creates a curator; the curator logs in and sees the curator's navigation."""
import pytest
from playwright.sync_api import expect

from app.core.roles import Role
from tests.e2e.conftest import log_in, open_menu, wait_for_scripts
from tests.helpers import TEST_PASSWORD

pytestmark = pytest.mark.browser


def test_admin_creates_a_curator_who_then_logs_in(page, make_user):
    make_user(Role.ADMIN, email="admin@kmt.ru", last_name="Сидоров", first_name="Алексей", middle_name="Петрович")
    log_in(page, "admin@kmt.ru", TEST_PASSWORD)
    expect(page.get_by_role("heading", name="Здравствуйте, Алексей Петрович!")).to_be_visible()

    nav = page.get_by_test_id("main-nav")
    open_menu(page, "Администрирование", "Пользователи")
    page.get_by_role("link", name="Новый пользователь").click()
    page.get_by_label("Фамилия").fill("Морозова")
    page.get_by_label("Имя", exact=True).fill("Ольга")
    page.get_by_label("Отчество").fill("Николаевна")
    page.get_by_label("Электронная почта").fill("morozova@kmt.ru")
    page.get_by_label("куратор").check()
    page.get_by_label("Пароль").fill("kurator-parol-2026")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Учётная запись morozova@kmt.ru создана.")).to_be_visible()
    expect(page.get_by_test_id("user-table")).to_contain_text("Морозова Ольга Николаевна")

    wait_for_scripts(page)
    page.get_by_test_id("user-menu").click()
    page.get_by_role("button", name="Выйти").click()
    expect(page.get_by_text("Вы вышли из системы.")).to_be_visible()

    log_in(page, "morozova@kmt.ru", "kurator-parol-2026")
    expect(page.get_by_role("heading", name="Здравствуйте, Ольга Николаевна!")).to_be_visible()
    expect(page.get_by_test_id("user-menu")).to_contain_text("куратор")
    nav = page.get_by_test_id("main-nav")
    expect(nav).not_to_contain_text("Пользователи")
    expect(nav).not_to_contain_text("Администрирование")
    assert page.goto("/admin/users").status == 403
    expect(page.get_by_role("heading", name="Доступ запрещён")).to_be_visible()
