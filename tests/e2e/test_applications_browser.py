"""Staff submit a minor student's candidate application, download its DOCX, upload the signed scan, the
portfolio and the parent's papers, and watch the checklist turn complete."""
from datetime import date

import pytest
from playwright.sync_api import expect

from app.core.roles import Role
from tests.documents.helpers import docx_text, make_pdf, make_png
from tests.e2e.conftest import log_in, open_menu
from tests.factories import bases_world  # noqa: F401  (a fixture)
from tests.helpers import TEST_PASSWORD

pytestmark = pytest.mark.browser


def test_staff_bring_a_minor_candidates_papers_to_complete(page, make_user, bases_world, tmp_path):  # noqa: F811
    bases_world.year()
    bases_world.person(last_name="Чусовитин", first_name="Глеб", middle_name="Олегович", birth_date=date(2009, 11, 1),
                       study_group="ТМ-24", with_representative=True)
    make_user(Role.STAFF, email="staff@kmt.ru", last_name="Кузнецова", first_name="Марина", middle_name="Андреевна")
    signed, portfolio = tmp_path / "Заявление подписанное.pdf", tmp_path / "портфолио.pdf"
    consent = tmp_path / "согласие.png"
    signed.write_bytes(make_pdf("signed"))
    portfolio.write_bytes(make_pdf("portfolio"))
    consent.write_bytes(make_png())

    log_in(page, "staff@kmt.ru", TEST_PASSWORD)
    open_menu(page, "Отбор наставников", "Заявления кандидатов в наставники")
    page.get_by_role("link", name="Новое заявление").click()
    page.get_by_label("Фамилия").fill("чусов")
    page.get_by_role("button", name="Найти").click()
    page.get_by_test_id("picker-results").get_by_role("link", name="Чусовитин Глеб Олегович").click()

    page.get_by_label("Форма наставничества, в которой кандидат хочет быть наставником").select_option(
        label="студент – студент")
    expect(page.get_by_label("Должность кандидата (для обучающегося — группа)")).to_have_value("студент группы ТМ-24")
    page.get_by_label("E-mail").fill("chusovitin@students.kmt.ru")
    page.get_by_label("Портфолио: число листов").fill("6")
    page.get_by_label("С Положением о наставничестве ознакомлен").check()
    page.get_by_label("Подтверждает согласие на обработку своих персональных данных").check()
    page.get_by_role("button", name="Сохранить и распечатать").click()
    expect(page.get_by_text("сохранено и распечатано")).to_be_visible()
    expect(page.get_by_test_id("application-details")).to_contain_text("прилагается: оформляется в перечне документов")

    card = page.get_by_test_id("paper-card")
    with page.expect_download() as download:
        card.get_by_role("link", name="DOCX для подписи").click()
    assert download.value.suggested_filename.endswith(".docx")
    text = docx_text(download.value.path().read_bytes())
    assert "от Чусовитина Глеба Олеговича" in text and "согласие родителей (законных представителей)" in text

    checklist = page.get_by_test_id("checklist")
    expect(checklist.get_by_test_id("checklist-gaps")).to_have_text("не хватает: 4")
    card.get_by_label("Файл (PDF, JPEG или PNG)").set_input_files(str(signed))
    card.get_by_role("button", name="Загрузить скан подписанного").click()
    expect(page.get_by_text("Скан «Заявление подписанное.pdf» загружен (версия 1)")).to_be_visible()
    expect(checklist.get_by_test_id("paper-candidate_application")).to_contain_text("подписан (скан загружен)")

    item = checklist.get_by_test_id("paper-portfolio")
    item.get_by_label("Файл (PDF, JPEG или PNG)").set_input_files(str(portfolio))
    item.get_by_role("button", name="Загрузить").click()
    expect(checklist.get_by_test_id("paper-portfolio")).to_contain_text("загружен")

    for code in ("personal_data_parent", "parent_application"):
        item = checklist.get_by_test_id(f"paper-{code}")
        item.get_by_role("button", name="Распечатать").click()
        item = checklist.get_by_test_id(f"paper-{code}")
        expect(item).to_contain_text("распечатан, не подписан")
        item.get_by_label("Файл (PDF, JPEG или PNG)").set_input_files(str(consent))
        item.get_by_role("button", name="Загрузить скан подписанного").click()
        expect(checklist.get_by_test_id(f"paper-{code}")).to_contain_text("подписан (скан загружен)")

    expect(checklist.get_by_test_id("checklist-complete")).to_have_text("все документы собраны")
