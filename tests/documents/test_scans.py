"""Signed scans: checked by content, every bad file refused with a Russian message, versions kept, downloads audited."""
import io

import pytest
from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from app.audit.models import AuditEvent
from app.core.errors import RuleError
from app.core.roles import Role
from app.documents.kinds import get_kind
from app.documents.models import SignedScan
from app.documents.prefill import Subject
from app.documents.scans import file_signed_scan, scans_for
from app.documents.services import issue_document
from app.extensions import db
from tests.documents.helpers import JPEG, make_pdf, make_png
from tests.helpers import page_text


def upload(data, name, content_type="application/octet-stream"):
    return FileStorage(stream=io.BytesIO(data), filename=name, content_type=content_type)


@pytest.fixture
def consent(app, secretary):
    document = issue_document("consent_personal_data", get_kind("consent_personal_data").example_values(), secretary)
    db.session.commit()
    return document


def test_a_signed_pdf_is_kept_under_a_generated_name_with_its_cyrillic_name_shown(app, consent, secretary):
    scan = file_signed_scan(consent, upload(make_pdf(), "Согласие Кузьмич А.С. (подписано).pdf"), secretary)
    db.session.commit()
    assert scan.original_name == "Согласие Кузьмич А.С. (подписано).pdf" and scan.content_type == "application/pdf"
    assert scan.storage_key.startswith("scans/") and scan.storage_key.endswith(".pdf")
    assert not any("\u0400" <= ch <= "\u04ff" for ch in scan.storage_key)
    assert scan.version_no == 1 and scan.document_version_id == consent.current_version.id
    assert scan.read_bytes() == make_pdf()


def test_jpeg_and_png_are_accepted_as_new_versions(app, consent, secretary):
    first = file_signed_scan(consent, upload(JPEG, "скан.jpg"), secretary)
    second = file_signed_scan(consent, upload(make_png(), "скан.PNG"), secretary)
    db.session.commit()
    assert (first.version_no, first.content_type) == (1, "image/jpeg")
    assert (second.version_no, second.content_type) == (2, "image/png")
    assert [scan.version_no for scan in scans_for(consent)] == [1, 2] and consent.current_scan == second


@pytest.mark.parametrize("data,name,message", [
    (b"", "пусто.pdf", "пустой"),
    (b"just some text, not a scan", "скан.pdf", "не PDF, JPEG или PNG"),
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "скан.pdf", "не PDF, JPEG или PNG"),
    (b"%PDF-1.4\n1 0 obj broken", "сломанный.pdf", "не открывается"),
    (JPEG, "скан.pdf", "по содержимому это изображение JPEG"),
    (make_pdf(), "скан.png", "по содержимому это PDF"),
    (make_pdf(), "../../etc/скан.pdf", "недопустимые символы"),
    (make_pdf(), "C:\\Users\\скан.pdf", "недопустимые символы"),
    (make_pdf(), "скан\x07.pdf", "недопустимые символы"),
    (make_pdf(), "скан\u202e.pdf", "недопустимые символы"),
    (make_pdf(), "x" * 256 + ".pdf", "длиннее 255"),
])
def test_bad_files_are_refused_and_nothing_is_stored(app, consent, secretary, data, name, message):
    with pytest.raises(RuleError, match=message):
        file_signed_scan(consent, upload(data, name), secretary)
    db.session.rollback()
    assert db.session.scalars(select(SignedScan)).first() is None


def test_no_file_chosen(app, consent, secretary):
    with pytest.raises(RuleError, match="Выберите файл"):
        file_signed_scan(consent, None, secretary)


def test_the_same_file_twice_is_named_as_already_filed(app, consent, secretary):
    file_signed_scan(consent, upload(make_pdf(), "первый.pdf"), secretary)
    db.session.commit()
    with pytest.raises(RuleError, match="уже загружен к документу: версия 1") as refused:
        file_signed_scan(consent, upload(make_pdf(), "второй.pdf"), secretary)
    assert "«первый.pdf»" in str(refused.value)


def test_a_file_over_the_limit_is_refused_by_the_service(app, consent, secretary):
    app.config["MAX_UPLOAD_MB"] = 1
    with pytest.raises(RuleError, match="больше 1 МБ"):
        file_signed_scan(consent, upload(make_pdf() + b"0" * (1024 * 1024), "большой.pdf"), secretary)


def test_a_request_over_the_limit_gets_a_readable_page(app, client, auth, consent, secretary):
    app.config["MAX_CONTENT_LENGTH"] = 2048
    auth.login_as(secretary)
    response = client.post(f"/documents/{consent.id}/scans",
                           data={"file": (io.BytesIO(make_pdf() + b"0" * 4096), "скан.pdf")},
                           content_type="multipart/form-data")
    assert response.status_code == 413 and "Файл слишком большой" in page_text(response)


def test_drafts_and_cancelled_documents_take_no_scans(app, secretary):
    values = get_kind("order_appoint_curator").example_values()
    draft = issue_document("order_appoint_curator", values, secretary, draft=True)
    with pytest.raises(RuleError, match="Проект не подписывают"):
        file_signed_scan(draft, upload(make_pdf(), "скан.pdf"), secretary)
    from app.documents.services import cancel_document
    issued = issue_document("order_appoint_curator", values, secretary)
    cancel_document(issued, secretary, "ошибка")
    with pytest.raises(RuleError, match="отменён"):
        file_signed_scan(issued, upload(make_pdf(), "скан.pdf"), secretary)


def test_a_scan_for_one_participant_of_a_document(app, secretary):
    document = issue_document("order_replace_mentor", get_kind("order_replace_mentor").example_values(), secretary)
    mentee = Subject("person", 3, "mentee", "Кузьмич А.С.")
    file_signed_scan(document, upload(make_pdf("A"), "mentee.pdf"), secretary, subject=mentee)
    file_signed_scan(document, upload(make_pdf("B"), "mentor.pdf"), secretary,
                     subject=Subject("person", 4, "mentor", "Лебедев Д.И."))
    assert [scan.original_name for scan in scans_for(document, mentee)] == ["mentee.pdf"]


def test_upload_page_flow_and_roles(app, client, auth, consent, make_user):
    auth.login_as(make_user(Role.STAFF))
    response = client.post(f"/documents/{consent.id}/scans", data={"file": (io.BytesIO(make_pdf()), "Согласие.pdf")},
                           content_type="multipart/form-data", follow_redirects=True)
    assert "Скан «Согласие.pdf» загружен (версия 1)." in page_text(response)
    response = client.post(f"/documents/{consent.id}/scans", data={"file": (io.BytesIO(b"text"), "Согласие.pdf")},
                           content_type="multipart/form-data", follow_redirects=True)
    assert "не PDF, JPEG или PNG" in page_text(response)
    auth.login_as(make_user(Role.CURATOR))
    response = client.post(f"/documents/{consent.id}/scans", data={"file": (io.BytesIO(make_png()), "x.png")},
                           content_type="multipart/form-data")
    assert response.status_code == 403


def test_download_is_an_audited_attachment_that_is_never_sniffed(app, client, auth, consent, secretary, make_user):
    scan = file_signed_scan(consent, upload(make_png(), "Согласие.png"), secretary)
    db.session.commit()
    auth.login_as(make_user(Role.DIRECTOR))
    response = client.get(f"/documents/scans/{scan.id}")
    assert response.status_code == 200 and response.data == make_png()
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["X-Content-Type-Options"] == "nosniff" and response.mimetype == "image/png"
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "scan_downloaded")).one()
    assert (event.target_type, event.target_id) == ("signed_scan", scan.id)
    auth.login_as(make_user(Role.COMMISSION))
    assert client.get(f"/documents/scans/{scan.id}").status_code == 403
