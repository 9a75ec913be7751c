"""ZIPs of what the register shows, built in the background with a progress the page polls."""
import io
import zipfile

import pytest
from sqlalchemy import select

from app.core.roles import Role
from app.documents import archives
from app.documents.archives import build_archive, purge_archives, request_archive
from app.documents.kinds import get_kind
from app.documents.models import ArchiveJob, DocumentArchive, JobStatus
from app.documents.services import issue_document
from app.extensions import db
from tests.documents.helpers import docx_text
from tests.helpers import page_text


def issue_orders(secretary, count):
    values = get_kind("order_appoint_curator").example_values()
    documents = [issue_document("order_appoint_curator", values, secretary) for _ in range(count)]
    issue_document("letter_of_thanks", get_kind("letter_of_thanks").example_values(), secretary)
    db.session.commit()
    return documents


def test_zip_of_the_registers_selection_with_an_inventory(app, client, auth, secretary):
    orders = issue_orders(secretary, 3)
    auth.login_as(secretary)
    response = client.post("/documents/archives", data={"register": "orders"})
    job = db.session.scalars(select(ArchiveJob)).one()
    assert response.headers["Location"].endswith(f"/documents/archives/{job.id}")
    assert job.status == JobStatus.DONE and job.title == "Документы — Приказы по основной деятельности"
    status = client.get(f"/documents/archives/{job.id}/status").json
    assert status["percent"] == 100 and status["done"] == 3 and status["download_url"]
    download = client.get(status["download_url"])
    assert download.headers["Content-Disposition"].startswith("attachment;")
    bundle = zipfile.ZipFile(io.BytesIO(download.data))
    names = bundle.namelist()
    assert len(names) == 4 and "Опись.csv" in names
    assert ("Приказ о назначении куратора наставнической деятельности № 1-од — Морозова О.Н. — 01.09.2026.docx"
            in names)
    inventory = bundle.read("Опись.csv").decode("utf-8-sig")
    assert ";3-од;01.09.2026;Морозова О.Н.;выпущен;1;" in inventory and orders[0].current_version.sha256 in inventory
    docx_name = next(name for name in names if "№ 2-од" in name)
    assert bundle.read(docx_name) == orders[1].current_version.read_bytes()
    assert "Морозову Ольгу Николаевну" in docx_text(bundle.read(docx_name))


def test_the_files_of_a_zip_carry_the_kind_the_person_and_the_date_not_a_counter(app, secretary):
    """«Согласие — Черных А.И. — 03.12.2026.docx»: papers without a number are told apart by whom they concern."""
    values = get_kind("consent_personal_data").example_values()
    chernykh = {**values, "doc_date": "2026-12-03", "person": {"last_name": "Черных", "first_name": "Анастасия",
                                                               "middle_name": "Игоревна", "gender": "female"}}
    documents = [issue_document("consent_personal_data", chernykh, secretary),
                 issue_document("consent_personal_data", values, secretary)]
    db.session.commit()
    job = request_archive([document.id for document in documents], secretary, "Согласия")
    build_archive(job.id)
    names = zipfile.ZipFile(io.BytesIO(db.session.get(ArchiveJob, job.id).archive.read_bytes())).namelist()
    assert sorted(names) == ["Опись.csv", "Согласие — Кузьмич А.С. — 01.09.2026.docx",
                             "Согласие — Черных А.И. — 03.12.2026.docx"]
    assert not any("(2)" in name for name in names)


def test_the_page_shows_a_progress_bar_driven_by_a_script_file(app, client, auth, secretary):
    issue_orders(secretary, 1)
    auth.login_as(secretary)
    page = client.get(client.post("/documents/archives", data={}).headers["Location"])
    html = page.get_data(as_text=True)
    assert 'data-progress="100"' in html and "/static/js/documents.js" in html and "Скачать ZIP" in page_text(page)


def test_progress_is_written_while_building(app, secretary, monkeypatch):
    orders = issue_orders(secretary, 25)
    seen = []
    real_commit = db.session.commit

    def watching_commit():
        real_commit()
        job = db.session.scalars(select(ArchiveJob)).first()
        if job is not None:
            seen.append(job.done)

    job = request_archive([document.id for document in orders], secretary, "Приказы")
    db.session.commit()
    monkeypatch.setattr(db.session, "commit", watching_commit)
    build_archive(job.id)
    assert seen[:3] == [0, 10, 20] and seen[-1] == 25


def test_a_failing_build_is_reported_on_the_page(app, client, auth, secretary, monkeypatch):
    issue_orders(secretary, 1)

    def broken(job):
        raise OSError("диск заполнен")

    monkeypatch.setattr(archives, "_build", broken)
    auth.login_as(secretary)
    location = client.post("/documents/archives", data={}).headers["Location"]
    status = client.get(location + "/status").json
    assert status["status"] == "failed" and "диск заполнен" in status["error"]
    assert "Архив ещё не готов" in page_text(client.get(location + "/download", follow_redirects=True))


@pytest.mark.real_commits  # the archive is built in a thread, which sees only what is committed
def test_in_the_background_the_request_returns_at_once(app, client, auth, secretary):
    issue_orders(secretary, 2)
    app.config["DOCUMENTS_BACKGROUND_JOBS"] = True
    auth.login_as(secretary)
    location = client.post("/documents/archives", data={"kind": "order_appoint_curator"}).headers["Location"]
    job_id = int(location.rsplit("/", 1)[-1])
    thread = archives.THREADS.get(job_id)
    if thread is not None:
        thread.join(timeout=30)
    assert client.get(location + "/status").json["status"] == "done"


def test_nothing_to_zip_says_so(app, client, auth, secretary):
    auth.login_as(secretary)
    response = client.post("/documents/archives", data={"q": "нет такого"}, follow_redirects=True)
    assert "Нет документов для архива" in page_text(response)


def test_an_archive_is_its_requesters_only(app, client, auth, secretary, make_user):
    issue_orders(secretary, 1)
    auth.login_as(secretary)
    location = client.post("/documents/archives", data={}).headers["Location"]
    auth.login_as(make_user(Role.SECRETARY))
    assert client.get(location).status_code == 403 and client.get(location + "/download").status_code == 403


def test_old_archives_are_purged_with_their_files(app, runner, secretary):
    issue_orders(secretary, 1)
    job = request_archive([1], secretary, "Старый")
    db.session.commit()
    build_archive(job.id)
    path = db.session.scalars(select(DocumentArchive)).one().path
    assert purge_archives(older_than_days=1) == 0 and path.exists()
    result = runner.invoke(args=["documents", "purge-archives", "--days", "-1"])
    assert "Удалено архивов: 1." in result.output and not path.exists()
    assert db.session.scalars(select(ArchiveJob)).first() is None
