"""People: birth date, contacts, category fields, the probable-duplicate warning, minors and representatives."""
from datetime import date

import pytest

from app.core.errors import RuleError
from app.core.names import Gender
from app.extensions import db
from app.people import services
from app.people.categories import PersonCategory
from app.people.models import Relation
from app.people.services import ProbableDuplicate

TODAY = date(2026, 11, 25)


def person_values(**overrides):
    values = {"last_name": "Семёнов", "first_name": "Пётр", "middle_name": "Ильич", "gender": Gender.MALE,
              "birth_date": date(2009, 4, 12), "category": PersonCategory.STUDENT, "study_group": "ТМ-25",
              "phone": "8 912 345 67 89", "email": "Semenov@Mail.RU", "today": TODAY}
    values.update(overrides)
    return values


def test_contacts_are_normalised(app):
    person = services.create_person(**person_values())
    assert person.phone == "+7 (912) 345-67-89" and person.email == "Semenov@mail.ru"
    assert person.search_name == "семенов петр ильич"


@pytest.mark.parametrize("birth_date,message", [
    (date(2027, 1, 1), "не может быть в будущем"),
    (date(1850, 1, 1), "проверьте её"),
    (date(2022, 1, 1), "проверьте её"),
])
def test_a_birth_date_in_the_future_or_absurd_is_refused(app, birth_date, message):
    with pytest.raises(RuleError, match=message) as refused:
        services.create_person(**person_values(birth_date=birth_date))
    assert refused.value.field == "birth_date"


@pytest.mark.parametrize("field,value", [("phone", "12-34"), ("email", "semenov@"), ("last_name", "Семёнов1")])
def test_bad_contacts_and_names_are_refused_next_to_the_field(app, field, value):
    with pytest.raises(RuleError) as refused:
        services.create_person(**person_values(**{field: value}))
    assert refused.value.field == field


def test_a_student_needs_a_group_and_an_employee_his_partner(app, bases_world):
    with pytest.raises(RuleError) as refused:
        services.create_person(**person_values(study_group=""))
    assert refused.value.field == "study_group"
    with pytest.raises(RuleError) as refused:
        services.create_person(**person_values(category=PersonCategory.PARTNER_EMPLOYEE, position="мастер"))
    assert refused.value.field == "organisation"
    partner = bases_world.partner()
    with pytest.raises(RuleError) as refused:
        services.create_person(**person_values(organisation=partner))
    assert refused.value.field == "organisation"
    employee = services.create_person(**person_values(category=PersonCategory.PARTNER_EMPLOYEE, position="мастер",
                                                      organisation=partner, birth_date=date(1980, 1, 1)))
    assert employee.place_of_work_or_study == f"{partner.short_name}, мастер"


def test_same_name_and_birth_date_warns_of_a_duplicate_the_user_may_confirm(app):
    first = services.create_person(**person_values())
    db.session.commit()
    with pytest.raises(ProbableDuplicate) as warned:
        services.create_person(**person_values(last_name="СЕМЕНОВ", email=None))
    assert warned.value.existing == [first] and f"карточка № {first.id}" in warned.value.message
    db.session.rollback()
    second = services.create_person(**person_values(confirm_duplicate=True))
    assert second.id != first.id


def test_editing_a_person_into_a_duplicate_warns_too(app):
    services.create_person(**person_values())
    other = services.create_person(**person_values(first_name="Павел"))
    db.session.commit()
    with pytest.raises(ProbableDuplicate):
        services.update_person(other, **person_values())
    db.session.rollback()
    services.update_person(other, **person_values(first_name="Павел", phone="+79120000000"))


def test_minor_is_under_18_on_the_date_in_question_4_11(app):
    person = services.create_person(**person_values(birth_date=date(2008, 12, 1)))
    assert person.is_minor_on(date(2026, 11, 30))
    assert not person.is_minor_on(date(2026, 12, 1))


def test_a_representative_needs_a_contact(app):
    person = services.create_person(**person_values())
    with pytest.raises(RuleError, match="телефон или электронную почту") as refused:
        services.add_representative(person, last_name="Семёнова", first_name="Анна", gender=Gender.FEMALE,
                                    relation=Relation.MOTHER)
    assert refused.value.field == "phone"


def test_a_minor_in_the_program_keeps_one_representative_4_11(bases_world):
    year = bases_world.year()
    person = bases_world.person(birth_date=date(2010, 1, 1), with_representative=True)
    bases_world.mentee(person=person, year=year)
    with pytest.raises(RuleError) as refused:
        services.remove_representative(person.representatives[0], today=TODAY)
    assert refused.value.section == "4.11"
    services.add_representative(person, last_name=person.last_name, first_name="Олег", gender=Gender.MALE,
                                relation=Relation.FATHER, email="father@mail.ru")
    services.remove_representative(person.representatives[0], today=TODAY)
    assert [rep.relation for rep in person.representatives] == [Relation.FATHER]


def test_name_forms_keep_only_filled_cases_and_refuse_digits(app):
    person = services.create_person(**person_values())
    services.set_name_forms(person, {"genitive": " Семёнова  Петра Ильича ", "dative": "", "nominative": "x"})
    assert person.name_forms == {"genitive": "Семёнова Петра Ильича"}
    with pytest.raises(RuleError) as refused:
        services.set_name_forms(person, {"dative": "Семёнову 2"})
    assert refused.value.field == "dative"
