"""Forms of mentorship are records (4.1): seeded with the regulation's three, the administrator adds more."""
import importlib.util
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import select

from app import create_app
from app.core.errors import RuleError
from app.core.roles import Role
from app.extensions import db
from app.people.categories import MenteeCategory, MentorCategory
from app.programs import services
from app.programs.models import MentorshipForm
from tests.conftest import make_test_config
from tests.helpers import page_text

MIGRATION = Path(__file__).resolve().parents[2] / "migrations/versions/0011_seed_standard_forms_of_mentorship.py"


def test_a_fresh_database_has_the_three_forms_after_upgrade(empty_database_url, tmp_path):
    app = create_app(make_test_config(empty_database_url, tmp_path))
    with app.app_context():
        upgrade()
        forms = {form.code: form for form in db.session.scalars(select(MentorshipForm))}
        assert {form.name for form in forms.values()} == {"студент – студент", "преподаватель – преподаватель",
                                                          "работодатель – студент"}
        assert forms["employer_student"].allows_groups and not forms["student_student"].allows_groups
        assert forms["teacher_teacher"].admitted_mentee_categories == [MenteeCategory.NEW_TEACHER,
                                                                        MenteeCategory.TEACHER]
        db.session.remove()
        db.engine.dispose()


def test_the_migration_and_the_code_seed_the_same_forms(app):
    spec = importlib.util.spec_from_file_location("seed_forms", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.FORMS == services.STANDARD_FORMS


def test_ensure_standard_forms_adds_only_what_is_missing(app):
    services.ensure_standard_forms()
    services.ensure_standard_forms()
    assert db.session.query(MentorshipForm).count() == 3


def test_admin_adds_a_form_on_his_page_and_the_curator_can_only_read_it(client, auth, make_user, bases_world):
    bases_world.forms()
    auth.login_as(make_user(Role.ADMIN))
    response = client.post("/admin/mentorship-forms/new", data={
        "name": "работодатель – ученик", "description": "Профориентация школьников",
        "mentor_categories": [MentorCategory.PARTNER_EMPLOYEE.value],
        "mentee_categories": [MenteeCategory.STUDENT.value], "allows_groups": "y", "active": "y", "position": "40"},
        follow_redirects=True)
    assert "Форма «работодатель – ученик» добавлена." in page_text(response)
    form = db.session.scalar(select(MentorshipForm).where(MentorshipForm.name == "работодатель – ученик"))
    assert form.code is None and form.allows_groups and form.admits_mentor(MentorCategory.PARTNER_EMPLOYEE)
    with client.session_transaction() as session:
        session.clear()
    auth.login_as(make_user(Role.CURATOR))
    text = page_text(client.get("/admin/mentorship-forms/"))
    assert "работодатель – ученик" in text and "Новая форма" not in text


def test_a_form_needs_both_sides_and_a_unique_name(client, auth, make_user, bases_world):
    bases_world.forms()
    auth.login_as(make_user(Role.ADMIN))
    response = client.post("/admin/mentorship-forms/new", data={"name": "Студент-студент  ", "position": "1"})
    text = page_text(response)
    assert "Отметьте хотя бы одну категорию наставников." in text
    assert "Отметьте хотя бы одну категорию наставляемых." in text
    with pytest.raises(RuleError, match="уже есть"):
        services.create_form(name="СТУДЕНТ – СТУДЕНТ", mentor_categories=["student"], mentee_categories=["student"])


def test_a_category_in_use_cannot_be_taken_from_a_form_4_4(bases_world):
    bases_world.mentor(year=bases_world.year())
    form = bases_world.forms()["student_student"]
    with pytest.raises(RuleError) as refused:
        services.update_form(form, name=form.name, mentor_categories=["graduate"], mentee_categories=["student"])
    assert refused.value.section == "4.4"
