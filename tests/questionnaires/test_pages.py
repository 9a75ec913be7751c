"""The curator sends a questionnaire from its page, prints the links with their QR codes, staff type in answers given
on paper; the participant's page keeps CSRF and a rate limit."""
import re
from datetime import timedelta

from sqlalchemy import select

from app.core.formatting import local_today
from app.core.roles import Role
from app.extensions import db
from app.questionnaires import links
from app.questionnaires.models import Dispatch, Response
from tests.helpers import page_text
from tests.questionnaires.fixtures import full_answers, questionnaire, send


def test_the_curator_sends_a_questionnaire_to_a_form_and_prints_the_links_with_qr_codes_8_3(quest, client, auth):
    auth.login_as(quest.curator)
    found = questionnaire("p7_mentee")
    page = client.get(f"/questionnaires/{found.id}/send")
    text = page_text(page)
    assert "Электронной почты в интранете нет" in text and "Антонов" in text
    expires = local_today() + timedelta(days=10)
    sent = client.post(f"/questionnaires/{found.id}/send?year_id={quest.year.id}",
                       data={"year_id": str(quest.year.id), "phase": "start", "target": "form",
                             "form_id": str(quest.forms["student_student"].id), "expires_on": expires.isoformat()},
                       follow_redirects=True)
    assert "Ссылок создано: 2." in page_text(sent)
    dispatch = db.session.scalar(select(Dispatch))
    printed = client.get(f"/questionnaires/dispatches/{dispatch.id}/print")
    html = printed.get_data(as_text=True)
    assert page_text(printed).count(f"Ответить можно до {expires:%d.%m.%Y} включительно.") == 2
    for invitation in dispatch.invitations:
        assert links.token_of(invitation) in html
        qr = client.get(f"/questionnaires/invitations/{invitation.id}/qr.svg")
        assert qr.status_code == 200 and qr.mimetype == "image/svg+xml" and b"<svg" in qr.data
    assert "Ссылок" in page_text(client.get("/questionnaires/dispatches/"))


def test_a_refusal_on_the_send_page_keeps_what_was_chosen_8_3(quest, client, auth):
    auth.login_as(quest.curator)
    found = questionnaire("p7_mentee")
    page = client.post(f"/questionnaires/{found.id}/send?year_id={quest.year.id}",
                       data={"year_id": str(quest.year.id), "phase": "end", "target": "form",
                             "form_id": str(quest.forms["teacher_teacher"].id),
                             "expires_on": (local_today() + timedelta(days=3)).isoformat()})
    text = page_text(page)
    assert "для формы «студент – студент»" in text
    assert re.search(r'value="end"[^>]*checked|checked[^>]*value="end"', page.get_data(as_text=True))


def test_staff_type_in_answers_given_on_paper_marked_as_such_8_3(quest, client, auth, make_user):
    dispatch = send("p7_mentee", quest.curator, year=quest.year).dispatch
    invitation = dispatch.invitations[0]
    staff = make_user(Role.STAFF)
    auth.login_as(staff)
    page = client.get(f"/questionnaires/invitations/{invitation.id}/paper")
    assert "Перенесите ответы участника с бумажного бланка" in page_text(page)
    done = client.post(f"/questionnaires/invitations/{invitation.id}/paper", data=full_answers(dispatch.version),
                       follow_redirects=True)
    assert "с бумажной анкеты сохранены" in page_text(done) and "на бумаге" in page_text(done)
    response = db.session.scalar(select(Response))
    assert response.on_paper and response.entered_by_id == staff.id
    again = client.get(f"/questionnaires/invitations/{invitation.id}/paper")
    assert links.USED in page_text(again)


def test_the_answer_page_needs_its_csrf_token_and_is_rate_limited(quest, client, app):
    invitation = send("p7_mentee", quest.curator, year=quest.year).dispatch.invitations[0]
    url = "/a/" + links.token_of(invitation)
    posted = client.post(url, data=full_answers(invitation.dispatch.version), csrf=False)
    assert posted.status_code == 400 and db.session.scalar(select(Response)) is None
    app.config["QUESTIONNAIRE_RATE_LIMIT"] = "3 per minute"
    answers = [client.get(url).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    assert "Слишком много попыток" in page_text(client.get(url))
