"""Double submissions of the create forms on PostgreSQL: the same form (one token) posted twice at the same moment
makes one record and no 500; where the rule is "one" (an e-mail, a year's title, a form's name, a person in a
base), two different forms at once make one record too and the slower gets the domain's own message.

Every create route records its form's token: the last test walks the views of the POST routes that create, so a
new one cannot be forgotten.
"""
import inspect
import io
from datetime import date

import pytest
from sqlalchemy import func, select

from app import create_app
from app.core.roles import Role
from app.extensions import db
from tests.helpers import page_text
from tests.security.concurrency import concurrently
from tests.security.hostile import small_xlsx


def count(model):
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def _person_new(world):
    from app.people.models import Person

    return "/people/new", {"last_name": "Ёлкина", "first_name": "Алёна", "middle_name": "Сергеевна",
                           "gender": "female", "birth_date": "2009-05-20", "category": "student",
                           "study_group": "ПК-25", "phone": "+7 912 555 44 33", "confirm_duplicate": "y"}, Person


def _representative_new(world):
    from app.people.models import LegalRepresentative
    from tests.factories import make_person

    person = make_person(birth_date=date(2010, 1, 1))
    return f"/people/{person.id}/representatives/new", {
        "last_name": "Родителева", "first_name": "Анна", "middle_name": "Сергеевна", "gender": "female",
        "relation": "mother", "phone": "+7 912 111-11-11"}, LegalRepresentative


def _year_new(world):
    from app.programs.models import ProgramYear
    from tests.factories import standard_forms

    forms = standard_forms()
    db.session.commit()  # the requests run in their own sessions
    return "/programs/years/new", {"title": "2026/2027", "start_date": "2026-09-01", "end_date": "2027-08-31",
                                   "forms": [str(forms["student_student"].id)]}, ProgramYear


def _mentorship_form_new(world):
    from app.programs.models import MentorshipForm

    return "/admin/mentorship-forms/new", {"name": "работодатель – ученик", "mentor_categories": ["partner_employee"],
                                           "mentee_categories": ["student"], "active": "y",
                                           "position": "40"}, MentorshipForm


def _user_new(world):
    from app.accounts.models import User

    return "/admin/users/new", {"email": "morozova@kmt.test", "last_name": "Морозова", "first_name": "Ольга",
                                "roles": ["curator"]}, User


def _consent_quick(world):
    from app.consents.models import Consent
    from tests.factories import make_person

    person = make_person(birth_date=date(2000, 1, 1))
    return f"/consents/quick?person_id={person.id}&kind=personal_data&role=mentee", {}, Consent


def _excel_import(world):
    from app.excel.models import ImportBatch

    return "/excel/import", {"kind": "people", "program_year": "",
                             "file": lambda: (io.BytesIO(small_xlsx()), "люди.xlsx")}, ImportBatch


def _participant_file(world):
    from app.applications.models import ParticipantFile
    from tests.documents.helpers import make_pdf
    from tests.factories import make_person, make_year

    year, person = make_year(), make_person(birth_date=date(2004, 1, 10))
    return (f"/applications/files/new?person_id={person.id}&year_id={year.id}&kind=portfolio",
            {"file": lambda: (io.BytesIO(make_pdf()), "портфолио.pdf")}, ParticipantFile)


def _archive(world):
    from app.documents.kinds import get_kind
    from app.documents.models import ArchiveJob
    from app.documents.services import issue_document

    issue_document("order_appoint_curator", get_kind("order_appoint_curator").example_values(), world)
    db.session.commit()
    return "/documents/archives", {}, ArchiveJob


FORMS = {"people.person_new": _person_new, "people.representative_new": _representative_new,
         "programs.year_new": _year_new, "programs.form_new": _mentorship_form_new, "accounts.user_new": _user_new,
         "consents.consent_quick": _consent_quick, "excel.import_upload": _excel_import,
         "applications.file_upload": _participant_file, "documents.archive_create": _archive}
#: Where the rule is "one": two different submissions at once make one record, the slower told why.
ONE_RULES = {"programs.year_new": "уже есть", "programs.form_new": "уже есть",
             "accounts.user_new": "уже есть"}


@pytest.fixture
def everyone(app, make_user):
    app.config["DOCUMENTS_BACKGROUND_JOBS"] = False
    return make_user(*Role, email="twice-every@security.test")


def _post(url, fields, token):
    def call(client):
        data = {key: value() if callable(value) else value for key, value in fields.items()}
        if token:
            data["form_token"] = token
        return client.post(url, data=data, content_type="multipart/form-data")
    return call


@pytest.mark.postgres_only
@pytest.mark.real_commits
@pytest.mark.parametrize("endpoint", sorted(FORMS))
def test_the_same_form_posted_twice_at_once_makes_one_record(app, everyone, endpoint):
    url, fields, model = FORMS[endpoint](everyone)
    before = count(model)
    responses = concurrently(app, everyone, [_post(url, fields, "same-token-twice")] * 2)
    assert all(response.status_code < 500 for response in responses), [r.status_code for r in responses]
    assert count(model) == before + 1


@pytest.mark.postgres_only
@pytest.mark.real_commits
@pytest.mark.parametrize("endpoint", sorted(ONE_RULES))
def test_two_forms_at_once_where_the_rule_is_one_make_one_record(app, everyone, endpoint):
    url, fields, model = FORMS[endpoint](everyone)
    before = count(model)
    responses = concurrently(app, everyone, [_post(url, fields, "first"), _post(url, fields, "second")])
    assert all(response.status_code < 500 for response in responses), [r.status_code for r in responses]
    assert count(model) == before + 1
    refused = [page_text(response) for response in responses if response.status_code == 200]
    assert len(refused) == 1 and ONE_RULES[endpoint] in refused[0]


def test_every_create_route_records_its_form_token():
    """Walk the POST routes that create or file something: each view runs its service through perform() with its
    form (or once=form), or claims the token itself."""
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    creating = {rule.endpoint for rule in app.url_map.iter_rules() if "POST" in rule.methods and
                rule.endpoint.rsplit(".", 1)[1].endswith(("_new", "_create", "_upload", "_quick", "_scan", "issue",
                                                          "correct", "issue_draft", "upload_scan"))}
    assert len(creating) >= 24
    forgotten = []
    for endpoint in sorted(creating):
        source = inspect.getsource(app.view_functions[endpoint])
        helper = source.split("return _criterion_page")[0] if "_criterion_page" in source else source
        if "_criterion_page" in source:
            from app.selection.routes import criteria

            helper = inspect.getsource(criteria._criterion_page)
        if not ("claim(" in helper or "once=form" in helper or
                ("perform(" in helper and ("form)" in helper or ", form):" in helper))):
            forgotten.append(endpoint)
    assert not forgotten, f"create routes that do not record their form's token: {forgotten}"
