"""People pages: the form keeps input and warns of duplicates; search, filters, sorting, paging; no caching."""
import re
from datetime import date

from app.core.roles import Role
from app.extensions import db
from app.people.models import Person
from tests.helpers import page_text
from tests.query_count import count_queries


def form_data(**overrides):
    data = {"last_name": "Ёлкина", "first_name": "Алёна", "middle_name": "Сергеевна", "gender": "female",
            "birth_date": "2009-05-20", "category": "student", "study_group": "ПК-25", "position": "",
            "organisation": "", "phone": "+7 912 555 44 33", "email": ""}
    data.update(overrides)
    return data


def test_staff_adds_a_person_and_errors_stay_next_to_the_fields(client, auth, make_user):
    auth.login_as(make_user(Role.STAFF))
    response = client.post("/people/new", data=form_data(phone="123", birth_date="2030-01-01"))
    text = page_text(response)
    assert response.status_code == 200 and "Введите телефон из 10 цифр" in text
    assert 'value="Ёлкина"' in response.get_data(as_text=True)
    assert db.session.query(Person).count() == 0
    response = client.post("/people/new", data=form_data(), follow_redirects=True)
    assert "Ёлкина Алёна Сергеевна добавлена в список людей." in page_text(response)


def test_the_duplicate_warning_shows_a_confirmation_and_then_saves(client, auth, make_user):
    auth.login_as(make_user(Role.STAFF))
    client.post("/people/new", data=form_data())
    response = client.post("/people/new", data=form_data(last_name="Елкина"))
    assert "Возможно, этот человек уже есть в базе" in page_text(response)
    assert 'data-testid="duplicate-warning"' in response.get_data(as_text=True)
    assert db.session.query(Person).count() == 1
    response = client.post("/people/new", data=form_data(last_name="Елкина", confirm_duplicate="y"),
                           follow_redirects=True)
    assert "в список людей" in page_text(response)
    assert db.session.query(Person).count() == 2


def test_search_finds_cyrillic_surnames_whatever_the_case_and_yo(client, auth, make_user, bases_world):
    bases_world.person(last_name="Семёнов")
    bases_world.person(last_name="Кузьмина", first_name="Ирина", middle_name="Петровна", gender="female")
    auth.login_as(make_user(Role.SECRETARY))
    for query in ("семенов", "СЕМЁН", "Семенов"):
        text = page_text(client.get("/people/", query_string={"q": query}))
        assert "Семёнов Иван Петрович" in text and "Кузьмина" not in text and "Всего: 1" in text, query


def test_filters_sorting_and_pages_of_fifty(client, auth, make_user, bases_world):
    for number in range(55):
        bases_world.person(last_name=f"Студентов{chr(0x430 + number % 26)}", study_group="ТМ-23",
                           birth_date=date(2007, 1, 1 + number % 28))
    bases_world.teacher(last_name="Учителева", first_name="Вера", middle_name="Павловна", gender="female")
    auth.login_as(make_user(Role.DIRECTOR))
    page1 = page_text(client.get("/people/", query_string={"category": "student"}))
    assert "Всего: 55" in page1 and "Учителева" not in page1
    html = client.get("/people/", query_string={"category": "student", "page": 2}).get_data(as_text=True)
    assert len(re.findall(r'href="/people/\d+"', html)) == 5
    sorted_desc = page_text(client.get("/people/", query_string={"sort": "-name"}))
    assert sorted_desc.index("Учителева") < sorted_desc.index("Студентов")
    assert "Учителева" in page_text(client.get("/people/", query_string={"category": "teacher"}))


def test_the_list_needs_the_same_number_of_queries_for_5_or_50_rows(client, auth, make_user, bases_world):
    partner = bases_world.partner()
    auth.login_as(make_user(Role.CURATOR))
    for _ in range(5):
        bases_world.employee(partner)
    few = count_queries(client, "/people/")
    for _ in range(50):
        bases_world.employee(partner)
    many = count_queries(client, "/people/")
    assert few == many


def test_person_pages_are_not_cached(client, auth, make_user, bases_world):
    person = bases_world.person()
    auth.login_as(make_user(Role.CURATOR))
    for path in ("/people/", f"/people/{person.id}", f"/people/{person.id}/edit"):
        assert client.get(path).headers["Cache-Control"] == "no-store", path


def test_the_person_page_shows_his_participations_across_years(client, auth, make_user, bases_world):
    earlier = bases_world.year("2025/2026", start=date(2025, 9, 1), end=date(2026, 8, 31))
    later = bases_world.year("2026/2027")
    person = bases_world.person(birth_date=date(2007, 1, 1))
    bases_world.mentee(person=person, year=earlier, entry_date=date(2025, 9, 20))
    bases_world.mentor(person=person, year=later)
    auth.login_as(make_user(Role.SECRETARY))
    text = page_text(client.get(f"/people/{person.id}"))
    assert "В базе наставляемых (Приложение 3) Добавить" not in text  # the secretary reads only
    assert "2025/2026" in text.split("В базе наставников")[0] and "2026/2027" in text.split("В базе наставников")[1]


def test_representatives_and_name_forms_are_kept_on_the_person_page(client, auth, make_user, bases_world):
    person = bases_world.person(birth_date=date(2010, 2, 2))
    auth.login_as(make_user(Role.STAFF))
    assert "Несовершеннолетний: для участия в программе нужен родитель" in page_text(
        client.get(f"/people/{person.id}"))
    response = client.post(f"/people/{person.id}/representatives/new", data={
        "last_name": person.last_name, "first_name": "Ольга", "middle_name": "Ивановна", "gender": "female",
        "relation": "mother", "phone": "", "email": "olga@mail.ru"}, follow_redirects=True)
    assert "Законный представитель добавлен." in page_text(response)
    response = client.post(f"/people/{person.id}/name-forms", data={"genitive": "Особой Формы"},
                           follow_redirects=True)
    assert "Особой Формы" in page_text(response)
    assert person.name_forms == {"genitive": "Особой Формы"}


def test_the_declension_page_shows_the_automatic_forms_beside_the_fields(client, auth, make_user, bases_world):
    person = bases_world.person(last_name="Кузьмич", first_name="Елена", middle_name="Павловна", gender="female")
    auth.login_as(make_user(Role.STAFF))
    page = page_text(client.get(f"/people/{person.id}/name-forms"))
    assert "Падеж: родительный (кого?) Автоматически: «Кузьмич Елены Павловны»." in page
    assert "Падеж: дательный (кому?) Автоматически: «Кузьмич Елене Павловне»." in page
    client.post(f"/people/{person.id}/name-forms", data={"genitive": "Кузьмич Елены Павловны-Исправленной"})
    page = page_text(client.get(f"/people/{person.id}/name-forms"))
    assert "Автоматически: «Кузьмич Елены Павловны»; в документах — как вписано." in page
