"""The pages of pairs and groups, as the curator uses them: forming, the refusals in the regulation's words next to
the field with what was typed kept, the list with its filters and total, the pairing's page, the person's page."""
from datetime import date

from app.extensions import db
from app.pairs import services
from app.pairs.models import Pairing
from tests.factories import ENTRY
from tests.helpers import page_text


def test_the_curator_forms_pairs_and_a_third_is_refused_with_4_6(client, auth, curator, bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    mentees = [bases_world.mentee(year=year, papers=True) for _ in range(3)]
    auth.login_as(curator)
    page = page_text(client.get("/pairs/new?kind=pair"))
    assert mentor.person.full_name in page and mentees[0].person.full_name in page
    for mentee in mentees[:2]:
        response = client.post("/pairs/new?kind=pair", data={
            "mentor": mentor.id, "mentee": mentee.id, "starts_on": "2026-09-15", "planned_end_on": "2027-05-31"})
        assert response.status_code == 302
        assert "Пара сформирована" in page_text(client.get(response.headers["Location"]))
    response = client.post("/pairs/new?kind=pair", data={
        "mentor": mentor.id, "mentee": mentees[2].id, "starts_on": "2026-09-15", "planned_end_on": "2027-05-31"})
    text = page_text(response)
    assert response.status_code == 200 and "не более двух наставляемых одновременно" in text and "п. 4.6" in text
    assert 'value="2027-05-31"' in response.get_data(as_text=True)  # what was typed stays
    listing = page_text(client.get(f"/pairs/?year={year.id}&q={mentor.person.last_name}"))
    assert "Всего: 2" in listing and mentees[0].person.full_name in listing
    assert "Всего: 0" in page_text(client.get(f"/pairs/?year={year.id}&state=completed"))
    mentee_page = page_text(client.get(f"/bases/mentees/{mentees[0].id}"))
    assert mentor.person.full_name in mentee_page and "31.05.2027" in mentee_page  # the base's columns


def test_the_pairing_page_shows_members_papers_and_actions(client, auth, curator, bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    mentee = bases_world.mentee(year=year, papers=True)
    pairing = services.form_pair(mentee, mentor, starts_on=ENTRY, planned_end_on=date(2027, 5, 31))
    db.session.commit()
    auth.login_as(curator)
    text = page_text(client.get(f"/pairs/{pairing.id}"))
    assert mentee.person.full_name in text and "действует" in text and "31.05.2027" in text
    assert "Заменить наставника (п. 4.8)" in text and "Продлить срок (п. 4.7)" in text
    person_page = page_text(client.get(f"/people/{mentee.person_id}"))
    assert "Пары и группы" in person_page and mentor.person.short_name in person_page
    for base_page in (f"/bases/mentees/{mentee.id}", f"/bases/mentors/{mentor.id}"):
        assert f"{pairing.label} — действует" in page_text(client.get(base_page))


def test_a_group_is_formed_its_agreements_printed_and_it_starts_when_signed_4_6(client, auth, curator, bases_world,
                                                                               secretary):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    mentees = [bases_world.mentee(year=year, papers=True) for _ in range(3)]
    auth.login_as(curator)
    response = client.post("/pairs/new?kind=group", data={
        "mentor": mentor.id, "mentees": [m.id for m in mentees], "starts_on": "2026-09-15",
        "planned_end_on": "2027-05-31"})
    assert response.status_code == 302
    group = db.session.scalars(db.select(Pairing)).one()
    text = page_text(client.get(response.headers["Location"]))
    assert "формируется" in text and "Согласия на групповую форму работы (п. 4.6)" in text
    client.post(f"/pairs/{group.id}/start")
    assert group.state == "forming"
    for agreement in group.agreements:
        client.post(f"/pairs/{group.id}/agreements/{agreement.id}/print")
    db.session.expire_all()
    assert all(agreement.printed_state == "printed" for agreement in group.agreements)
    from tests.pairs.helpers import sign_agreements
    sign_agreements(group, secretary)
    client.post(f"/pairs/{group.id}/start")
    db.session.expire_all()
    assert db.session.get(Pairing, group.id).state == "active"


def test_the_replacement_is_prepared_as_a_draft_for_the_secretary_4_8(client, auth, curator, bases_world):
    year = bases_world.year()
    mentor, other = bases_world.mentor(year=year), bases_world.mentor(year=year)
    mentee = bases_world.mentee(year=year, papers=True)
    pairing = services.form_pair(mentee, mentor, starts_on=ENTRY, planned_end_on=date(2027, 5, 31))
    db.session.commit()
    auth.login_as(curator)
    response = client.post(f"/pairs/{pairing.id}/replace", data={
        "doc_date": "2027-01-15", "new_mentor": other.id,
        "reason": "психологической несовместимостью наставника и наставляемого", "reason_details": ""})
    assert response.status_code == 302
    text = page_text(client.get(response.headers["Location"]))
    assert "Проект приказа подготовлен" in text and "Приказ о замене наставника" in text
    assert db.session.get(Pairing, pairing.id).state == "active"


def test_the_list_runs_as_many_queries_for_20_pairs_as_for_2(client, auth, curator, bases_world):
    from tests.query_count import count_queries

    year = bases_world.year()
    auth.login_as(curator)

    def fill(count):
        for _ in range(count):
            mentor = bases_world.mentor(year=year)
            services.form_pair(bases_world.mentee(year=year, papers=True), mentor)
        db.session.commit()

    fill(2)
    few = (count_queries(client, "/pairs/"), count_queries(client, "/pairs/?q=ов"))
    fill(18)
    assert (count_queries(client, "/pairs/"), count_queries(client, "/pairs/?q=ов")) == few
