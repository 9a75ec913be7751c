"""Hostile uploads to every upload endpoint: each refused with a Russian message — never a 500 — and nothing kept,
neither a row nor a file (tmp/ included). The files are built once (tests/security/hostile.py); one world per
endpoint, every file sent to it in turn. The endpoints are found from the URL map: a POST route whose form has a
file field must be listed here."""
import io
import re
from datetime import date

import pytest

from app import create_app
from app.core.roles import Role
from app.extensions import db
from tests.helpers import page_text
from tests.security.conftest import assert_nothing_stored, snapshot, stored_files
from tests.security.hostile import hostile_uploads

LIMIT_MB = 1


def _world_excel(user):
    return "/excel/import", {"kind": "people", "program_year": ""}


def _world_document_scan(user):
    from app.documents.kinds import get_kind
    from app.documents.services import issue_document

    document = issue_document("order_appoint_curator", get_kind("order_appoint_curator").example_values(), user)
    db.session.commit()
    return f"/documents/{document.id}/scans", {}


def _world_paper_scan(user):
    from app.consents.services import print_consent
    from tests.factories import make_person

    consent = print_consent("personal_data", make_person(birth_date=date(2000, 1, 1)), user, role="mentee")
    db.session.commit()
    return f"/applications/papers/consent/{consent.id}/scan", {}


def _world_participant_file(user):
    from tests.factories import make_person, make_year

    year, person = make_year(), make_person(birth_date=date(2004, 1, 10))
    return f"/applications/files/new?person_id={person.id}&year_id={year.id}&kind=portfolio", {}


def _world_presentation(user):
    from app.applications import nominations, services
    from app.applications.models import NominationKind
    from tests.factories import make_person, make_year, standard_forms

    year, student, forms = make_year(), make_person(study_group="ТМ-23"), standard_forms()
    services.submit_application(student, year, user, mentorship_form=forms["student_student"],
                                **{**services.default_values(student, year), "portfolio_pages": 3,
                                   "regulation_acknowledged": True, "personal_data_consent": True,
                                   "email": "st@kmt.example"})
    nomination = nominations.nominate(NominationKind.COLLECTIVE, year, user, on=date(2026, 9, 4),
                                      nominated_by="совета техникума", presentation="Просим выдвинуть студента.",
                                      candidates=[(student, forms["student_student"])])
    db.session.commit()
    return f"/applications/nominations/{nomination.id}/presentation", {}


def _world_template(user):
    from app.documents.kinds import get_kind
    from app.documents.template_store import active_template

    active_template(get_kind("letter_of_thanks"))  # the shipped file is version 1, kept on the first visit
    db.session.commit()
    return "/documents/templates/letter_of_thanks/upload", {"comment": ""}


ENDPOINTS = {
    "excel.import_upload": _world_excel,
    "documents.upload_scan": _world_document_scan,
    "applications.paper_scan": _world_paper_scan,
    "applications.file_upload": _world_participant_file,
    "applications.presentation_upload": _world_presentation,
    "documents.template_upload": _world_template,
}


def test_every_upload_endpoint_is_in_the_suite():
    """Walk the views: a POST route whose code reads an uploaded file must be attacked here."""
    import inspect

    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    reading = set()
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods:
            continue
        source = inspect.getsource(app.view_functions[rule.endpoint])
        if "request.files" in source or "upload.read" in source or ".file.data" in source:
            reading.add(rule.endpoint)
    assert reading == set(ENDPOINTS)


@pytest.fixture
def everyone(app, make_user, auth):
    app.config.update(MAX_UPLOAD_MB=LIMIT_MB, MAX_CONTENT_LENGTH=LIMIT_MB * 1024 * 1024)
    user = make_user(*Role, email="uploads@security.test")
    auth.login_as(user)
    return user


def _refusal(client, response):
    """The Russian message the user got: on the page, or flashed before the redirect."""
    if response.status_code == 302:
        with client.session_transaction() as session:
            flashes = session.pop("_flashes", [])
        return " ".join(message for category, message in flashes if category == "danger")
    markup = response.get_data(as_text=True)
    found = re.findall(r'class="(?:invalid-feedback|alert alert-danger)[^"]*"[^>]*>(.*?)</', markup, re.S)
    return " ".join(part.strip() for part in found if part.strip())


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_hostile_uploads_are_refused_and_nothing_is_kept(client, everyone, endpoint):
    url, fields = ENDPOINTS[endpoint](everyone)
    files = hostile_uploads(LIMIT_MB * 1024 * 1024)
    assert len(files) >= 30
    before = snapshot()
    problems = []
    for what, data, name in files:
        files_before = stored_files()
        response = client.post(url, data={**fields, "file": (io.BytesIO(data), name)},
                               content_type="multipart/form-data")
        if response.status_code >= 500 or response.status_code in (400, 401, 403):
            problems.append(f"{what}: {response.status_code}")
        elif response.status_code == 413:
            assert "Файл слишком большой" in page_text(response)
        elif not _refusal(client, response):
            problems.append(f"{what}: no refusal shown ({response.status_code})")
        if stored_files() != files_before:
            problems.append(f"{what}: a file was kept: {sorted(stored_files() - files_before)}")
    assert not problems, problems
    assert_nothing_stored(before)


@pytest.mark.parametrize("what,expected", [
    ("PDF with JavaScript", "/JavaScript"), ("PDF that launches a program", "/Launch"),
    ("PDF with an attached file", "/EmbeddedFile"), ("JPEG + ZIP polyglot", "архив ZIP"),
    ("PNG + HTML polyglot", "страница HTML"), ("PDF + HTML polyglot", "страница HTML"),
    ("PNG of 100000 × 100000", "100000 × 100000 точек"), ("JPEG of 65000 × 65000", "65000 × 65000 точек"),
    ("right-to-left override in the name", "недопустимые символы"),
])
def test_a_scan_carrying_more_than_its_picture_is_refused_saying_what(client, everyone, what, expected):
    url, _ = _world_document_scan(everyone)
    _, data, name = next(item for item in hostile_uploads(LIMIT_MB * 1024 * 1024) if item[0] == what)
    response = client.post(url, data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")
    assert expected in _refusal(client, response)
