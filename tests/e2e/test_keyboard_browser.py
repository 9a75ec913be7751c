"""From the keyboard alone, as a screen-reader user hears it: the skip link, a new person's form sent with errors (focus
on the error summary, each error tied to its field), the summary's links, the «Пол» group, the fix and the save; the
login form sent empty; the commission member's score table (each radio named with its criterion)."""
import pytest
from playwright.sync_api import expect

from app.core.roles import Role
from tests.e2e.conftest import log_in, wait_for_scripts
from tests.helpers import TEST_PASSWORD
from tests.selection.fixtures import candidate, composition, meeting, on_agenda, people  # noqa: F401  (fixtures)

#: Focus, skip links and live regions are the same on both databases: checked once.
pytestmark = [pytest.mark.browser, pytest.mark.one_database]


def tab_to(page, locator, limit=30):
    """Press Tab until ``locator`` has focus: proves it is reachable from the keyboard."""
    for _ in range(limit):
        if locator.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"not reached with {limit} Tabs: {locator}")


def test_a_keyboard_user_skips_the_menu_sends_a_person_with_errors_and_hears_them(page, make_user):
    make_user(Role.CURATOR, email="curator@kmt.ru")
    log_in(page, "curator@kmt.ru", TEST_PASSWORD)
    page.goto("/people/new")
    wait_for_scripts(page)

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Перейти к содержанию")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    surname = page.get_by_label("Фамилия")
    expect(surname).to_be_focused()  # one Tab past the menu: the first field
    page.keyboard.type("Лаптева")
    page.keyboard.press("Enter")

    summary = page.get_by_test_id("form-errors")
    expect(summary).to_be_focused()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).to_contain_text("Форма не сохранена")
    expect(summary.get_by_role("link")).to_have_text([
        "Имя: Обязательное поле.", "Пол: Укажите пол.", "Дата рождения: Укажите дату рождения."])
    expect(surname).to_have_value("Лаптева")

    first_name = page.get_by_label("Имя", exact=True)
    expect(first_name).to_have_attribute("aria-invalid", "true")
    expect(first_name).to_have_attribute("required", "")
    expect(page.locator("#" + first_name.get_attribute("aria-describedby"))).to_have_text("Обязательное поле.")
    gender = page.get_by_role("group", name="Пол")
    for radio in (gender.get_by_role("radio", name="мужской"), gender.get_by_role("radio", name="женский")):
        expect(radio).to_have_attribute("aria-invalid", "true")
        expect(radio).to_have_attribute("required", "")
    described = gender.get_by_role("radio", name="женский").get_attribute("aria-describedby").split()
    assert [page.locator("#" + ref).inner_text() for ref in described] == [
        "Укажите пол.", "Нужен, чтобы склонять ФИО в документах."]
    expect(page.get_by_label("Отчество")).not_to_have_attribute("aria-invalid", "true")

    page.keyboard.press("Tab")  # from the summary to its first link, which moves focus to the field
    expect(summary.get_by_role("link").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(first_name).to_be_focused()
    page.keyboard.type("Анна")
    tab_to(page, gender.get_by_role("radio", name="мужской"))
    page.keyboard.press("ArrowRight")  # the arrows move within the group and check
    expect(gender.get_by_role("radio", name="женский")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Дата рождения")).to_be_focused()
    # The browser draws the date's segments in its own language's order: set the value, not the keystrokes.
    page.get_by_label("Дата рождения").fill("2008-03-15")
    tab_to(page, page.get_by_label("Учебная группа"))
    page.keyboard.type("ТМ-21")
    tab_to(page, page.get_by_role("button", name="Сохранить"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Лаптева Анна")


def test_an_empty_login_is_announced_and_focused(page, make_user):
    page.goto("/login")
    wait_for_scripts(page)
    expect(page.get_by_label("Электронная почта")).to_be_focused()  # autofocus
    tab_to(page, page.get_by_role("button", name="Войти"))
    page.keyboard.press("Enter")
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Электронная почта: Введите адрес электронной почты.")
    expect(page.get_by_label("Пароль", exact=True)).to_have_attribute("aria-invalid", "true")


def test_a_member_scores_from_the_keyboard_and_hears_each_criterion(page, meeting, candidate, on_agenda,  # noqa: F811
                                                                    people):  # noqa: F811
    from app.selection import reviews

    [item] = on_agenda(candidate(last_name="Пестов"))
    first = reviews.criteria_of(item)[0]
    log_in(page, people["lebedev"].email, TEST_PASSWORD)
    page.goto(f"/selection/meetings/{meeting.id}/candidates/{item.id}")
    wait_for_scripts(page)
    form = page.get_by_test_id("review")

    all_twos = form.get_by_role("button", name="все на 2")
    assert all_twos.evaluate("el => el.firstChild.textContent") == "все"  # the name starts with what is seen
    tab_to(page, all_twos)
    page.keyboard.press("Enter")
    radio = form.get_by_role("radio", name=f"{first.label} 2 — соответствует полностью")
    expect(radio).to_be_checked()
    expect(form.get_by_role("radio", name=f"{first.label} 1 — соответствует частично")).to_have_attribute(
        "required", "")
    expect(page.get_by_role("region", name="Оценки по критериям")).to_have_attribute("tabindex", "0")
    expect(form.get_by_role("group", name="Голос")).to_be_visible()


def test_a_slow_upload_disables_its_button_and_says_so(page, make_user, tmp_path):
    """The Excel check runs a while: the button is disabled with a spinner and a live region says what happens."""
    from tests.excel.workbooks import headings, xlsx

    make_user(Role.STAFF, email="staff@kmt.ru")
    upload = tmp_path / "люди.xlsx"
    upload.write_bytes(xlsx(headings("people"), []))
    log_in(page, "staff@kmt.ru", TEST_PASSWORD)
    page.goto("/excel/import?kind=people")
    wait_for_scripts(page)
    page.get_by_label("Файл Excel (.xlsx)").set_input_files(str(upload))
    # Keep the page where it is to look at it while "the server works": a listener on window runs after the page's
    # own (on document) and stops the navigation, not what the page does on submit.
    page.evaluate("() => window.addEventListener('submit', event => event.preventDefault())")
    page.get_by_role("button", name="Проверить файл").click()

    busy = page.get_by_role("button", name="Файл загружается и проверяется…")
    expect(busy).to_be_disabled()
    expect(busy.locator(".spinner-border")).to_have_attribute("aria-hidden", "true")
    expect(page.get_by_role("status")).to_have_text("Файл загружается и проверяется…")
    expect(page.locator("form[data-busy]")).to_have_attribute("aria-busy", "true")
