"""An exported base loads back as it is (Приложения 3, 4): unchanged, it changes nothing; changed, the preview shows
exactly what will change, row by row, before the confirmation writes it."""
import io
from datetime import date

import openpyxl
import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.bases import services
from app.bases.labels import MENTEE_COLUMNS, MENTOR_COLUMNS
from app.bases.models import MenteeParticipation, MentorParticipation, MentorStatus
from app.core.roles import Role
from app.excel.models import ImportBatch, ImportStatus
from app.extensions import db
from tests.excel.workbooks import upload
from tests.helpers import page_text


@pytest.fixture
def curator(auth, make_user):
    user = make_user(Role.CURATOR)
    auth.login_as(user)
    return user


def export(client, base, year):
    return client.get(f"/excel/export/{base}.xlsx?year={year.id}").data


def edit(data, changes):
    """The exported workbook with cells changed: {(full name in the first column, heading): value}."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[1]}
    rows = {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2)}
    for (name, heading), value in changes.items():
        sheet.cell(row=rows[name], column=columns[heading], value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def snapshot(model):
    return [(row.id, row.status, row.entry_date, row.end_date, row.results, row.mentorship_form_id)
            for row in db.session.scalars(select(model).order_by(model.id))]


def audit_count():
    return db.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action.notin_(["import_uploaded", "import_done", "base_exported"])))


@pytest.fixture
def mentee_base(bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    person = bases_world.person(last_name="Шубин", birth_date=date(2009, 6, 1), with_representative=True)
    paired = bases_world.mentee(person=person, year=year, papers=True)
    services.link_mentor(paired, mentor)
    waiting = bases_world.mentee(person=bases_world.person(last_name="Ожидающий", birth_date=date(2007, 3, 3)),
                                 year=year)
    db.session.commit()
    return year, paired, waiting


def test_an_exported_mentee_base_loaded_back_unchanged_changes_nothing_prilozhenie_3(client, curator, mentee_base):
    year, _, _ = mentee_base
    before, events = snapshot(MenteeParticipation), audit_count()
    response = upload(client, "mentees", export(client, "mentees", year), year, "База наставляемых.xlsx")
    assert response.status_code == 302
    page = page_text(client.get(response.headers["Location"]))
    assert "Изменений нет: файл совпадает с базой, загружать нечего." in page
    assert page.count("нет изменений") == 2 and "Подтвердить загрузку" not in page
    assert "отличается от базы" not in page
    assert snapshot(MenteeParticipation) == before and audit_count() == events


def test_a_changed_mentee_base_shows_each_change_and_writes_only_those_prilozhenie_3(client, curator, mentee_base):
    year, paired, waiting = mentee_base
    one, other = paired.person.full_name, waiting.person.full_name
    data = edit(export(client, "mentees", year), {
        (one, MENTEE_COLUMNS["results"]): "Сдал сессию без троек",
        (other, MENTEE_COLUMNS["end_date"]): date(2027, 5, 25),  # a pair's end changes only by order (4.7)
        (other, MENTEE_COLUMNS["main_request"]): "Подготовка к демоэкзамену",
        (other, MENTEE_COLUMNS["contacts"]): "+7 (999) 000-00-00",
    })
    response = upload(client, "mentees", data, year)
    page = page_text(client.get(response.headers["Location"]))
    assert "Изменится записей: 2, добавится: 0, без изменений: 0." in page
    assert "«Результаты программы»: — → Сдал сессию без троек" in page
    assert "«Дата завершения программы»: — → 25.05.2027" in page
    assert f"«Основной запрос наставляемого»: {waiting.main_request} → Подготовка к демоэкзамену" in page
    assert ("«Контактные данные для связи (данные представителя)» в файле отличается от базы: меняется в карточке "
            "человека, из файла не загружается.") in page
    assert db.session.get(MenteeParticipation, paired.id).results is None  # nothing written before the confirmation
    batch = db.session.scalar(select(ImportBatch))
    response = client.post(f"/excel/import/{batch.id}/confirm", follow_redirects=True)
    assert "Файл загружен: изменено и добавлено строк — 2." in page_text(response)
    db.session.expire_all()
    assert paired.results == "Сдал сессию без троек"
    assert waiting.main_request == "Подготовка к демоэкзамену" and waiting.person.phone != "+7 (999) 000-00-00"
    assert waiting.end_date == date(2027, 5, 25)
    assert batch.status == ImportStatus.IMPORTED and batch.rows_imported == 2


def test_a_refused_change_names_its_rule_and_nothing_is_written_4_8(client, curator, mentee_base, bases_world):
    year, paired, _ = mentee_base
    other = bases_world.mentor(person=bases_world.person(last_name="Другой", birth_date=date(2004, 2, 2)), year=year)
    before = snapshot(MenteeParticipation)
    data = edit(export(client, "mentees", year), {(paired.person.full_name, MENTEE_COLUMNS["mentor"]):
                                                  other.person.full_name})
    page = page_text(client.get(upload(client, "mentees", data, year).headers["Location"]))
    assert "Строк с ошибками: 1 из 2." in page and "замена наставника — приказом директора (п. 4.8)" in page
    assert snapshot(MenteeParticipation) == before
    data = edit(export(client, "mentees", year), {(paired.person.full_name, MENTEE_COLUMNS["end_date"]):
                                                  date(2027, 5, 25)})
    page = page_text(client.get(upload(client, "mentees", data, year).headers["Location"]))
    assert "Строк с ошибками: 1 из 2." in page and "приказом о продлении или досрочном завершении" in page


def test_an_exported_mentor_base_loads_back_and_a_new_row_finds_its_person_prilozhenie_4(client, curator,
                                                                                          bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    newcomer = bases_world.person(last_name="Новиков", first_name="Пётр", middle_name="Ильич",
                                  birth_date=date(2003, 4, 4), study_group="ЭМ-21")
    data = export(client, "mentors", year)
    before = snapshot(MentorParticipation)
    page = page_text(client.get(upload(client, "mentors", data, year).headers["Location"]))
    assert "Изменений нет: файл совпадает с базой" in page and snapshot(MentorParticipation) == before

    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook.worksheets[0]
    headings = [cell.value for cell in sheet[1]]
    new_row = {MENTOR_COLUMNS["full_name"]: newcomer.full_name, MENTOR_COLUMNS["competencies"]: "Черчение",
               MENTOR_COLUMNS["entry_date"]: date(2026, 9, 20), MENTOR_COLUMNS["mentorship_form"]: "студент – студент",
               MENTOR_COLUMNS["interests"]: "Робототехника"}
    sheet.append([new_row.get(heading) for heading in headings])
    sheet.cell(row=2, column=headings.index(MENTOR_COLUMNS["time_resource"]) + 1, value="3 часа в неделю")  # his row
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = upload(client, "mentors", buffer.getvalue(), year)
    page = page_text(client.get(response.headers["Location"]))
    assert "Изменится записей: 1, добавится: 1, без изменений: 0." in page
    assert f"«Запись»: нет → новая запись: {newcomer.full_name}" in page
    assert "«Ресурс времени на программу наставничества»: — → 3 часа в неделю" in page
    batch = db.session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc())).first()
    client.post(f"/excel/import/{batch.id}/confirm")
    db.session.expire_all()
    assert mentor.time_resource == "3 часа в неделю" and mentor.status == MentorStatus.REGISTERED
    added = db.session.scalar(select(MentorParticipation).where(MentorParticipation.person_id == newcomer.id))
    assert added.competencies == "Черчение" and added.interests == "Робототехника"


def test_a_record_twice_in_the_file_is_refused_naming_the_first_row(client, curator, mentee_base):
    year, _, _ = mentee_base
    workbook = openpyxl.load_workbook(io.BytesIO(export(client, "mentees", year)))
    sheet = workbook.worksheets[0]
    sheet.append([cell.value for cell in sheet[2]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = page_text(client.get(upload(client, "mentees", buffer.getvalue(), year).headers["Location"]))
    assert "повторяет строку 2 — у каждой записи одна строка." in page and "Подтвердить загрузку" not in page
