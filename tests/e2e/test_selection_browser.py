"""Three commission members score and vote on two candidates; the secretary closes the meeting, downloads the
protocol, approves the registry of mentors by order and downloads it; the selected candidate is in the mentor base
(4.13, Приложения 1, 4)."""
import pytest
from playwright.sync_api import expect

from tests.documents.helpers import docx_text, flat
from tests.e2e.conftest import log_in, open_menu, wait_for_scripts
from tests.helpers import TEST_PASSWORD
from tests.selection.fixtures import candidate, composition, meeting, people  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def sign_in(page, user):
    page.context.clear_cookies()
    log_in(page, user.email, TEST_PASSWORD)


def review(page, meeting_id, name, vote, comment):
    """2 on every criterion but the first (1), a comment, the vote."""
    page.goto(f"/selection/meetings/{meeting_id}")
    page.get_by_test_id("candidates").get_by_role("link", name=name).click()
    form = page.get_by_test_id("review")
    wait_for_scripts(page)  # the «все» buttons are wired by app.js
    form.get_by_role("button", name="все на 2").click()
    form.get_by_test_id("criterion").first.get_by_label("1 — соответствует частично").check()
    form.get_by_label("Комментарий").fill(comment)
    form.get_by_label(vote, exact=True).check()
    form.get_by_role("button", name="Сохранить оценку и голос").click()
    expect(page.get_by_text("Оценка и голос по кандидату")).to_be_visible()


def test_three_members_vote_and_the_selected_enters_the_mentor_base(page, meeting, candidate, people):  # noqa: F811
    candidate(last_name="Пестов", first_name="Кирилл", middle_name="Андреевич")
    candidate(last_name="Рябов", first_name="Олег", middle_name="Сергеевич")
    page.on("dialog", lambda dialog: dialog.accept())  # «Закрыть заседание?»

    sign_in(page, people["secretary"])
    page.goto(f"/selection/meetings/{meeting.id}")
    page.get_by_role("link", name="Включить кандидатов").click()
    page.get_by_label("Пестов Кирилл Андреевич").check()
    page.get_by_label("Рябов Олег Сергеевич").check()
    page.get_by_role("button", name="Включить в повестку заседания").click()
    expect(page.get_by_text("В повестку включено кандидатов: 2.")).to_be_visible()

    for name, votes in (("director", ("за", "против")), ("curator", ("за", "против")), ("lebedev", ("за", "за"))):
        sign_in(page, people[name])
        review(page, meeting.id, "Пестов Кирилл Андреевич", votes[0], "Лидер группы")
        expect(page.get_by_test_id("reviews").get_by_test_id("vote")).to_have_count(
            ("director", "curator", "lebedev").index(name) + 1)  # the others' votes show once he has voted
        review(page, meeting.id, "Рябов Олег Сергеевич", votes[1], "Нужно больше опыта")

    sign_in(page, people["secretary"])
    page.goto(f"/selection/meetings/{meeting.id}")
    page.get_by_role("button", name="Закрыть заседание").click()
    expect(page.get_by_text("решения записаны в заявления кандидатов")).to_be_visible()
    rows = page.get_by_test_id("candidate-row")
    expect(rows.filter(has_text="Пестов").get_by_test_id("decision")).to_have_text("отобран")
    expect(rows.filter(has_text="Рябов").get_by_test_id("decision")).to_have_text("не отобран")

    papers = page.get_by_test_id("meeting-papers")
    with page.expect_download() as download:
        papers.get_by_test_id("paper-commission_protocol").get_by_role("link", name="DOCX").click()
    protocol = flat(docx_text(download.value.path().read_bytes()))
    assert "ПРОТОКОЛ № 01" in protocol and "Пестов Кирилл Андреевич" in protocol
    assert "Рябов О.С. | Лебедев Д.И. | 23 | за" in protocol  # 2 on 11 criteria, 1 on the first

    papers.get_by_role("link", name="Утвердить реестр приказом").click()
    page.get_by_label("Пестов Кирилл Андреевич: основные компетенции наставника").fill(
        "Лидер группы, победитель олимпиады по электротехнике")
    page.get_by_role("button", name="Выпустить приказ и включить в реестр").click()
    expect(page.get_by_text("отобранные кандидаты включены в реестр наставников")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_test_id("paper-order_approve_mentor_registry").get_by_role("link", name="DOCX").click()
    order = flat(docx_text(download.value.path().read_bytes()))
    assert "Утвердить реестр наставников" in order and "Пестов Кирилл Андреевич" in order and "Рябов" not in order

    open_menu(page, "Базы", "База наставников")
    expect(page.get_by_role("link", name="Пестов Кирилл Андреевич")).to_be_visible()
    expect(page.get_by_text("Рябов Олег Сергеевич")).to_have_count(0)
