"""Every kind of docs/design.md "Documents", issued from its example data and read back with python-docx."""
import importlib.util
import json
from pathlib import Path

import pytest

from app.core.errors import RuleError
from app.documents.kinds import KINDS, all_kinds, get_kind
from app.documents.services import issue_document
from app.documents.template_check import check_template
from app.documents.template_store import builtin_file
from app.extensions import db
from tests.documents.helpers import docx_text, flat

ROOT = Path(__file__).resolve().parents[2]

#: What each kind's example must read like: names in the case the sentence needs, dates, numbers.
EXPECTED = {
    "order_appoint_curator": ["ПРИКАЗ", "«01» сентября 2026 г. | № 1-од", "О назначении куратора",
                              "учебный год Морозову Ольгу Николаевну (заместитель директора",
                              "Куратору наставнической деятельности Морозовой О.Н. обеспечить",
                              "Директор | _____________ Е.В. Елсукова", "_____________ О.Н. Морозова"],
    "order_create_commission": ["№ 1-од", "Создать конкурсную комиссию",
                                "1 | Гордеева Светлана Александровна | директор | председатель комиссии",
                                "в срок до «25» сентября 2026 г.", "_____________ Н.Ю. Васильева"],
    "order_approve_mentor_registry": ["протокола заседания конкурсной комиссии по отбору наставников от "
                                      "20.09.2026 № 02",
                                      "Приложение к приказу ГАПОУ СО «КМТ»", "от 01.09.2026 № 1-од",
                                      "2 | Гусев Андрей Викторович | ООО «Красноуральский механический завод», мастер "
                                      "участка | работодатель – студент", "(kmt-krasnouralsk.ru)"],
    "order_nominate_mentors": ["О выдвижении наставников на 2026/2027 учебный год", "на основании представления "
                               "инициативной группы преподавателей отделения машиностроения от 05.09.2026",
                               "1. Выдвинуть в наставники на 2026/2027 учебный год кандидатов согласно приложению",
                               "2 | Черных Алексей Викторович | ГАПОУ СО «КМТ», студент группы ТМ-31 | студент – "
                               "студент"],
    "order_approve_program": ["Куратору наставнической деятельности Морозовой О.Н. обеспечить",
                              "4. Включить в Программу наставничества мероприятия по развитию наставников",
                              "5. Контроль за исполнением", "с 15.09.2026 по 30.06.2027",
                              "Черных Алексей Викторович | Белых Иван Олегович, Цой Виктория Андреевна",
                              "| составлен (мероприятий: 5), подписан"],
    "order_replace_mentor": ["в связи с прекращением наставником трудовых отношений с техникумом (заявление "
                             "наставника от 10.01.2027)",
                             "Освободить Васильеву Наталью Юрьевну от исполнения обязанностей наставника Кузьмич "
                             "Анны Сергеевны (преподаватель математики)",
                             "Назначить наставником Кузьмич Анны Сергеевны Лебедева Дмитрия Игоревича",
                             "Период наставничества не изменяется: с «15» сентября 2026 г. по «30» июня 2027 г.",
                             "_____________ А.С. Кузьмич"],
    "order_end_pair_early": ["Завершить досрочно, «28» февраля 2027 г., наставничество Лебедева Дмитрия Игоревича "
                             "в отношении Кузьмич Анны Сергеевны",
                             "по согласованию с наставником (20.02.2027) и куратором наставнической деятельности "
                             "(21.02.2027)"],
    "order_extend_pair": ["в связи с временной нетрудоспособностью наставника",
                          "Продлить срок наставничества Лебедева Дмитрия Игоревича в отношении Черных Алексея "
                          "Викторовича", "до «30» июня 2027 г.", "листок нетрудоспособности с 12.01.2027"],
    "order_awards": ["Лебедев Дмитрий Игоревич | наставник, преподаватель специальных дисциплин | наградить Почётной "
                     "грамотой", "2. Разместить информацию о поощрении", "3. Контроль за исполнением"],
    "partner_agreement": ["СОГЛАШЕНИЕ О НАСТАВНИЧЕСТВЕ № 1/26", "г. Красноуральск | «01» сентября 2026 г.",
                          "ГАПОУ СО «Красноуральский многопрофильный техникум» в лице директора Елсуковой Е.В., "
                          "действующего на основании Устава",
                          "в лице генерального директора Гусева А.В., действующего на основании Устава",
                          "на территории городского округа Красноуральск и Свердловской области",
                          "справок об отсутствии судимости, медицинских справок", "2.5. Образовательная организация "
                          "принимает на себя", "действует до 30.12.2026 г.", "_____________ А.В. Гусев"],
    "candidate_application": ["Директору ГАПОУ СО «КМТ»", "Е.В. Елсуковой", "от Лебедева Дмитрия Игоревича,",
                              "Прошу считать меня участвующим в отборе наставников", "тел. +7 (343) 432-12-34",
                              "1. портфолио на 12 (двенадцати) листах",
                              "Красноуральский многопрофильный техникум» ознакомлен.",
                              "«01» сентября 2026 г. | _______________ | Д.И. Лебедев"],
    "consent_personal_data": ["Я, Кузьмич Анна Сергеевна, 17.04.1998 года рождения, зарегистрированная по адресу",
                              "№ 152-ФЗ «О персональных данных»", "в качестве наставляемого",
                              "даю согласие государственному автономному профессиональному образовательному "
                              "учреждению Свердловской области «Красноуральский многопрофильный техникум» (далее — "
                              "Оператор; адрес места нахождения: 624330, Свердловская область"],
    "consent_personal_data_parent": ["являясь матерью несовершеннолетнего Белых Ивана Олеговича, 14.05.2010 года "
                                     "рождения, обучающегося группы ТМ-21", "Я, Белых Елена Петровна, "
                                     "зарегистрированная", "_______________ | Е.П. Белых"],
    "participation_application_mentee": ["от Цой Виктории Андреевны,", "студентки группы ТМ-11",
                                         "в качестве наставляемого",
                                         "студент, изъявивший желание в назначении наставника",
                                         "ознакомлена", "Контактный телефон: +7 (912) 600-11-22."],
    "participation_application_parent": ["от Белых Елены Петровны,", "являясь матерью несовершеннолетнего Белых "
                                         "Ивана Олеговича", "прошу включить его в Программу наставничества",
                                         "ознакомлена"],
    "approval_sheet": ["ЛИСТ СОГЛАСОВАНИЯ", "проекта приказа «О назначении наставников на 2026/2027 учебный год»",
                       "в срок до «10» сентября 2026 г.", "3 | Морозова Ольга Николаевна | заместитель директора по "
                       "УВР | куратор наставнической деятельности"],
    "commission_protocol": ["ПРОТОКОЛ № 01", "Председатель комиссии: С.А. Гордеева",
                            "Присутствовали 4 (четыре) из 4 (четырёх) членов комиссии",
                            "Председателя комиссии Гордееву С.А. о заявлениях",
                            "Лебедев Д.И. | Морозова О.Н. | 8 | за",
                            "Секретарь комиссии | _____________ Н.Ю. Васильева"],
    "mentee_base": ["База наставляемых на 2026/2027 учебный год", "Цой Виктория Андреевна", "15.09.2026",
                    "Приложения 3"],
    "mentor_base": ["База наставников на 2026/2027 учебный год", "Лебедев Дмитрий Игоревич", "30.06.2027",
                    "победитель регионального конкурса"],
    "letter_of_thanks": ["БЛАГОДАРСТВЕННОЕ ПИСЬМО", "Уважаемая Татьяна Ивановна!",
                         "за воспитание сына — Черных Алексея Викторовича, студента группы ТМ-31",
                         "который в 2026/2027 учебном году успешно выполнял обязанности наставника",
                         "г. Красноуральск, 1 сентября 2026 г."],
    "group_work_agreement": ["СОГЛАСИЕ", "Я, Кузьмич Анна Сергеевна, в соответствии с пунктом 4.6",
                             "в групповой форме работы", "в качестве наставника",
                             "Наставник группы: Лебедев Дмитрий Игоревич",
                             "Срок наставничества: с 15.09.2026 по 30.06.2027"],
    "mentor_step_down_request": ["от Васильевой Натальи Юрьевны,", "преподавателя математики",
                                 "В соответствии с пунктом 6.2", "прошу освободить меня от обязанностей наставника "
                                 "Кузьмич Анны Сергеевны (форма наставничества «преподаватель – преподаватель») по "
                                 "причинам личного характера"],
    "mentee_mentor_change_request": ["Куратору наставнической деятельности", "О.Н. Морозовой",
                                     "от Черных Алексея Викторовича,", "студента группы ТМ-11", "ХОДАТАЙСТВО",
                                     "с наставником Лебедевым Дмитрием Игоревичем прошу заменить мне наставника"],
    "individual_plan": ["Индивидуальный план развития наставляемого под руководством наставника",
                        "на 2026/2027 учебный год", "Форма наставничества: студент – студент.",
                        "Наставник: Лебедев Дмитрий Игоревич.", "Наставляемый: Черных Алексей Викторович.",
                        "Срок наставничества: с 15.09.2026 по 30.06.2027.",
                        "1 | Проведение первой, организационной, встречи наставника и наставляемого | Согласованы "
                        "формат и график встреч | 22.09.2026 | наставник | выполнено | Встреча проведена | "
                        "Познакомился с наставником",
                        "«01» сентября 2026 г. | _______________ | Д.И. Лебедев",
                        "_______________ А.В. Черных"],
}

#: Words that must not appear: a wrong branch of a condition.
ABSENT = {
    "candidate_application": ["согласие родителей"],
    "order_appoint_curator": ["ПРОЕКТ"],
    "individual_plan": ["Наставляемые:"],
}


def test_every_kind_of_the_design_is_declared_and_expected():
    assert set(EXPECTED) == set(KINDS)
    orders = [kind for kind in all_kinds() if kind.register == "orders"]
    assert len(orders) == 9  # docs/design.md "Documents", the nomination order of 4.13 among them


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_kind_issued_from_its_examples_reads_right(code, app, secretary):
    kind = get_kind(code)
    document = issue_document(code, kind.example_values(), secretary)
    db.session.commit()
    text = docx_text(document.current_version.read_bytes())
    assert "{{" not in text and "{%" not in text and "None" not in text
    for phrase in EXPECTED[code]:
        assert phrase in text or phrase in flat(text), f"{code}: {phrase!r} not in\n{text}"
    for phrase in ABSENT.get(code, []):
        assert phrase not in text


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_built_in_templates_pass_the_upload_check(code, app):
    kind = get_kind(code)
    check_template(kind, builtin_file(kind)[0])


def test_committed_templates_are_what_the_build_script_makes():
    spec = importlib.util.spec_from_file_location("build_doc_templates", ROOT / "scripts" / "build_doc_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0


def test_a_missing_required_field_is_named_in_russian(app, secretary):
    values = get_kind("order_replace_mentor").example_values()
    values["new_mentor"] = {"last_name": "", "first_name": "", "middle_name": ""}
    with pytest.raises(RuleError) as refused:
        issue_document("order_replace_mentor", values, secretary)
    assert "«Новый наставник»" in str(refused.value) and refused.value.field == "new_mentor.last_name"


def test_replacement_only_for_the_five_reasons_4_8(app, secretary):
    values = get_kind("order_replace_mentor").example_values()
    values["reason"] = "по желанию куратора"
    with pytest.raises(RuleError) as refused:
        issue_document("order_replace_mentor", values, secretary)
    assert refused.value.field == "reason"


@pytest.mark.parametrize("members", [2, 6])
def test_commission_of_three_to_five_members_4_13(app, secretary, members):
    values = get_kind("order_create_commission").example_values()
    row = {"name": "Петров Пётр Петрович", "position": "преподаватель", "role": "член комиссии"}
    values["members"] = [values["members"][0], *[row] * (members - 1)]
    with pytest.raises(RuleError) as refused:
        issue_document("order_create_commission", values, secretary)
    assert refused.value.section == "4.13"


def test_commission_has_one_chair_4_13(app, secretary):
    values = get_kind("order_create_commission").example_values()
    values["members"] = [{**row, "role": "член комиссии"} for row in values["members"]]
    with pytest.raises(RuleError, match="председателя"):
        issue_document("order_create_commission", values, secretary)


def test_extension_moves_the_end_later_4_7(app, secretary):
    values = {**get_kind("order_extend_pair").example_values(), "new_end": "2027-05-01"}
    with pytest.raises(RuleError) as refused:
        issue_document("order_extend_pair", values, secretary)
    assert refused.value.section == "4.7" and refused.value.field == "new_end"


def test_early_end_is_before_the_planned_end_4_7(app, secretary):
    values = {**get_kind("order_end_pair_early").example_values(), "end_date": "2027-07-01"}
    with pytest.raises(RuleError, match="досрочного"):
        issue_document("order_end_pair_early", values, secretary)


def test_parents_papers_only_for_a_minor_4_11(app, secretary):
    values = {**get_kind("consent_personal_data_parent").example_values(), "minor_birth_date": "2008-08-31"}
    with pytest.raises(RuleError) as refused:
        issue_document("consent_personal_data_parent", values, secretary)
    assert refused.value.section == "4.11"
    values["minor_birth_date"] = "2008-09-02"  # 17 on 1 September 2026
    issue_document("consent_personal_data_parent", values, secretary)


def test_student_candidate_lists_the_parents_consent(app, secretary):
    values = {**get_kind("candidate_application").example_values(), "is_student": True, "portfolio_pages": 1}
    text = docx_text(issue_document("candidate_application", values, secretary).current_version.read_bytes())
    assert "2. согласие родителей (законных представителей) (для наставников-обучающихся)" in text
    assert "1. портфолио на 1 (одном) листе" in text


def test_academic_year_is_two_consecutive_years(app, secretary):
    values = {**get_kind("order_awards").example_values(), "academic_year": "2026/2028"}
    with pytest.raises(RuleError) as refused:
        issue_document("order_awards", values, secretary)
    assert refused.value.field == "academic_year"


def test_a_person_whose_gender_cannot_be_told_must_say_it(app, secretary):
    values = get_kind("letter_of_thanks").example_values()
    values["parent"] = {"last_name": "Ким", "first_name": "Саша", "middle_name": ""}
    with pytest.raises(RuleError) as refused:
        issue_document("letter_of_thanks", values, secretary)
    assert refused.value.field == "parent.gender"


def test_kinds_command_prints_every_kind_with_examples(runner):
    result = runner.invoke(args=["documents", "kinds"])
    assert result.exit_code == 0
    kinds = json.loads(result.output)
    assert [kind["code"] for kind in kinds][0] == "order_appoint_curator" and len(kinds) == len(KINDS)
    curator = kinds[0]
    names = [field["name"] for field in curator["fields"]]
    assert {"college", "number", "doc_date", "curator"} <= set(names)
    assert next(f for f in curator["fields"] if f["name"] == "curator")["example"]["last_name"] == "Морозова"


def test_agreement_ends_on_the_set_day_or_the_regulations_30_december(app):
    from app.partners.agreements import default_end_date
    from app.settings import services as settings
    assert (default_end_date().day, default_end_date().month) == (30, 12)
    settings.update({"documents.agreement_end": "31.08"})
    assert (default_end_date().day, default_end_date().month) == (31, 8)
    settings.update({"documents.agreement_end": "30 декабря"})
    assert (default_end_date().day, default_end_date().month) == (30, 12)
