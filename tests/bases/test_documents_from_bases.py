"""Documents issued from the bases' records ("from the records it concerns"): the secretary picks a
year, a pair or a mentor; the order or table is filled from the records and linked to the people in it."""
from datetime import date

import pytest

from app.core.roles import Role
from app.documents.kinds import get_kind
from app.documents.prefill import run_prefill
from app.documents.services import documents_for, issue_document
from app.extensions import db
from app.people.models import LegalRepresentative, Relation
from tests.documents.helpers import docx_text, flat
from tests.factories import make_person


@pytest.fixture
def secretary(make_user):
    return make_user(Role.SECRETARY, email="belova@kmt.ru", last_name="Белова", first_name="Ирина",
                     middle_name="Сергеевна")


@pytest.fixture
def pair(bases_world):
    """A registered teacher mentor with one mentee (преподаватель – преподаватель)."""
    year = bases_world.year()
    mentor = bases_world.mentor(person=bases_world.teacher(last_name="Лебедев", first_name="Дмитрий",
                                                           middle_name="Игоревич"),
                                year=year, form_code="teacher_teacher")
    from app.people.categories import MenteeCategory
    mentee = bases_world.mentee(person=bases_world.teacher(last_name="Кузьмич", first_name="Анна",
                                                           middle_name="Сергеевна", gender="female"),
                                year=year, category=MenteeCategory.NEW_TEACHER, papers=True)
    from app.bases import services
    services.link_mentor(mentee, mentor)
    db.session.commit()
    return mentee, mentor, year


def issue(kind, provider, record, user, **extra):
    prefill = run_prefill(kind, provider, [str(record)])
    values = {**get_kind(kind).example_values(), **prefill.values, **extra}
    document = issue_document(kind, values, user, subjects=prefill.subjects)
    db.session.commit()
    return document, flat(docx_text(document.current_version.read_bytes()))


def test_registry_order_lists_the_years_registered_mentors_4_13(app, pair, secretary, bases_world):
    mentee, mentor, year = pair
    bases_world.mentor(person=bases_world.teacher(last_name="Васильева", first_name="Наталья",
                                                  middle_name="Юрьевна", gender="female"),
                       year=year, form_code="teacher_teacher", registered=False)
    document, text = issue("order_approve_mentor_registry", "year_registry", year.id, secretary)
    assert "Лебедев Дмитрий Игоревич" in text and "преподаватель – преподаватель" in text
    assert "Васильева" not in text  # a potential mentor is not in the registry
    assert document in documents_for("person", mentor.person_id)


def test_bases_print_as_the_regulations_tables(app, pair, secretary):
    mentee, mentor, year = pair
    _, text = issue("mentee_base", "year_base", year.id, secretary)
    assert "Кузьмич Анна Сергеевна" in text and "Лебедев Дмитрий Игоревич" in text
    _, text = issue("mentor_base", "year_base", year.id, secretary)
    assert "Лебедев Дмитрий Игоревич" in text and "Кузьмич Анна Сергеевна" in text


def test_letter_of_thanks_goes_to_a_student_mentors_parent_9_1(app, secretary, bases_world):
    student = make_person(last_name="Черных", first_name="Алексей", middle_name="Викторович",
                          birth_date=date(2009, 3, 1), study_group="ТМ-31")
    parent = LegalRepresentative(person=student, last_name="Черных", first_name="Татьяна", middle_name="Ивановна",
                                 gender="female", relation=Relation.MOTHER, phone="+7 (912) 600-11-22")
    db.session.add(parent)
    db.session.commit()
    mentor = bases_world.mentor(person=student)
    prefill = run_prefill("letter_of_thanks", "student_mentor_parent", [f"{mentor.id}-{parent.id}"])
    assert prefill.values["student_group"] == "группы ТМ-31"
    document, text = issue("letter_of_thanks", "student_mentor_parent", f"{mentor.id}-{parent.id}", secretary)
    assert "Татьяна Ивановна" in text
    assert document in documents_for("legal_representative", parent.id)
