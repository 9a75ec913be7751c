"""A mentee opens his personal link on a phone, answers, and cannot answer twice; the curator sees the chart of the
answers with its table beside it."""
import pytest
from playwright.sync_api import expect

from app.questionnaires import links
from app.questionnaires.models import AnswerKind
from tests.e2e.conftest import log_in
from tests.factories import bases_world  # noqa: F401  (a fixture)
from tests.helpers import TEST_PASSWORD
from tests.questionnaires.fixtures import curator, quest, questionnaire, send  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def test_a_mentee_answers_on_his_phone_once_and_the_curator_sees_the_chart(browser, live_server, quest):  # noqa: F811
    invitation = send("p7_mentee", quest.curator, year=quest.year).dispatch.invitations[0]
    version = invitation.dispatch.version
    url = "/a/" + links.token_of(invitation)

    phone = browser.new_context(base_url=live_server, locale="ru-RU", viewport={"width": 390, "height": 844},
                                reduced_motion="reduce")
    phone.set_default_timeout(15_000)
    page = phone.new_page()
    page.goto(url)
    expect(page.get_by_role("heading", name="Анкета наставляемого (форма студент-студент)")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    for question in version.questions:
        if question.kind == AnswerKind.TEXT:
            page.locator(f'textarea[name="{question.field_name}"]').fill("Научиться выступать")
        else:
            value = 8 if question.kind == AnswerKind.SCALE else 1
            page.locator(f'input[name="{question.field_name}"][value="{value}"]').check()
    page.get_by_role("button", name="Отправить ответы").click()
    expect(page.get_by_test_id("answer-message")).to_have_text("Спасибо! Ваши ответы сохранены.")
    page.goto(url)
    expect(page.get_by_test_id("answer-message")).to_contain_text("ответ уже получен")
    expect(page.get_by_role("button", name="Отправить ответы")).to_have_count(0)
    phone.close()

    desk = browser.new_context(base_url=live_server, locale="ru-RU", reduced_motion="reduce")
    desk.set_default_timeout(15_000)
    page = desk.new_page()
    log_in(page, quest.curator.email, TEST_PASSWORD)
    page.goto(f"/questionnaires/{questionnaire('p7_mentee').id}/results")
    first_scale = page.get_by_test_id("question-result").nth(2)
    expect(first_scale).to_contain_text("среднее: 8,00")
    expect(first_scale.get_by_test_id("chart")).to_be_visible()
    expect(first_scale.get_by_test_id("distribution").locator("tr", has_text="8")).to_contain_text("100,0")
    expect(page.get_by_test_id("free-answers").first).to_contain_text("Научиться выступать")
    desk.close()
