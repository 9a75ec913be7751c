"""Partner organisations: details, the head who signs (for declension), the contact of 2.2, the list of 8.4."""
import pytest

from app.core.errors import RuleError
from app.core.names import Gender
from app.core.roles import Role
from app.partners import services
from tests.helpers import page_text


def partner_form(**overrides):
    data = {"full_name": "Общество с ограниченной ответственностью «Северный металлург»",
            "short_name": "ООО «Северный металлург»", "legal_address": "624330, г. Красноуральск, ул. Мира, 1",
            "head_last_name": "Черных", "head_first_name": "Алла", "head_middle_name": "Юрьевна",
            "head_gender": "female", "head_position": "директор", "head_basis": "",
            "contact_name": "", "contact_position": "", "contact_phone": "", "contact_email": "", "active": "y"}
    data.update(overrides)
    return data


def test_staff_add_a_partner_whose_head_acts_on_the_charter_by_default(client, auth, make_user):
    auth.login_as(make_user(Role.STAFF))
    response = client.post("/partners/new", data=partner_form(), follow_redirects=True)
    text = page_text(response)
    assert "Организация ООО «Северный металлург» добавлена." in text and "Устава" in text
    partner = services.find_partner_by_name("ооо «северный металлург»")
    head = partner.head
    assert (head.last_name, head.gender, head.basis, head.short_name) == ("Черных", Gender.FEMALE, "Устава",
                                                                         "Черных А.Ю.")


def test_partner_form_errors_keep_the_input(client, auth, make_user, bases_world):
    bases_world.partner(short_name="ООО «Северный металлург»")
    auth.login_as(make_user(Role.CURATOR))
    response = client.post("/partners/new", data=partner_form(short_name="ооо «СЕВЕРНЫЙ металлург»",
                                                              contact_phone="12"))
    text = page_text(response)
    assert "Введите телефон из 10 цифр" in text
    response = client.post("/partners/new", data=partner_form(short_name="ооо «СЕВЕРНЫЙ металлург»"))
    assert "уже есть в списке партнёров" in page_text(response)
    assert 'value="ооо «СЕВЕРНЫЙ металлург»"' in response.get_data(as_text=True)


def test_contacts_of_2_2_need_the_contact_persons_name(app):
    with pytest.raises(RuleError) as refused:
        services.create_partner(**{key: value for key, value in partner_form(contact_phone="+73434321100").items()
                                   if key != "active"})
    assert refused.value.field == "contact_name"


def test_the_partner_page_lists_its_mentors(client, auth, make_user, bases_world):
    year = bases_world.year()
    partner = bases_world.partner()
    employee = bases_world.employee(partner, last_name="Мастеров")
    bases_world.mentor(person=employee, year=year, form_code="employer_student")
    auth.login_as(make_user(Role.DIRECTOR))
    text = page_text(client.get(f"/partners/{partner.id}"))
    assert "Мастеров Иван Петрович" in text and "2026/2027 (в реестре наставников)" in text
    assert "Мастеров" in page_text(client.get(f"/people/?organisation={partner.id}"))


def test_the_list_of_8_4_shows_partners_with_mentors_in_the_year(client, auth, make_user, bases_world):
    year = bases_world.year()
    with_mentors = bases_world.partner(short_name="ООО «Наставник»", full_name="ООО «Наставник» полностью")
    bases_world.partner(short_name="ООО «Без наставников»", full_name="ООО «Без наставников» полностью")
    bases_world.mentor(person=bases_world.employee(with_mentors), year=year, form_code="employer_student")
    auth.login_as(make_user(Role.SECRETARY))
    text = page_text(client.get("/partners/social-partners"))
    assert "ООО «Наставник» полностью" in text and "Без наставников" not in text
    assert "Без наставников" in page_text(client.get("/partners/"))


def test_the_list_of_8_4_leaves_out_a_former_partner(client, auth, make_user, bases_world):
    year = bases_world.year()
    former = bases_world.partner(short_name="ООО «Бывший»", full_name="ООО «Бывший партнёр»")
    bases_world.mentor(person=bases_world.employee(former), year=year, form_code="employer_student")
    former.active = False
    auth.login_as(make_user(Role.SECRETARY))
    assert "Бывший" not in page_text(client.get("/partners/social-partners"))


def test_head_name_forms_are_kept_for_the_agreement(client, auth, make_user, bases_world):
    partner = bases_world.partner()
    auth.login_as(make_user(Role.STAFF))
    response = client.post(f"/partners/{partner.id}/head-name-forms",
                           data={"genitive": "Ершова Виктора Андреевича"}, follow_redirects=True)
    assert "Формы ФИО сохранены." in page_text(response)
    assert partner.head.name_forms == {"genitive": "Ершова Виктора Андреевича"}
