"""The secretary issues an order from the curator's account, downloads it as DOCX and PDF, finds it in the
register and downloads the register's selection as a ZIP while the progress bar fills."""
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from app.core.roles import Role
from app.extensions import db
from tests.documents.fixtures import converter_dir, real_pdf  # noqa: F401
from tests.documents.helpers import docx_text
from tests.e2e.conftest import log_in, open_menu
from tests.helpers import TEST_PASSWORD

#: real_pdf: the PDF comes from LibreOffice, the session's one converter.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("real_pdf")]


def test_secretary_issues_an_order_downloads_it_and_finds_it_in_the_register(page, make_user):
    make_user(Role.SECRETARY, email="belova@kmt.ru", last_name="Белова", first_name="Ирина", middle_name="Сергеевна")
    curator = make_user(Role.CURATOR, email="morozova@kmt.ru", last_name="Морозова", first_name="Ольга",
                        middle_name="Николаевна")
    curator.position = "заместитель директора по УВР"
    db.session.commit()

    log_in(page, "belova@kmt.ru", TEST_PASSWORD)
    open_menu(page, "Документы", "Выпустить документ")
    page.get_by_role("link", name="Приказ о назначении куратора наставнической деятельности").click()

    page.get_by_label("Куратор из учётных записей").select_option(label="Морозова Ольга Николаевна, заместитель "
                                                                        "директора по УВР")
    page.get_by_role("button", name="Заполнить").click()
    expect(page.locator("#curator-last_name")).to_have_value("Морозова")
    expect(page.get_by_label("Должность куратора")).to_have_value("заместитель директора по УВР")
    page.get_by_label("Дата приказа").fill("2026-09-01")
    page.get_by_label("Учебный год").fill("2026/2027")
    page.get_by_role("button", name="Выпустить документ").click()

    expect(page.get_by_text("Документ выпущен: Приказ о назначении куратора наставнической деятельности № 1-од "
                            "от 01.09.2026.")).to_be_visible()
    expect(page.get_by_test_id("number")).to_have_text("1-од")

    with page.expect_download() as download:
        page.get_by_test_id("download-docx").click()
    assert download.value.suggested_filename.endswith("№ 1-од — Морозова О.Н. — 01.09.2026.docx")
    text = docx_text(Path(download.value.path()).read_bytes())
    assert "учебный год Морозову Ольгу Николаевну" in text and "«01» сентября 2026 г. | № 1-од" in text

    with page.expect_download(timeout=60_000) as download:
        page.get_by_test_id("download-pdf").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")

    open_menu(page, "Документы", "Реестр документов")
    page.get_by_label("Поиск").fill("Морозова")
    page.get_by_role("button", name="Найти").click()
    table = page.get_by_test_id("register-table")
    expect(table).to_contain_text("№ 1-од")
    expect(table).to_contain_text("Морозова О.Н.")
    expect(table).to_contain_text("Белова И.С.")
    expect(page.get_by_text("Всего: 1")).to_be_visible()

    page.get_by_role("button", name="Скачать найденные одним ZIP (1)").click()
    expect(page.get_by_test_id("archive")).to_contain_text("готов: 1 из 1")
    with page.expect_download() as download:
        page.get_by_test_id("archive-download").click()
    bundle = zipfile.ZipFile(download.value.path())
    assert "Опись.csv" in bundle.namelist() and len(bundle.namelist()) == 2
