"""Issue 11, finding 3: two identical submissions at the same moment make one record and no 500.

On PostgreSQL two requests really run at once (threads, two connections); ``race`` holds the first at the
service's "is there one already?" check until the second arrives, so without a lock both would pass it.
The slower one must get the Russian message it would have got alone. The one-time form token (every form
carries one) is tested on both databases: the same form sent twice is taken once.
"""
import re
from datetime import date

import pytest
from sqlalchemy import func, select

from app.consents import services as consent_services
from app.consents.models import Consent
from app.core.roles import Role
from app.extensions import db
from app.partners import services as partner_services
from app.partners.models import PartnerOrganisation
from app.people import services as people_services
from app.people.models import Person
from tests.helpers import page_text
from tests.security.concurrency import concurrently

PERSON = {"last_name": "Ёлкина", "first_name": "Алёна", "middle_name": "Сергеевна", "gender": "female",
          "birth_date": "2009-05-20", "category": "student", "study_group": "ПК-25", "position": "",
          "organisation": "", "phone": "+7 912 555 44 33", "email": ""}
PARTNER = {"full_name": "Общество с ограниченной ответственностью «Северный металлург»",
           "short_name": "ООО «Северный металлург»", "legal_address": "624330, г. Красноуральск, ул. Мира, 1",
           "head_last_name": "Черных", "head_first_name": "Алла", "head_middle_name": "Юрьевна",
           "head_gender": "female", "head_position": "директор", "head_basis": "", "contact_name": "",
           "contact_position": "", "contact_phone": "", "contact_email": "", "active": "y"}


def count(model):
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def form_token(response):
    """The one-time token of the form on a page."""
    match = re.search(r'name="form_token"[^>]*value="([^"]+)"', response.get_data(as_text=True))
    assert match, "the form carries no one-time token"
    return match.group(1)


@pytest.fixture
def staff(make_user):
    return make_user(Role.STAFF, email="twice@security.test")


def _answer(client, response):
    """What the user reads after a post: the page itself, or the page it redirects to (with its flash)."""
    if response.status_code == 302:
        return page_text(client.get(response.headers["Location"]))
    return page_text(response)


@pytest.mark.postgres_only
@pytest.mark.real_commits
def test_two_people_posted_at_once_make_one_card(app, staff, race):
    race(people_services, "_warn_of_duplicates")
    responses = concurrently(app, staff, [lambda client: (client, client.post("/people/new", data=PERSON))] * 2)
    assert sorted(response.status_code for _, response in responses) == [200, 302]
    assert count(Person) == 1
    slower = next(page_text(response) for _, response in responses if response.status_code == 200)
    assert "Возможно, этот человек уже есть в базе" in slower


@pytest.mark.postgres_only
@pytest.mark.real_commits
def test_two_partners_posted_at_once_make_one_and_no_500(app, staff, race):
    race(partner_services, "find_partner_by_name")
    responses = concurrently(app, staff, [lambda client: client.post("/partners/new", data=PARTNER)] * 2)
    assert sorted(response.status_code for response in responses) == [200, 302]
    assert count(PartnerOrganisation) == 1
    slower = next(page_text(response) for response in responses if response.status_code == 200)
    assert "уже есть в списке партнёров" in slower


@pytest.mark.postgres_only
@pytest.mark.real_commits
def test_two_quick_consents_at_once_make_one_consent_and_one_document(app, staff, race, bases_world):
    from app.documents.models import Document

    person = bases_world.person(birth_date=date(2000, 1, 1))
    race(consent_services, "current_consent")
    url = f"/consents/quick?person_id={person.id}&kind=personal_data&role=mentee"
    responses = concurrently(app, staff, [lambda client: (client, client.post(url, data={}))] * 2)
    assert [response.status_code for _, response in responses] == [302, 302]
    assert count(Consent) == 1 and count(Document) == 1
    answers = [_answer(client, response) for client, response in responses]
    assert sum("документ готов" in answer for answer in answers) == 1
    assert sum("уже оформлено" in answer for answer in answers) == 1


def test_the_same_person_form_sent_twice_is_taken_once(client, auth, staff):
    """Double click on «Сохранить» after confirming a namesake: the domain would take both; the token takes one."""
    auth.login_as(staff)
    token = form_token(client.get("/people/new"))
    data = {**PERSON, "confirm_duplicate": "y", "form_token": token}
    assert client.post("/people/new", data=data).status_code == 302
    second = client.post("/people/new", data=data)
    assert second.status_code == 200
    assert "Эта форма уже отправлена" in page_text(second)
    assert count(Person) == 1
    assert form_token(second) != token  # a deliberate second submission gets a fresh token


def test_the_same_form_sent_twice_gets_the_domains_own_answer(client, auth, staff):
    """Without a confirmation the domain refuses the repeat with its own message, as it would alone."""
    auth.login_as(staff)
    token = form_token(client.get("/people/new"))
    data = {**PERSON, "form_token": token}
    assert client.post("/people/new", data=data).status_code == 302
    second = client.post("/people/new", data=data)
    assert "Возможно, этот человек уже есть в базе" in page_text(second)
    assert count(Person) == 1


@pytest.mark.postgres_only
@pytest.mark.real_commits
def test_the_same_form_sent_twice_at_once_is_taken_once(app, client, auth, staff):
    auth.login_as(staff)
    token = form_token(client.get("/partners/new"))
    data = {**PARTNER, "form_token": token}
    responses = concurrently(app, staff, [lambda c: c.post("/partners/new", data=data)] * 2)
    assert sorted(response.status_code for response in responses) == [200, 302]
    assert count(PartnerOrganisation) == 1
