"""Russian wording helpers: dates, names in every case with overrides, initials, numbers in words."""
from datetime import date, datetime

import pytest

from app.documents import russian
from app.documents.russian import DocumentValueError

ELSUKOVA = {"last_name": "Елсукова", "first_name": "Елена", "middle_name": "Викторовна", "gender": "female"}
DIRECTOR_INITIALS = {"last_name": "Елсукова", "first_name": "Е.", "middle_name": "В.", "gender": "female"}


def test_long_date_is_the_regulations_form():
    assert russian.date_long(date(2020, 9, 8)) == "«08» сентября 2020 г."
    assert russian.date_long("2020-06-08") == "«08» июня 2020 г."
    assert russian.date_long(datetime(2026, 3, 1, 12, 0)) == "«01» марта 2026 г."


def test_short_and_text_dates():
    assert russian.date_short("2026-09-01") == "01.09.2026"
    assert russian.date_text("2026-09-01") == "1 сентября 2026 г."


def test_a_date_that_is_not_one_is_refused():
    with pytest.raises(DocumentValueError):
        russian.date_long("завтра")


@pytest.mark.parametrize("case,expected", [
    ("nominative", "Елсукова Елена Викторовна"),
    ("genitive", "Елсуковой Елены Викторовны"),
    ("dative", "Елсуковой Елене Викторовне"),
    ("accusative", "Елсукову Елену Викторовну"),
    ("instrumental", "Елсуковой Еленой Викторовной"),
    ("prepositional", "Елсуковой Елене Викторовне"),
])
def test_full_name_in_every_case(case, expected):
    assert russian.name(ELSUKOVA, case) == expected


def test_initials_in_both_orders_as_the_regulation_writes_them():
    assert russian.initials_before(ELSUKOVA, "dative") == "Е.В. Елсуковой"
    assert russian.initials_after(ELSUKOVA, "genitive") == "Елсуковой Е.В."
    assert russian.initials_before(ELSUKOVA) == "Е.В. Елсукова"


def test_a_name_given_as_initials_is_not_declined():
    assert russian.name(DIRECTOR_INITIALS, "dative") == "Елсуковой Е. В."
    assert russian.initials_before(DIRECTOR_INITIALS, "dative") == "Е.В. Елсуковой"


@pytest.mark.parametrize("person,case,expected", [
    ({"last_name": "Черных", "first_name": "Алексей", "middle_name": "Викторович", "gender": "male"}, "genitive",
     "Черных Алексея Викторовича"),
    ({"last_name": "Кузьмич", "first_name": "Анна", "middle_name": "Сергеевна", "gender": "female"}, "dative",
     "Кузьмич Анне Сергеевне"),
    ({"last_name": "Кузьмич", "first_name": "Иван", "middle_name": "Петрович", "gender": "male"}, "dative",
     "Кузьмичу Ивану Петровичу"),
    ({"last_name": "Цой", "first_name": "Виктория", "middle_name": "Андреевна", "gender": "female"}, "instrumental",
     "Цой Викторией Андреевной"),
])
def test_surnames_that_do_or_do_not_decline(person, case, expected):
    assert russian.name(person, case) == expected


def test_gender_is_read_from_the_patronymic_when_not_given():
    person = {"last_name": "Лебедев", "first_name": "Дмитрий", "middle_name": "Игоревич"}
    assert russian.name(person, "genitive") == "Лебедева Дмитрия Игоревича"
    assert russian.gendered(person, "ознакомлен", "ознакомлена") == "ознакомлен"


def test_a_hand_typed_case_form_wins_over_the_automatic_one():
    person = {**ELSUKOVA, "last_name": "Гусь", "name_forms": {"genitive": "Гусь Елены Викторовны"}}
    assert russian.name(person, "genitive") == "Гусь Елены Викторовны"
    assert russian.initials_after(person, "genitive") == "Гусь Е.В."
    assert russian.name(person, "dative") == "Гусь Елене Викторовне"


def test_an_override_with_a_two_word_surname_keeps_it_whole():
    person = {"last_name": "Мамин-Сибиряк", "first_name": "Дмитрий", "middle_name": "Наркисович", "gender": "male",
              "name_forms": {"dative": "Мамину-Сибиряку Дмитрию Наркисовичу"}}
    assert russian.initials_before(person, "dative") == "Д.Н. Мамину-Сибиряку"


def test_a_person_without_a_surname_is_refused():
    with pytest.raises(DocumentValueError):
        russian.name({"first_name": "Анна"}, "genitive")
    with pytest.raises(DocumentValueError):
        russian.name(ELSUKOVA, "vocative")


def test_numbers_in_words_with_case_and_gender():
    assert russian.words(48) == "сорок восемь"
    assert russian.words(12, "prepositional") == "двенадцати"
    assert russian.words(2, gender="f") == "две"
    assert russian.words("4", "genitive") == "четырёх"


@pytest.mark.parametrize("number,expected", [(1, "лист"), (2, "листа"), (5, "листов"), (11, "листов"),
                                             (21, "лист"), (22, "листа"), (112, "листов")])
def test_plural_forms_after_a_number(number, expected):
    assert russian.plural(number, "лист", "листа", "листов") == expected


def test_capfirst_keeps_the_rest():
    assert russian.capfirst("государственное учреждение «КМТ»") == "Государственное учреждение «КМТ»"


def test_the_directors_case_forms_typed_in_the_settings_win(app):
    from app.documents.context import college_context
    from app.settings import services as settings

    settings.update({"college.director_genitive": "Елсуковы Е. В."})  # a surname the declension gets wrong
    director = college_context()["director"]
    assert russian.initials_after(director, "genitive") == "Елсуковы Е.В."
    assert russian.initials_after(director, "dative") == "Елсуковой Е.В."  # the other cases stay automatic


def test_an_account_linked_to_a_card_is_declined_as_the_card_says(app, make_user):
    from app.accounts.documents import user_as_person
    from app.accounts.services import link_person
    from app.core.roles import Role
    from app.people.services import set_name_forms
    from tests.factories import make_person

    user = make_user(Role.CURATOR, last_name="Гордеева", first_name="Светлана", middle_name="Александровна")
    card = make_person(last_name="Гордеева", first_name="Светлана", middle_name="Александровна", gender="female")
    set_name_forms(card, {"genitive": "Гордеевой-Ручной Светланы Александровны"})
    link_person(user, card)
    assert russian.name(user_as_person(user), "genitive") == "Гордеевой-Ручной Светланы Александровны"
