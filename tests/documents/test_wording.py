"""Papers a lawyer would sign: organisations and appositions in the case the sentence needs, one full stop, one
signature style, averages as the pages show them. Each document is rendered from its kind's examples and read back."""
import re

import pytest

from app.core.declension import decline_phrase, gendered, initials_before
from app.documents.context import example_context, render_context
from app.documents.kinds import all_kinds, get_kind
from app.documents.rendering import render_docx
from app.documents.services import issue_document
from app.documents.template_store import builtin_file
from app.extensions import db
from app.settings import services as settings
from tests.documents.helpers import docx_text, flat
from tests.helpers import page_text

FULL_NAME = ("государственное автономное профессиональное образовательное учреждение Свердловской области "
             "«Красноуральский многопрофильный техникум»")


def _example_text(code):
    kind = get_kind(code)
    return docx_text(render_docx(builtin_file(kind)[0], render_context(kind, example_context(kind))))


@pytest.mark.parametrize(("phrase", "case", "expected"), [
    (FULL_NAME, "dative", "государственному автономному профессиональному образовательному учреждению Свердловской "
                          "области «Красноуральский многопрофильный техникум»"),
    (FULL_NAME, "genitive", "государственного автономного профессионального образовательного учреждения "
                            "Свердловской области «Красноуральский многопрофильный техникум»"),
    (FULL_NAME, "instrumental", "государственным автономным профессиональным образовательным учреждением "
                                "Свердловской области «Красноуральский многопрофильный техникум»"),
    ("Государственный техникум «Уральский»", "dative", "Государственному техникуму «Уральский»"),
    ("областной колледж искусств", "genitive", "областного колледжа искусств"),
    ("автономная некоммерческая организация «Центр»", "accusative", "автономную некоммерческую организацию «Центр»"),
    ("ООО «Красноуральский механический завод»", "dative", "ООО «Красноуральский механический завод»"),
    ("студентка группы ТМ-25", "genitive", "студентки группы ТМ-25"),
    ("старший мастер участка", "genitive", "старшего мастера участка"),
    ("заместитель директора по УВР, куратор наставнической деятельности", "genitive",
     "заместителя директора по УВР, куратора наставнической деятельности"),
    ("генеральный директор", "genitive", "генерального директора"),
])
def test_a_phrase_declines_its_head_noun_and_adjectives_and_keeps_the_rest(phrase, case, expected):
    assert decline_phrase(phrase, case) == expected


def test_the_consent_gives_consent_to_the_operator_in_the_dative(app):
    for code in ("consent_personal_data", "consent_personal_data_parent"):
        text = flat(_example_text(code))
        assert ("даю согласие государственному автономному профессиональному образовательному учреждению "
                "Свердловской области «Красноуральский многопрофильный техникум» (далее — Оператор;") in text
        assert "согласие государственное" not in text


def test_the_settings_prefill_the_full_names_cases_and_a_correction_is_printed(app, client, auth, make_user):
    from app.core.roles import Role

    admin = make_user(Role.ADMIN)
    auth.login_as(admin)
    page = client.get("/admin/settings/")
    text = page_text(page)
    assert "Полное наименование: дательный (кому?)" in text
    assert ("По правилу: «государственному автономному профессиональному образовательному учреждению Свердловской "
            "области «Красноуральский многопрофильный техникум»»") in text
    # Saved as the rule gives it, the form stays automatic and follows a new full name.
    settings.update({"college.full_name": "областное государственное бюджетное учреждение «Колледж»",
                     "college.full_name_dative": decline_phrase(FULL_NAME, "dative")})
    db.session.commit()
    assert settings.get("college.full_name_dative") == "областному государственному бюджетному учреждению «Колледж»"
    # A correction typed by the administrator is kept and printed.
    settings.update({"college.full_name_dative": "областному государственному бюджетному учреждению «Колледж» "
                                                 "(исправлено)"})
    db.session.commit()
    assert "даю согласие областному государственному бюджетному учреждению «Колледж» (исправлено) (далее" in flat(
        _example_text("consent_personal_data"))


def test_an_apposition_follows_the_case_of_the_name(app, secretary):
    values = {**get_kind("participation_application_mentee").example_values(),
              "mentee": {"last_name": "Черных", "first_name": "Анастасия", "middle_name": "Игоревна",
                         "gender": "female"},
              "mentee_position": "студентка группы ТМ-25"}
    text = docx_text(issue_document("participation_application_mentee", values, secretary)
                     .current_version.read_bytes())
    assert "от Черных Анастасии Игоревны,\nстудентки группы ТМ-25" in text
    candidate = {**get_kind("candidate_application").example_values(), "candidate_position": "мастер участка"}
    text = docx_text(issue_document("candidate_application", candidate, secretary).current_version.read_bytes())
    assert "от Лебедева Дмитрия Игоревича,\nмастера участка" in text


def test_no_sentence_ends_with_two_full_stops(app):
    """«до «30» сентября 2027 г..»: a date that ends a sentence brings its own full stop."""
    for kind in all_kinds():
        text = _example_text(kind.code)
        double = re.search(r".{0,40}(?<!\.)\.\.(?!\.)", text)
        assert double is None, f"{kind.code}: {double.group(0)}"


#: A signature line: underscores at the start of a line or a cell, then the name (in the same or the next cell).
SIGNATURE = re.compile(r"(?:^|\| )_{5,}(?: \| | )(?P<name>[^|«\n]+?)\s*(?:\||«|$)", re.M)


def test_every_signature_is_initials_then_surname(app):
    """One style everywhere, as Russian orders print it: the position, the line, «И.П. Фамилия»."""
    found = 0
    for kind in all_kinds():
        for match in SIGNATURE.finditer(_example_text(kind.code)):
            name = match.group("name").strip()
            if not name or name.startswith("("):
                continue
            found += 1
            assert re.fullmatch(r"(?:[А-ЯЁ]\.){1,2} [А-ЯЁ][а-яё-]+", name), f"{kind.code}: «{name}»"
    assert found > 20


def test_one_person_acquainted_with_an_order_is_named_in_his_gender(app):
    assert "С приказом ознакомлена:\n_____________ О.Н. Морозова" in _example_text("order_appoint_curator")
    assert "(а)" not in _example_text("order_approve_program")


def test_the_core_helpers_agree_with_the_person():
    woman = {"last_name": "Кузьмич", "first_name": "Елена", "middle_name": "Павловна", "gender": "female"}
    assert gendered(woman, "добавлен", "добавлена") == "добавлена"
    assert gendered("Лебедев Дмитрий Игоревич", "добавлен", "добавлена") == "добавлен"
    assert initials_before("Гордеева Светлана Александровна") == "С.А. Гордеева"


def test_the_awards_order_concerns_the_rows_typed_by_hand_too(app, client, auth, secretary):
    from app.documents.prefill import Subject

    values = get_kind("order_awards").example_values()
    values["awardees"] = [*values["awardees"], {"name": "Петрова Анна Ивановна", "role": "наставляемая",
                                                "award": "объявить благодарность", "merit": "за активное участие"}]
    document = issue_document("order_awards", values, secretary,
                              subjects=[Subject("person", 12, "awardee", "Лебедев Д.И.")])
    db.session.commit()
    auth.login_as(secretary)
    page = client.get(f"/documents/{document.id}")
    assert "Кого касается Лебедев Д.И., Черных А.В., Петрова А.И." in page_text(page)
    assert "Лебедев Д.И., Черных А.В., Петрова А.И." in page_text(client.get("/documents/"))


def test_the_documents_page_agrees_with_who_prepared_and_issued_it(app, client, auth, secretary):
    """Белова Ирина Сергеевна prepared and issued the paper: «Подготовила», «Выпустила»."""
    document = issue_document("order_appoint_curator", get_kind("order_appoint_curator").example_values(), secretary)
    db.session.commit()
    auth.login_as(secretary)
    page = page_text(client.get(f"/documents/{document.id}"))
    assert "Подготовила Белова И.С." in page and "Выпустила Белова И.С." in page
