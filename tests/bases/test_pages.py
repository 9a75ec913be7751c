"""The bases on screen: every field of Приложения 3 and 4, the forms, pairing, lists, caching, query counts."""
import re
from datetime import date

import pytest

from app.bases import services
from app.bases.labels import MENTEE_COLUMNS, MENTOR_COLUMNS
from app.bases.models import MenteeParticipation, MenteeStatus, MentorStatus
from app.core.roles import Role
from app.extensions import db
from app.programs.services import make_current
from tests.helpers import page_text
from tests.query_count import count_queries


def mentee_form(year, **overrides):
    data = {"program_year": str(year.id), "category": "student", "main_request": "Подготовка к демоэкзамену",
            "entry_date": "2026-09-20", "mentorship_form": "", "end_date": "", "results": "", "case_link": ""}
    data.update(overrides)
    return data


def test_staff_find_a_person_and_enter_him_in_the_mentee_base(client, auth, make_user, bases_world):
    year = bases_world.year()
    person = bases_world.person(last_name="Сысоев")
    auth.login_as(make_user(Role.STAFF))
    picker = page_text(client.get("/bases/mentees/new", query_string={"q": "сысо"}))
    assert "Сысоев Иван Петрович" in picker
    response = client.post(f"/bases/mentees/new?person_id={person.id}",
                           data=mentee_form(year, entry_date="2027-09-20", case_link="kmt.ru/keis"))
    text = page_text(response)
    assert "в пределах 2026/2027 учебного года" in text
    assert "Подготовка к демоэкзамену" in response.get_data(as_text=True)
    assert db.session.query(MenteeParticipation).count() == 0
    response = client.post(f"/bases/mentees/new?person_id={person.id}", data=mentee_form(year),
                           follow_redirects=True)
    text = page_text(response)
    assert "Сысоев Иван Петрович добавлен в базу наставляемых 2026/2027." in text
    for label in MENTEE_COLUMNS.values():
        assert label in text, label


def test_a_graduate_is_not_offered_the_mentee_form_4_3(client, auth, make_user, bases_world):
    bases_world.year()
    graduate = bases_world.person(category="graduate", birth_date=date(2003, 1, 1))
    auth.login_as(make_user(Role.CURATOR))
    response = client.get(f"/bases/mentees/new?person_id={graduate.id}", follow_redirects=True)
    assert "не названа в п. 4.3" in page_text(response)


def test_staff_enter_a_mentor_with_every_field_of_appendix_4(client, auth, make_user, bases_world):
    year = bases_world.year()
    forms = bases_world.forms()
    teacher = bases_world.teacher(last_name="Пермякова", first_name="Ольга", middle_name="Ивановна", gender="female")
    auth.login_as(make_user(Role.STAFF))
    response = client.post(f"/bases/mentors/new?person_id={teacher.id}", data={
        "program_year": str(year.id), "category": "college_staff", "mentorship_form": str(forms["teacher_teacher"].id),
        "competencies": "Эксперт демоэкзамена", "achievements": "Педагог года — 2024", "interests": "Туризм",
        "desired_mentee_age": "любой", "time_resource": "3 часа в неделю", "entry_date": "2026-09-10",
        "end_date": "2027-06-30", "results": "", "case_link": "https://kmt-krasnouralsk.ru/keis/1"},
        follow_redirects=True)
    text = page_text(response)
    assert "в базу наставников 2026/2027" in text and "(а)" not in text
    for label in MENTOR_COLUMNS.values():
        assert label in text, label
    assert "ГАПОУ СО «КМТ», преподаватель" in text and "Педагог года — 2024" in text


def test_the_curator_pairs_on_the_page_and_the_rule_speaks_there_4_6(client, auth, make_user, bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    for _ in range(2):
        services.link_mentor(bases_world.mentee(year=year, papers=True), mentor)
    db.session.commit()
    mentee = bases_world.mentee(year=year, papers=True)
    auth.login_as(make_user(Role.CURATOR))
    page = page_text(client.get(f"/bases/mentees/{mentee.id}/mentor"))
    assert f"{mentor.person.full_name} — ГАПОУ СО «КМТ», группа ЭМ-22; студент – студент, наставляемых сейчас: 2" \
        in page
    text = page_text(client.post(f"/bases/mentees/{mentee.id}/mentor", data={"mentor": str(mentor.id)}))
    assert "не более двух наставляемых одновременно" in text and "п. 4.6 Положения" in text
    other = bases_world.mentor(year=year)
    response = client.post(f"/bases/mentees/{mentee.id}/mentor", data={"mentor": str(other.id)},
                           follow_redirects=True)
    from app.core.declension import full_name_in
    assert (f"{other.person.full_name} назначен наставником {full_name_in(mentee.person, 'genitive')}."
            in page_text(response))
    mentor_page = page_text(client.get(f"/bases/mentors/{other.id}"))
    assert mentee.person.full_name in mentor_page


def test_status_buttons_for_the_curator_only(client, auth, make_user, bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year, registered=False)
    auth.login_as(make_user(Role.CURATOR))
    registry = {"basis": "Приказ № 5 от 01.10.2026", "on": "2026-10-01"}
    response = client.post(f"/bases/mentors/{mentor.id}/registry", data=registry, follow_redirects=True)
    assert "пока не собраны подписанные документы" in page_text(response)  # the papers' gate
    bases_world.papers(mentor)
    response = client.post(f"/bases/mentors/{mentor.id}/registry", data=registry, follow_redirects=True)
    assert "Наставник включён в реестр наставников." in page_text(response)
    assert mentor.status == MentorStatus.REGISTERED
    mentee = bases_world.mentee(year=year)
    response = client.post(f"/bases/mentees/{mentee.id}/status/withdraw", data={"on": "2026-11-01"},
                           follow_redirects=True)
    assert "Отмечено выбытие из программы." in page_text(response) and mentee.status == MenteeStatus.WITHDRAWN
    with client.session_transaction() as session:
        session.clear()
    auth.login_as(make_user(Role.STAFF))
    assert "Действия куратора" not in page_text(client.get(f"/bases/mentees/{mentee.id}"))


def test_lists_filter_by_year_form_category_status_and_search(client, auth, make_user, bases_world):
    earlier = bases_world.year("2025/2026", start=date(2025, 9, 1), end=date(2026, 8, 31))
    year = bases_world.year("2026/2027")
    make_current(year)
    forms = bases_world.forms()
    bases_world.mentee(person=bases_world.person(last_name="Прошлогодний"), year=earlier,
                       entry_date=date(2025, 9, 15))
    bases_world.mentee(person=bases_world.person(last_name="Студентов"), year=year,
                       form=forms["student_student"])
    bases_world.mentee(person=bases_world.teacher(last_name="Педагогов"), year=year,
                       category="new_teacher", form=forms["teacher_teacher"])
    auth.login_as(make_user(Role.DIRECTOR))

    def names(**args):
        text = page_text(client.get("/bases/mentees/", query_string=args))
        return {name for name in ("Прошлогодний", "Студентов", "Педагогов") if name in text}

    assert names() == {"Студентов", "Педагогов"}  # the current year by default
    assert names(year="all") == {"Прошлогодний", "Студентов", "Педагогов"}
    assert names(year=earlier.id) == {"Прошлогодний"}
    assert names(form=forms["teacher_teacher"].id) == {"Педагогов"}
    assert names(category="student") == {"Студентов"}
    assert names(status="paired") == set()
    assert names(q="педаг") == {"Педагогов"}
    text = page_text(client.get("/bases/mentees/", query_string={"sort": "-name"}))
    assert text.index("Студентов") < text.index("Педагогов")


def test_the_mentor_list_filters_by_year_form_category_status_and_search(client, auth, make_user, bases_world):
    earlier = bases_world.year("2025/2026", start=date(2025, 9, 1), end=date(2026, 8, 31))
    year = bases_world.year("2026/2027")
    make_current(year)
    bases_world.mentor(person=bases_world.teacher(last_name="Прошлогодняя"), year=earlier,
                       form_code="teacher_teacher", entry_date=date(2025, 9, 15))
    bases_world.mentor(person=bases_world.person(last_name="Старшекурсников", birth_date=date(2004, 1, 10)),
                       year=year, entry_date=date(2026, 9, 20))
    bases_world.mentor(person=bases_world.employee(bases_world.partner(), last_name="Мастеров"), year=year,
                       form_code="employer_student", registered=False)
    auth.login_as(make_user(Role.DIRECTOR))
    forms = bases_world.forms()

    def names(**args):
        text = page_text(client.get("/bases/mentors/", query_string=args))
        return {name for name in ("Прошлогодняя", "Старшекурсников", "Мастеров") if name in text}

    assert names() == {"Старшекурсников", "Мастеров"}  # the current year by default
    assert names(year="all") == {"Прошлогодняя", "Старшекурсников", "Мастеров"}
    assert names(year=earlier.id) == {"Прошлогодняя"}
    assert names(form=forms["employer_student"].id) == {"Мастеров"}
    assert names(category="partner_employee") == {"Мастеров"}
    assert names(status="registered") == {"Старшекурсников"}
    assert names(q="старшек") == {"Старшекурсников"}
    text = page_text(client.get("/bases/mentors/", query_string={"sort": "-entry"}))
    assert text.index("Старшекурсников") < text.index("Мастеров")


@pytest.mark.slow  # 96 participants with all their papers
def test_base_lists_run_as_many_queries_for_60_rows_as_for_3(client, auth, make_user, bases_world):
    year = bases_world.year()
    auth.login_as(make_user(Role.CURATOR))

    def fill(count):
        for _ in range(count):
            mentor = bases_world.mentor(person=bases_world.employee(bases_world.partner()), year=year,
                                        form_code="employer_student")
            for _ in range(2):
                services.link_mentor(bases_world.mentee(person=bases_world.person(with_representative=True),
                                                        year=year, papers=True), mentor)
        db.session.commit()

    fill(2)
    few = (count_queries(client, "/bases/mentees/"), count_queries(client, "/bases/mentors/"),
           count_queries(client, "/partners/"))
    fill(30)
    many = (count_queries(client, "/bases/mentees/"), count_queries(client, "/bases/mentors/"),
            count_queries(client, "/partners/"))
    assert few == many
    html = client.get("/bases/mentees/").get_data(as_text=True)
    assert len(re.findall(r'href="/bases/mentees/\d+"', html)) == 50


def test_base_pages_are_not_cached(client, auth, make_user, bases_world):
    year = bases_world.year()
    mentee = bases_world.mentee(year=year)
    mentor = bases_world.mentor(year=year)
    auth.login_as(make_user(Role.SECRETARY))
    for path in ("/bases/mentees/", "/bases/mentors/", f"/bases/mentees/{mentee.id}", f"/bases/mentors/{mentor.id}",
                 "/excel/export/mentees.xlsx", "/partners/"):
        assert client.get(path).headers["Cache-Control"] == "no-store", path


def test_a_closed_year_reads_but_offers_no_changes(client, auth, make_user, bases_world):
    year = bases_world.year()
    mentee = bases_world.mentee(year=year)
    for _ in range(6):
        year.advance()
    year.close()
    db.session.commit()
    auth.login_as(make_user(Role.CURATOR))
    text = page_text(client.get(f"/bases/mentees/{mentee.id}"))
    assert "завершён: запись доступна только для просмотра" in text and "Изменить" not in text
    response = client.post(f"/bases/mentees/{mentee.id}/edit", data=mentee_form(year), follow_redirects=True)
    assert "завершён" in page_text(response)


def test_pages_and_messages_agree_with_a_womans_gender_and_name_her_in_the_right_case(client, auth, make_user,
                                                                                       bases_world):
    """«добавлена», «назначена наставником Кузьмич Елены Павловны», «Не участвовала как наставляемая» — no «(а)»."""
    year = bases_world.year()
    woman = bases_world.person(last_name="Кузьмич", first_name="Елена", middle_name="Павловна", gender="female",
                               birth_date=date(2006, 3, 3))
    mentor = bases_world.mentor(person=bases_world.person(last_name="Черных", first_name="Анастасия",
                                                           middle_name="Игоревна", gender="female",
                                                           birth_date=date(2004, 1, 1)), year=year)
    auth.login_as(make_user(Role.CURATOR))
    person_page = page_text(client.get(f"/people/{woman.id}"))
    assert "Не участвовала как наставляемая." in person_page and "Не участвовала как наставник." in person_page
    response = client.post(f"/bases/mentees/new?person_id={woman.id}", data=mentee_form(year),
                           follow_redirects=True)
    assert "Кузьмич Елена Павловна добавлена в базу наставляемых 2026/2027." in page_text(response)
    mentee = db.session.query(MenteeParticipation).one()
    bases_world.papers(mentee)
    response = client.post(f"/bases/mentees/{mentee.id}/mentor", data={"mentor": str(mentor.id)},
                           follow_redirects=True)
    assert "Черных Анастасия Игоревна назначена наставником Кузьмич Елены Павловны." in page_text(response)
    assert "(а)" not in page_text(response)
