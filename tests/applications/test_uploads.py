"""Signed scans and participants' files: each bad upload refused with a Russian message and nothing stored;
versions kept with who and when; the original name shown, a generated one stored; downloads guarded and audited."""
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.applications.models import ParticipantFile
from app.audit.models import AuditEvent
from app.consents.models import ConsentKind
from app.consents.services import print_consent
from app.core.roles import Role
from app.core.storage import upload_root
from app.documents.models import SignedScan
from app.extensions import db
from tests.applications.fixtures import upload
from tests.documents.helpers import JPEG, make_pdf, make_png
from tests.helpers import page_text


@pytest.fixture
def consent(bases_world, clerk):
    person = bases_world.person(last_name="Кузьмич", birth_date=date(1998, 4, 17))
    consent = print_consent(ConsentKind.PERSONAL_DATA, person, clerk, role="mentee")
    db.session.commit()
    return consent


def post_scan(client, consent, data, name, **extra):
    return client.post(f"/applications/papers/consent/{consent.id}/scan",
                       data={"file": upload(data, name), **extra}, content_type="multipart/form-data",
                       follow_redirects=True)


def stored_files(folder):
    root = Path(upload_root()) / folder
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


@pytest.mark.parametrize("data,name,message", [
    (make_png(), "скан.pdf", "по содержимому это изображение PNG"),
    (JPEG, "скан.png", "по содержимому это изображение JPEG"),
    (b"", "пусто.pdf", "пустой"),
    (b"%PDF-1.4\n1 0 obj broken", "сломанный.pdf", "не открывается"),
    (b"just text", "скан.pdf", "не PDF, JPEG или PNG"),
    (make_pdf(), "../скан.pdf", "недопустимые символы"),
    (make_pdf(), "скан\x1b.pdf", "недопустимые символы"),
])
def test_a_bad_scan_is_refused_in_russian_and_nothing_is_stored(client, auth, staff, consent, data, name, message):
    auth.login_as(staff)
    text = page_text(post_scan(client, consent, data, name))
    assert message in text
    assert db.session.query(SignedScan).count() == 0 and stored_files("scans") == []


def test_a_scan_over_the_limit_gets_a_readable_413_page(client, auth, staff, consent, app):
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    auth.login_as(staff)
    response = client.post(f"/applications/papers/consent/{consent.id}/scan",
                           data={"file": upload(make_pdf() + b"0" * 70 * 1024, "большой.pdf")},
                           content_type="multipart/form-data")
    assert response.status_code == 413 and "Файл слишком большой" in page_text(response)
    assert db.session.query(SignedScan).count() == 0 and stored_files("scans") == []


def test_versions_stay_with_who_and_when_and_the_same_file_twice_is_named(client, auth, staff, consent):
    auth.login_as(staff)
    first = page_text(post_scan(client, consent, make_pdf("one"), "Согласие Кузьмич (подписано).pdf"))
    assert "Скан «Согласие Кузьмич (подписано).pdf» загружен (версия 1)" in first
    again = page_text(post_scan(client, consent, make_pdf("one"), "копия.pdf"))
    assert "Этот файл уже загружен к документу: версия 1" in again
    post_scan(client, consent, make_png(), "второй скан.png")
    scans = db.session.scalars(select(SignedScan).order_by(SignedScan.version_no)).all()
    assert [scan.version_no for scan in scans] == [1, 2]
    assert scans[0].subject_type == "person" and scans[0].subject_id == consent.person_id
    assert not any("\u0400" <= ch <= "\u04ff" for ch in scans[0].storage_key)
    page = page_text(client.get(f"/consents/{consent.id}"))
    assert "Скан, версия 1: «Согласие Кузьмич (подписано).pdf» — Кузнецова М.А." in page
    assert "Скан, версия 2: «второй скан.png»" in page and "подписан (скан загружен)" in page


def test_a_role_that_may_not_file_gets_403_and_nothing_is_stored(client, auth, make_user, consent):
    for role in (Role.DIRECTOR, Role.COMMISSION, Role.ADMIN):
        auth.login_as(make_user(role))
        response = client.post(f"/applications/papers/consent/{consent.id}/scan",
                               data={"file": upload(make_pdf(), "скан.pdf")}, content_type="multipart/form-data")
        assert response.status_code == 403, role
    assert db.session.query(SignedScan).count() == 0 and stored_files("scans") == []


def test_papers_of_2_2_are_only_for_a_partners_employee(client, auth, staff, bases_world):
    year = bases_world.year()
    teacher = bases_world.teacher()
    auth.login_as(staff)
    response = client.post(f"/applications/files/new?person_id={teacher.id}&year_id={year.id}&kind=partner_paper"
                           "&title=Справка об отсутствии судимости",
                           data={"file": upload(make_pdf(), "справка.pdf")}, content_type="multipart/form-data",
                           follow_redirects=True)
    assert "предоставляет партнёр для своих сотрудников-наставников" in page_text(response)
    assert db.session.query(ParticipantFile).count() == 0 and stored_files("participant_files") == []


def test_a_certificate_is_kept_in_versions_and_its_download_is_guarded_and_audited(client, auth, staff, make_user,
                                                                                    bases_world):
    year = bases_world.year()
    employee = bases_world.employee(bases_world.partner())
    bases_world.mentor(person=employee, year=year, form_code="employer_student", registered=False)
    auth.login_as(staff)
    path = (f"/applications/files/new?person_id={employee.id}&year_id={year.id}&kind=partner_paper"
            "&title=Справка об отсутствии судимости")
    for data, name in ((make_pdf("1"), "Справка о несудимости.pdf"), (make_pdf("1"), "ещё раз.pdf"),
                       (JPEG, "справка.jpg")):
        text = page_text(client.post(path, data={"file": upload(data, name), "paper_date": "2026-08-20",
                                                 "next": f"/people/{employee.id}"},
                                     content_type="multipart/form-data", follow_redirects=True))
    assert "уже загружен" in page_text(client.post(path, data={"file": upload(JPEG, "опять.jpg")},
                                                   content_type="multipart/form-data", follow_redirects=True))
    rows = db.session.scalars(select(ParticipantFile).order_by(ParticipantFile.version_no)).all()
    assert [(row.version_no, row.original_name) for row in rows] == [(1, "Справка о несудимости.pdf"),
                                                                     (2, "справка.jpg")]
    assert "Справка об отсутствии судимости, версия 2: «справка.jpg» от 20.08.2026 — Кузнецова М.А." in text
    response = client.get(f"/applications/files/{rows[0].id}")
    assert response.status_code == 200 and response.data == make_pdf("1")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"].startswith("attachment")
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "participant_file_downloaded"))
    assert event.target_id == rows[0].id
    auth.login_as(make_user(Role.COMMISSION))
    assert client.get(f"/applications/files/{rows[0].id}").status_code == 403


def test_a_scan_downloads_as_an_audited_attachment(client, auth, staff, consent):
    auth.login_as(staff)
    post_scan(client, consent, make_pdf(), "скан.pdf")
    scan = db.session.scalar(select(SignedScan))
    response = client.get(f"/documents/scans/{scan.id}")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "scan_downloaded")) is not None


def test_storage_check_sees_the_participants_files(runner, bases_world, clerk):
    year = bases_world.year()
    employee = bases_world.employee(bases_world.partner())
    bases_world.candidate_papers(employee, year, "employer_student")
    result = runner.invoke(args=["storage", "check"])
    assert result.exit_code == 0 and "Все файлы на месте" in result.output
    row = db.session.scalar(select(ParticipantFile))
    row.path.write_bytes(b"altered")
    result = runner.invoke(args=["storage", "check"])
    assert result.exit_code == 1 and f"participant_file №{row.id}" in result.output
