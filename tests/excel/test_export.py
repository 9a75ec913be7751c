"""Export of the bases: the regulation's columns in its order, read back with openpyxl; no formulas ever."""
from datetime import date, datetime

from sqlalchemy import select

from app.audit.models import AuditEvent
from app.bases import services
from app.bases.labels import MENTEE_COLUMNS, MENTOR_COLUMNS
from app.core.roles import Role
from app.extensions import db
from tests.excel.workbooks import headings, read, upload
from tests.helpers import page_text


def test_the_mentee_base_exports_appendix_3_in_order(client, auth, make_user, bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    person = bases_world.person(last_name="Шубин", birth_date=date(2009, 6, 1), with_representative=True)
    mentee = bases_world.mentee(person=person, year=year, papers=True)
    services.link_mentor(mentee, mentor)
    services.complete_mentee(mentee, on=date(2027, 5, 20))
    db.session.commit()
    auth.login_as(make_user(Role.SECRETARY))
    response = client.get("/excel/export/mentees.xlsx")
    assert response.mimetype.endswith("spreadsheetml.sheet") and "attachment" in response.headers[
        "Content-Disposition"]
    names, rows, _ = read(response)
    assert names[:12] == list(MENTEE_COLUMNS.values())
    assert names[12:] == ["Категория наставляемого (п. 4.3)", "Статус", "Учебный год",
                          "Код записи (для загрузки обратно)"]
    values = dict(zip(names, rows[0], strict=True))
    assert values["ФИО наставляемого"] == "Шубин Иван Петрович"
    assert "мать Родителева Анна Сергеевна: +7 (912) 111-11-11" in values[MENTEE_COLUMNS["contacts"]]
    assert values["Год рождения наставляемого"] == 2009
    assert values["Дата вхождения в программу"] == datetime(2026, 9, 15)
    assert values["ФИО наставника"] == mentor.person.full_name
    assert values["Место работы/учебы наставника"] == "ГАПОУ СО «КМТ», группа ЭМ-22"
    assert values["Отметка о прохождении программы"] == "пройдена"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "base_exported"))
    assert event.details["base"] == "mentees" and event.details["rows"] == 1


def test_the_mentor_base_exports_appendix_4_in_order(client, auth, make_user, bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    for surname in ("Первый", "Второй"):
        services.link_mentor(bases_world.mentee(person=bases_world.person(last_name=surname, study_group="ПК-25"),
                                                year=year, papers=True), mentor)
    db.session.commit()
    auth.login_as(make_user(Role.DIRECTOR))
    names, rows, _ = read(client.get("/excel/export/mentors.xlsx"))
    assert names[:15] == list(MENTOR_COLUMNS.values())
    values = dict(zip(names, rows[0], strict=True))
    assert values["ФИО наставляемого (наставляемых)"] == "Первый Иван Петрович, Второй Иван Петрович"
    assert values["Место работы/учебы наставляемого"] == "ГАПОУ СО «КМТ», группа ПК-25; ГАПОУ СО «КМТ», группа ПК-25"
    assert values["Основание включения в реестр наставников"] == "Приказ № 12-н от 10.09.2026"


def test_cells_that_look_like_formulas_are_written_as_text(client, auth, make_user, bases_world):
    year = bases_world.year()
    dangerous = ['=HYPERLINK("http://evil.example","нажми")', "+7 912", "-1+2", "@SUM(A1:A2)"]
    for text in dangerous:
        bases_world.mentee(year=year, main_request=text)
    auth.login_as(make_user(Role.CURATOR))
    names, _, sheet = read(client.get("/excel/export/mentees.xlsx"))
    column = names.index("Основной запрос наставляемого") + 1
    cells = [sheet.cell(row=number, column=column) for number in range(2, 2 + len(dangerous))]
    assert sorted(cell.value for cell in cells) == sorted(dangerous)
    for cell in cells:  # text, and marked so that a spreadsheet never reads it as a formula
        assert cell.data_type == "s" and cell.quotePrefix, cell.value


def test_the_mentor_export_writes_formula_like_cells_as_text(client, auth, make_user, bases_world):
    bases_world.mentor(competencies="=1+1 и ещё @ссылка")
    auth.login_as(make_user(Role.CURATOR))
    names, _, sheet = read(client.get("/excel/export/mentors.xlsx"))
    cell = sheet.cell(row=2, column=names.index("Основные компетенции наставника") + 1)
    assert cell.value == "=1+1 и ещё @ссылка" and cell.data_type == "s" and cell.quotePrefix


def test_the_export_follows_the_lists_filters(client, auth, make_user, bases_world):
    earlier = bases_world.year("2025/2026", start=date(2025, 9, 1), end=date(2026, 8, 31))
    later = bases_world.year("2026/2027")
    bases_world.mentee(person=bases_world.person(last_name="Ранний"), year=earlier, entry_date=date(2025, 9, 15))
    bases_world.mentee(person=bases_world.person(last_name="Поздний"), year=later)
    auth.login_as(make_user(Role.CURATOR))
    _, rows, _ = read(client.get("/excel/export/mentees.xlsx", query_string={"year": earlier.id}))
    assert [row[0] for row in rows] == ["Ранний Иван Петрович"]
    _, rows, _ = read(client.get("/excel/export/mentees.xlsx", query_string={"year": "all", "sort": "name"}))
    assert [row[0] for row in rows] == ["Поздний Иван Петрович", "Ранний Иван Петрович"]
    assert "2025-2026" in client.get(f"/excel/export/mentees.xlsx?year={earlier.id}").headers["Content-Disposition"]


def test_the_people_export_reads_back_as_a_people_import(client, auth, make_user, bases_world):
    partner = bases_world.partner(short_name="ООО «Партнёр»")
    bases_world.employee(partner, last_name="Сотрудникова", first_name="Ирина", middle_name="Петровна",
                         gender="female")
    bases_world.person(last_name="Студентов")
    auth.login_as(make_user(Role.STAFF))
    response = client.get("/excel/export/people.xlsx")
    names, rows, _ = read(response)
    assert names == headings("people")
    assert rows[0][:4] == ("Сотрудникова", "Ирина", "Петровна", "женский")
    preview = client.get(upload(client, "people", response.data).headers["Location"])
    text = page_text(preview)
    assert "не распознан" not in text and text.count("Такой человек уже есть в базе") == 2


def test_the_mentor_bases_contacts_come_from_the_card_or_else_the_application_prilozhenie_4(client, auth, make_user,
                                                                                            bases_world):
    """«Контактные данные для связи»: the card's phone and e-mail; where the card has none, his application's."""
    from app.applications.services import submit_application
    from tests.factories import papers_clerk

    year = bases_world.year()
    teacher = bases_world.teacher(last_name="Лебедев", first_name="Дмитрий", middle_name="Игоревич")
    teacher.phone, teacher.email = None, None
    mentor = bases_world.mentor(person=teacher, year=year, form_code="teacher_teacher", registered=False)
    assert mentor.contact_details == ""
    submit_application(teacher, year, papers_clerk(), mentorship_form=mentor.mentorship_form,
                       position="преподаватель", phone="+7 (343) 432-12-34", email="lebedev@kmt.example",
                       portfolio_pages=3, regulation_acknowledged=True, personal_data_consent=True,
                       personal_data_consent_on=date(2026, 9, 1), applied_on=date(2026, 9, 1))
    db.session.commit()
    db.session.expire_all()
    assert mentor.contact_details == "+7 (343) 432-12-34, lebedev@kmt.example"
    auth.login_as(make_user(Role.SECRETARY))
    names, rows, _ = read(client.get("/excel/export/mentors.xlsx"))
    contacts = dict(zip(names, rows[0], strict=True))[MENTOR_COLUMNS["contacts"]]
    assert contacts == "+7 (343) 432-12-34, lebedev@kmt.example"
