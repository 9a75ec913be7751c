"""Import from .xlsx: upload -> preview of every row's errors -> confirm; all or nothing."""
import io
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import func, select

from app.bases import services as bases_services
from app.bases.models import MenteeParticipation, MenteeStatus, MentorParticipation, MentorStatus
from app.core import storage
from app.core.roles import Role
from app.excel.models import ImportBatch, ImportStatus
from app.extensions import db
from app.people.models import Person
from tests.excel.workbooks import headings, row, upload, xlsx
from tests.helpers import page_text


@pytest.fixture
def curator(auth, make_user):
    user = make_user(Role.CURATOR)
    auth.login_as(user)
    return user


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def mentee(**values):
    defaults = {"last_name": "Зырянов", "first_name": "Егор", "middle_name": "Андреевич", "gender": "м",
                "birth_date": "12.03.2007", "category": "обучающийся", "study_group": "ТМ-23",
                "phone": "+7 912 300-20-10", "mentee_category": "студент", "main_request": "Адаптация",
                "entry_date": datetime(2026, 9, 15)}
    defaults.update(values)
    return row("mentees", **defaults)


def preview_text(client, response):
    assert response.status_code == 302, page_text(response)
    return page_text(client.get(response.headers["Location"]))


def test_the_template_has_the_import_headings_and_a_guide(client, curator):
    response = client.get("/excel/templates/mentees.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    assert [cell.value for cell in book.worksheets[0][1]] == headings("mentees")
    guide = list(book["Как заполнять"].iter_rows(values_only=True))
    assert ("Дата вхождения в программу", "да", "ДД.ММ.ГГГГ") in guide
    assert "Основной запрос наставляемого" in headings("mentees")


@pytest.mark.parametrize("data,filename,message", [
    (b"just text, not a workbook", "база.xlsx", "не является книгой Excel"),
    (b"", "база.xlsx", "Файл пустой"),
    (b"\xd0\xcf\x11\xe0 old", "база.xls", "старого формата .xls"),
    (b"a,b,c", "база.csv", "с расширением .xlsx"),
])
def test_a_file_that_is_not_xlsx_is_refused_and_nothing_kept(client, curator, bases_world, data, filename, message):
    year = bases_world.year()
    response = upload(client, "mentees", data, year, filename)
    assert response.status_code == 200 and message in page_text(response)
    assert count(ImportBatch) == 0
    assert not [path for path in storage.upload_root().rglob("*") if path.is_file()]


def test_a_file_with_columns_missing_is_refused_with_all_its_errors_in_one_round(client, curator, bases_world):
    """Only the refusal shows (no «Файл получен», no «ожидает подтверждения»), and every error at once: the missing
    and unknown columns and each row's unreadable cells."""
    year = bases_world.year()
    names = [name for name in headings("mentees") if name != "Дата рождения"]
    names[names.index("Основной запрос наставляемого")] = "Запрос"
    response = upload(client, "mentees", xlsx(names, [["x"] * len(names)]), year)
    assert response.status_code == 200
    text = page_text(response)
    assert "Файл нельзя загрузить — исправьте всё перечисленное и загрузите его снова:" in text
    assert "Нет обязательного столбца «Дата рождения»" in text
    assert "Нет обязательного столбца «Основной запрос наставляемого»" in text
    assert "Столбец «Запрос» не распознан" in text
    assert "Строка 2: «Дата вхождения в программу»: «x» — не дата" in text
    assert "Строка 2: «Телефон»: «x»" in text
    for absent in ("Файл получен", "ожидает подтверждения", "Подтвердить загрузку"):
        assert absent not in text
    assert count(ImportBatch) == 0


def test_a_broken_file_shows_every_rows_errors_and_imports_nothing(client, curator, bases_world):
    year = bases_world.year()
    already = bases_world.person(last_name="Известный", first_name="Иван", middle_name="Петрович",
                                 birth_date=date(2006, 1, 1))
    bases_world.mentee(person=already, year=year)
    rows = [
        mentee(),                                                                    # 2: good
        mentee(last_name="Датов", birth_date="31.02.2007"),                          # 3: bad date
        mentee(last_name="Пустов", main_request=None),                               # 4: empty required
        mentee(),                                                                    # 5: repeats row 2
        mentee(last_name="Известный", first_name="Иван", middle_name="Петрович",
               birth_date=date(2006, 1, 1)),                                         # 6: already in the base
        mentee(last_name="Телефонов", phone="12345"),                                # 7: bad phone
        mentee(last_name="Младший", birth_date="01.12.2011"),                        # 8: under 15 (2.1)
        mentee(last_name="Несовершеннолетний", birth_date="01.12.2009"),             # 9: no parent (4.11)
        mentee(last_name="Выпускников", category="выпускник"),                       # 10: not a mentee (4.3)
    ]
    people_before = count(Person)
    response = upload(client, "mentees", xlsx(headings("mentees"), rows), year)
    text = preview_text(client, response)
    assert "Строк с ошибками: 8 из 9" in text
    for expected in ["«Дата рождения»: «31.02.2007» — не дата", "«Основной запрос наставляемого»: заполните ячейку",
                     "Повторяет строку 2", "уже есть в базе наставляемых 2026/2027", "«Телефон»: «12345»",
                     "(п. 2.1 Положения)", "(п. 4.11 Положения)", "(п. 4.3 Положения)"]:
        assert expected in text, expected
    assert "Подтвердить загрузку" not in text
    assert count(Person) == people_before and count(MenteeParticipation) == 1
    batch = db.session.scalar(select(ImportBatch))
    response = client.post(f"/excel/import/{batch.id}/confirm", follow_redirects=True)
    assert "ничего не загружено" in page_text(response)
    assert count(Person) == people_before and count(MenteeParticipation) == 1
    assert batch.status == ImportStatus.UPLOADED


def test_a_good_file_is_imported_only_when_confirmed(client, curator, bases_world):
    year = bases_world.year()
    rows = [
        mentee(mentorship_form="Студент-студент", end_date="30.05.2027", results="Сдал демоэкзамен на «отлично»"),
        mentee(last_name="Ощепкова", first_name="Дарья", middle_name="Олеговна", gender=None,
               birth_date=date(2009, 5, 5), rep_name="Ощепкова Марина Викторовна", rep_relation="мать",
               rep_phone="89124445566"),
    ]
    response = upload(client, "mentees", xlsx(headings("mentees"), rows), year)
    text = preview_text(client, response)
    assert "Ошибок нет: строк к загрузке — 2" in text and "Новый человек в базе." in text
    assert count(MenteeParticipation) == 0 and count(Person) == 0
    batch = db.session.scalar(select(ImportBatch))
    response = client.post(f"/excel/import/{batch.id}/confirm", follow_redirects=True)
    assert "Файл загружен: изменено и добавлено строк — 2." in page_text(response)
    first, second = db.session.scalars(select(MenteeParticipation).order_by(MenteeParticipation.id))
    assert first.status == MenteeStatus.WAITING and first.end_date == date(2027, 5, 30)
    assert first.mentorship_form.code == "student_student" and first.results.startswith("Сдал")
    assert second.person.gender == "female" and second.person.representatives[0].phone == "+7 (912) 444-55-66"
    assert batch.status == ImportStatus.IMPORTED and batch.rows_imported == 2
    again = client.post(f"/excel/import/{batch.id}/confirm", follow_redirects=True)
    assert "уже загружен" in page_text(again) and count(MenteeParticipation) == 2


def test_a_pair_in_the_file_waits_for_the_signed_papers_4_11(client, curator, bases_world):
    """The papers' gate speaks in the import too: a new mentee's papers are printed from his row, so a pair
    is formed on his page once they are signed."""
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    rows = [mentee(mentorship_form="Студент-студент", mentor=mentor.person.full_name, end_date="30.05.2027",
                   program_passed="да")]
    text = preview_text(client, upload(client, "mentees", xlsx(headings("mentees"), rows), year))
    assert "«Согласие на обработку персональных данных» — нет" in text
    assert "«Заявление на участие в Программе наставничества» — нет" in text
    assert "Подтвердить загрузку" not in text and count(MenteeParticipation) == 0


def test_a_failure_in_the_middle_of_an_import_changes_nothing(client, curator, bases_world, monkeypatch):
    year = bases_world.year()
    rows = [mentee(last_name=f"Строкин{letter}") for letter in "абв"]
    upload(client, "mentees", xlsx(headings("mentees"), rows), year)
    batch = db.session.scalar(select(ImportBatch))
    real = bases_services.add_mentee
    calls = []

    def fail_on_the_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("диск переполнен")
        return real(*args, **kwargs)

    monkeypatch.setattr(bases_services, "add_mentee", fail_on_the_third)
    with pytest.raises(RuntimeError):
        client.post(f"/excel/import/{batch.id}/confirm")
    db.session.rollback()
    assert count(MenteeParticipation) == 0 and count(Person) == 0
    assert db.session.get(ImportBatch, batch.id).status == ImportStatus.UPLOADED


def test_mentors_are_imported_with_their_partner_and_registry_basis(client, curator, bases_world):
    year = bases_world.year()
    partner = bases_world.partner(short_name="ООО «Уралмехсервис»")
    # The registry takes a mentor whose papers are signed (the papers' gate): he applied before the file came.
    employee = bases_world.employee(partner, last_name="Наладчиков", first_name="Олег", middle_name="Петрович",
                                    birth_date=date(1980, 5, 5), position="инженер")
    bases_world.candidate_papers(employee, year, "employer_student")
    values = {"last_name": "Наладчиков", "first_name": "Олег", "middle_name": "Петрович", "birth_date": "05.05.1980",
              "category": "сотрудник организации-партнёра", "position": "инженер",
              "organisation": "ооо «уралмехсервис»",
              "mentorship_form": "работодатель – студент", "competencies": "Наладка станков ЧПУ",
              "entry_date": "15.09.2026", "registry_basis": "Приказ № 30-н от 15.09.2026"}
    bad = {**values, "last_name": "Чужой", "organisation": "ООО «Нет такого»"}
    teacher = {**values, "last_name": "Учителев", "category": "преподаватель", "organisation": None,
               "position": "преподаватель", "mentorship_form": "студент – студент"}
    response = upload(client, "mentors", xlsx(headings("mentors"),
                                              [row("mentors", **v) for v in (values, bad, teacher)]), year)
    text = preview_text(client, response)
    assert "«Организация-партнёр»: «ООО «Нет такого»» нет в списке" in text
    assert "В форме «студент – студент» наставником не может быть" in text and "(п. 4.4 Положения)" in text
    fixed = upload(client, "mentors", xlsx(headings("mentors"), [row("mentors", **values)]), year)
    batch_id = int(fixed.headers["Location"].rsplit("/", 1)[1])
    client.post(f"/excel/import/{batch_id}/confirm")
    mentor = db.session.scalar(select(MentorParticipation))
    assert mentor.person == employee and mentor.person.organisation == partner
    assert mentor.status == MentorStatus.REGISTERED
    assert mentor.registered_on == date(2026, 9, 15)


def test_the_regulations_typo_in_a_heading_is_accepted(client, curator, bases_world):
    year = bases_world.year()
    names = ["Дата входления в программу" if name == "Дата вхождения в программу" else name
             for name in headings("mentors")]
    values = row("mentors", last_name="Опечаткин", first_name="Иван", middle_name="Ильич", birth_date="01.01.1980",
                 category="преподаватель", position="преподаватель", mentorship_form="преподаватель – преподаватель",
                 competencies="Стаж 20 лет", entry_date="15.09.2026")
    text = preview_text(client, upload(client, "mentors", xlsx(names, [values]), year))
    assert "Ошибок нет" in text


def test_people_import_refuses_duplicates_against_the_base(client, curator, bases_world):
    bases_world.person(last_name="Дубликатов", first_name="Иван", middle_name="Петрович", birth_date=date(2005, 3, 1))
    rows = [row("people", last_name="Дубликатов", first_name="Иван", middle_name="Петрович", birth_date="01.03.2005",
                category="обучающийся", study_group="ТМ-21"),
            row("people", last_name="Новикова", first_name="Ольга", middle_name="Сергеевна", birth_date="01.03.2005",
                category="студентка", study_group="ТМ-21")]
    text = preview_text(client, upload(client, "people", xlsx(headings("people"), rows)))
    assert "Такой человек уже есть в базе" in text
    assert "«Категория»: «студентка» — не категория" in text


def test_only_the_uploader_or_the_curator_sees_an_upload(client, auth, make_user, bases_world):
    year = bases_world.year()
    owner = make_user(Role.STAFF)
    auth.login_as(owner)
    response = upload(client, "mentees", xlsx(headings("mentees"), [mentee()]), year)
    location = response.headers["Location"]
    with client.session_transaction() as session:
        session.clear()
    auth.login_as(make_user(Role.STAFF))
    assert client.get(location).status_code == 403
    with client.session_transaction() as session:
        session.clear()
    auth.login_as(make_user(Role.CURATOR))
    assert client.get(location).status_code == 200
    response = client.post(location + "/discard", follow_redirects=True)
    assert "Загрузка отменена" in page_text(response)
    assert "отменён" in page_text(client.get(location))
