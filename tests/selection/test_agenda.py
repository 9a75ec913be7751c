"""The meeting's agenda (4.13): only candidates with every paper signed go before the commission (the papers'
gate: 4.5, 4.11, Приложение 5); putting one there moves his application under review."""
from datetime import date

import pytest

from app.applications.gate import DocumentsIncomplete
from app.applications.models import ApplicationStatus
from app.consents.services import consents_of, withdraw_consent
from app.core.errors import RuleError
from app.extensions import db
from app.selection import agenda
from tests.helpers import page_text
from tests.selection.fixtures import cast


def test_a_candidate_without_the_consents_required_is_refused_naming_the_paper_4_11(meeting, candidate, people):
    ready = candidate()
    missing = candidate(papers=False, last_name="Безбумажный")
    with pytest.raises(DocumentsIncomplete) as refused:
        agenda.add_to_agenda(meeting, [ready, missing], actor=people["secretary"])
    message = str(refused.value)
    assert "Безбумажный Иван Петрович не может участвовать" in message
    assert "«Согласие на обработку персональных данных» — нет (п. 4.11 Положения)" in message
    assert "«Портфолио кандидата» — нет" in message
    db.session.rollback()
    assert meeting.candidates == [] and ready.status == ApplicationStatus.SUBMITTED  # all or nothing


def test_a_withdrawn_consent_keeps_the_candidate_from_the_commission_4_11(meeting, candidate, people):
    application = candidate(last_name="Отозвавший")
    consent = next(c for c in consents_of([application.person_id]) if c.kind.withdrawable)
    withdraw_consent(consent, people["secretary"], on=date(2026, 9, 16), note="Заявление об отзыве")
    db.session.commit()
    with pytest.raises(DocumentsIncomplete, match="«Согласие на обработку персональных данных» — отозвано"):
        agenda.add_to_agenda(meeting, [application], actor=people["secretary"])


def test_the_agenda_puts_applications_under_review_and_gives_them_back_before_anyone_scored(meeting, candidate,
                                                                                           people):
    first, second = candidate(), candidate()
    items = agenda.add_to_agenda(meeting, [first, second], actor=people["secretary"])
    db.session.commit()
    assert [item.application for item in meeting.candidates] == [first, second]
    assert first.status == ApplicationStatus.UNDER_REVIEW and first.status_on == meeting.meeting_date
    agenda.remove_from_agenda(items[1], actor=people["secretary"])
    db.session.commit()
    assert second.status == ApplicationStatus.SUBMITTED and [i.application for i in meeting.candidates] == [first]
    cast(items[0], people["lebedev"])
    with pytest.raises(RuleError, match="уже оценён членами комиссии") as refused:
        agenda.remove_from_agenda(items[0], actor=people["secretary"])
    assert refused.value.section == "4.13"


def test_an_application_written_after_the_meeting_waits_for_the_next_one(meeting, candidate, people):
    late = candidate()
    late.applied_on = date(2026, 9, 25)
    with pytest.raises(RuleError, match="позже заседания"):
        agenda.add_to_agenda(meeting, [late], actor=people["secretary"])


def test_the_secretary_sets_the_agenda_and_a_refusal_keeps_the_choice(client, auth, meeting, candidate, people):
    ready = candidate(last_name="Готовый")
    missing = candidate(papers=False, last_name="Неготовый")
    auth.login_as(people["secretary"])
    page = page_text(client.get(f"/selection/meetings/{meeting.id}/agenda"))
    # consent, portfolio, the student's parents' consent of Приложение 5 and the application's scan
    assert "Готовый Иван Петрович" in page and "не хватает: 4" in page
    response = client.post(f"/selection/meetings/{meeting.id}/agenda", data={"applications": [str(missing.id)]})
    assert "Неготовый Иван Петрович не может участвовать" in page_text(response)
    assert f'id="application-{missing.id}" checked' in response.get_data(as_text=True)
    response = client.post(f"/selection/meetings/{meeting.id}/agenda", data={"applications": [str(ready.id)]},
                           follow_redirects=True)
    assert "В повестку включено кандидатов: 1." in page_text(response)
    assert "Готовый Иван Петрович" in page_text(response) and "проголосовали 0 из 3" in page_text(response)
    auth.login_as(people["lebedev"])  # a member sets no agenda
    assert client.get(f"/selection/meetings/{meeting.id}/agenda").status_code == 403


def test_a_mentor_already_in_the_registry_by_order_does_not_go_before_the_commission_4_13(meeting, candidate,
                                                                                            people):
    from tests.factories import make_mentor

    application = candidate(last_name="Назначенный")
    make_mentor(person=application.person)  # registered by the order of his nomination (4.13)
    assert agenda.waiting_applications(meeting.commission.program_year) == []
    with pytest.raises(RuleError, match="уже в реестре наставников") as refused:
        agenda.add_to_agenda(meeting, [application], actor=people["secretary"])
    assert refused.value.section == "4.13"
