"""Candidates' applications (Приложение 5): every field of the form, printed for signature, the commission's steps."""
from datetime import date

import pytest
from sqlalchemy import select

from app.applications import services
from app.applications.checklist import documents_complete
from app.applications.gate import DocumentsIncomplete
from app.applications.models import ApplicationStatus, CandidateApplication
from app.core.errors import RuleError
from app.core.formatting import local_today
from app.documents.links import PaperState
from app.extensions import db
from tests.documents.helpers import docx_text, flat
from tests.helpers import page_text


def values(form, **overrides):
    data = {"mentorship_form": form, "position": "преподаватель специальных дисциплин", "phone": "8 343 432 12 34",
            "email": "Lebedev@KMT.example", "portfolio_pages": 12, "regulation_acknowledged": True,
            "personal_data_consent": True, "personal_data_consent_on": date(2026, 9, 1), "applied_on": date(2026, 9, 1)}
    data.update(overrides)
    return data


def printed_text(application):
    return flat(docx_text(application.current_document.current_version.read_bytes()))


def test_an_application_keeps_every_field_of_appendix_5_and_prints_it(bases_world, clerk):
    year = bases_world.year()
    forms = bases_world.forms()
    teacher = bases_world.teacher(last_name="Лебедев", first_name="Дмитрий", middle_name="Игоревич")
    application = services.submit_application(teacher, year, clerk, **values(forms["teacher_teacher"]))
    db.session.commit()
    assert application.status == ApplicationStatus.SUBMITTED and application.printed_state == PaperState.PRINTED
    assert (application.phone, application.email) == ("+7 (343) 432-12-34", "Lebedev@kmt.example")
    assert application.how_put_forward == "по собственному желанию"
    text = printed_text(application)
    for expected in ("от Лебедева Дмитрия Игоревича, преподавателя специальных дисциплин",
                     "Прошу считать меня участвующим в отборе наставников в Программу наставничества ГАПОУ СО «КМТ» на "
                     "2026/2027 учебный год", "тел. +7 (343) 432-12-34", "E-mail: Lebedev@kmt.example",
                     "1. портфолио на 12 (двенадцати) листах", "ознакомлен",
                     "Подтверждаю свое согласие на обработку своих персональных данных в порядке, установленном "
                     "законодательством РФ"):
        assert expected in text, expected
    assert "Согласие родителей" not in text


def test_every_student_candidates_application_lists_his_parents_consent_prilozhenie_5(bases_world, clerk):
    """Приложение 5: «согласие родителей (законных представителей) (для наставников-обучающихся)» — every student
    candidate, not only a minor; a setting narrows it to minors (4.11 asks it of them anyway)."""
    from app.applications.checklist import checklist_for
    from app.applications.requirements import RequirementCode
    from app.consents.services import PARENTS_CONSENT_MINORS_ONLY
    from app.settings import services as settings

    year = bases_world.year()
    forms = bases_world.forms()
    minor = bases_world.person(birth_date=date(2009, 10, 1), study_group="ТМ-24", with_representative=True)
    adult = bases_world.person(birth_date=date(2006, 1, 1), study_group="ТМ-23")
    young = services.submit_application(minor, year, clerk, **values(forms["student_student"], position="ТМ-24"))
    grown = services.submit_application(adult, year, clerk, **values(forms["student_student"], position="ТМ-23"))
    line = "2. согласие родителей (законных представителей) (для наставников-обучающихся)"
    assert line in printed_text(young) and line in printed_text(grown)

    def parents_paper_asked(person):
        return any(item.requirement.code == RequirementCode.PARENT_APPLICATION
                   for checklist in checklist_for(person, year) for item in checklist.items)

    assert parents_paper_asked(minor) and parents_paper_asked(adult)
    settings.update({PARENTS_CONSENT_MINORS_ONLY: True})
    db.session.commit()
    assert parents_paper_asked(minor) and not parents_paper_asked(adult)


def test_an_adult_student_candidates_parent_signs_his_consent_to_the_candidacy_prilozhenie_5(bases_world, clerk):
    from app.consents.models import ConsentKind
    from app.consents.services import print_consent

    year = bases_world.year()
    adult = bases_world.person(birth_date=date(2006, 1, 1), study_group="ТМ-23", with_representative=True)
    paper = print_consent(ConsentKind.PARENT_APPLICATION, adult, clerk, role="candidate", year=year,
                          representative=adult.representatives[0])
    db.session.commit()
    text = flat(docx_text(paper.current_document.current_version.read_bytes()))
    assert "несовершеннолетн" not in text
    assert "в качестве кандидата в наставники (Приложение 5 к Положению о наставничестве: согласие родителей " in text
    with pytest.raises(RuleError, match="совершеннолетний"):
        print_consent(ConsentKind.PARENT_APPLICATION, adult, clerk, role="mentee", year=year,
                      representative=adult.representatives[0])


@pytest.mark.parametrize("change,field,message", [
    ({"regulation_acknowledged": False}, "regulation_acknowledged", "ознакомлен с Положением"),
    ({"personal_data_consent": False}, "personal_data_consent", "Без согласия на обработку персональных данных"),
    ({"personal_data_consent_on": None}, "personal_data_consent_on", "дату согласия"),
    ({"portfolio_pages": 0}, "portfolio_pages", "число листов портфолио"),
    ({"phone": "12345"}, "phone", "Введите телефон"),
    ({"email": "не почта"}, "email", "адрес электронной почты"),
    ({"position": " "}, "position", "должность кандидата"),
    ({"mentorship_form": None}, "mentorship_form", "Выберите форму наставничества"),
    ({"applied_on": date(2030, 1, 1)}, "applied_on", "в будущем"),
])
def test_a_bad_application_is_refused_at_its_field_and_nothing_stored(bases_world, clerk, change, field, message):
    year = bases_world.year()
    teacher = bases_world.teacher()
    with pytest.raises(RuleError, match=message) as error:
        services.submit_application(teacher, year, clerk, **values(bases_world.forms()["teacher_teacher"], **change))
    assert error.value.field == field
    db.session.rollback()
    assert db.session.query(CandidateApplication).count() == 0


def test_the_regulations_rules_hold_for_a_candidate(bases_world, clerk):
    year = bases_world.year(codes=("student_student", "teacher_teacher"))
    forms = bases_world.forms()
    teacher = bases_world.teacher()
    with pytest.raises(RuleError, match="наставником не может быть") as error:
        services.submit_application(teacher, year, clerk, **values(forms["student_student"]))
    assert error.value.section == "4.4"
    with pytest.raises(RuleError, match="не реализуется") as error:
        services.submit_application(bases_world.employee(bases_world.partner()), year, clerk,
                                    **values(forms["employer_student"]))
    assert error.value.section == "4.1"
    lonely_minor = bases_world.person(birth_date=date(2010, 1, 1))
    with pytest.raises(RuleError) as error:
        services.submit_application(lonely_minor, year, clerk, **values(forms["student_student"]))
    assert error.value.section == "4.11"
    services.submit_application(teacher, year, clerk, **values(forms["teacher_teacher"]))
    with pytest.raises(RuleError, match="уже есть"):
        services.submit_application(teacher, year, clerk, **values(forms["teacher_teacher"]))


def test_a_change_is_a_new_version_until_the_signed_paper_is_back(bases_world, clerk):
    year = bases_world.year()
    forms = bases_world.forms()
    teacher = bases_world.teacher()
    application = services.submit_application(teacher, year, clerk, **values(forms["teacher_teacher"]))
    services.update_application(application, clerk, **values(forms["teacher_teacher"], portfolio_pages=20))
    db.session.commit()
    document = application.current_document
    assert [version.version_no for version in document.versions] == [1, 2]
    assert "портфолио на 20 (двадцати) листах" in printed_text(application)
    bases_world.candidate_papers(teacher, year, "teacher_teacher")
    db.session.expire(application)
    assert application.printed_state == PaperState.SIGNED and not application.editable
    with pytest.raises(RuleError, match="уже подписано"):
        services.update_application(application, clerk, **values(forms["teacher_teacher"], portfolio_pages=2))


def test_the_commission_takes_an_application_only_with_every_paper_signed(bases_world, clerk):
    """Issue 6 calls start_review and record_decision; the gate (4.5, 4.11, Приложение 5) stands before review."""
    year = bases_world.year()
    forms = bases_world.forms()
    teacher = bases_world.teacher()
    application = services.submit_application(teacher, year, clerk, **values(forms["teacher_teacher"]))
    assert documents_complete(application) is False
    with pytest.raises(DocumentsIncomplete) as error:
        services.start_review(application)
    assert {item.requirement.code for item in error.value.gaps} == {"personal_data", "candidate_application",
                                                                      "portfolio"}
    assert "«Заявление кандидата в наставники (Приложение 5)» — распечатано, но скан подписанного не загружен" in str(
        error.value)
    bases_world.candidate_papers(teacher, year, "teacher_teacher")
    db.session.expire(application)
    assert documents_complete(application) is True
    with pytest.raises(RuleError, match="записать решение"):
        services.record_decision(application, selected=True, basis="Протокол № 2 от 20.09.2026")
    services.start_review(application, on=date(2026, 9, 18))
    assert application.status == ApplicationStatus.UNDER_REVIEW
    with pytest.raises(RuleError, match="основание решения"):
        services.record_decision(application, selected=True, basis=" ")
    services.record_decision(application, selected=False, basis="Протокол № 2 от 20.09.2026", on=date(2026, 9, 20))
    assert (application.status, application.decision_basis) == (ApplicationStatus.NOT_SELECTED,
                                                                 "Протокол № 2 от 20.09.2026")
    with pytest.raises(RuleError, match="отозвать заявление"):
        services.withdraw_application(application)


def test_a_candidate_withdraws_and_returns_his_application(bases_world, clerk):
    year = bases_world.year()
    application = services.submit_application(bases_world.teacher(), year, clerk,
                                              **values(bases_world.forms()["teacher_teacher"]))
    services.withdraw_application(application, on=local_today(), note="передумал")
    assert application.status == ApplicationStatus.WITHDRAWN and application.decision_basis == "передумал"
    services.reinstate_application(application)
    assert application.status == ApplicationStatus.SUBMITTED


def test_staff_enter_an_application_on_its_page_and_the_form_keeps_their_input(client, auth, staff, bases_world):
    year = bases_world.year()
    forms = bases_world.forms()
    teacher = bases_world.teacher(last_name="Пермякова", first_name="Ольга", middle_name="Ивановна", gender="female",
                                  email="permyakova@kmt.example")
    auth.login_as(staff)
    picker = page_text(client.get("/applications/new", query_string={"q": "пермяк"}))
    assert "Пермякова Ольга Ивановна" in picker
    form = client.get(f"/applications/new?person_id={teacher.id}").get_data(as_text=True)
    assert 'value="permyakova@kmt.example"' in form and 'value="преподаватель"' in form
    data = {"program_year": str(year.id), "mentorship_form": str(forms["teacher_teacher"].id),
            "position": "преподаватель математики", "phone": "+7 912 300 40 50", "email": "permyakova@kmt.example",
            "portfolio_pages": "7", "personal_data_consent": "y", "personal_data_consent_on": "2026-09-02",
            "applied_on": "2026-09-02"}
    refused = client.post(f"/applications/new?person_id={teacher.id}", data=data)
    assert "ознакомлен с Положением" in page_text(refused) and "преподаватель математики" in refused.get_data(
        as_text=True)
    assert "С Положением о наставничестве ознакомлена" in page_text(refused)  # the label agrees with her
    response = client.post(f"/applications/new?person_id={teacher.id}", data={**data, "regulation_acknowledged": "y"},
                           follow_redirects=True)
    text = page_text(response)
    assert "Заявление Пермяковой Ольги Ивановны сохранено и распечатано" in text
    assert "Портфолио 7 л." in text and "DOCX для подписи" in text
    application = db.session.scalar(select(CandidateApplication))
    assert application.personal_data_consent_on == date(2026, 9, 2)
    listing = page_text(client.get("/applications/"))
    assert "Пермякова Ольга Ивановна" in listing and "по собственному желанию" in listing and "не все" in listing


def test_a_curator_candidacy_is_printed_as_such_and_only_for_the_colleges_staff_prilozhenie_1(bases_world, clerk):
    """Приложение 1, last paragraph: the curator is selected too; he meets the teacher form's criteria."""
    year = bases_world.year()
    forms = bases_world.forms()
    teacher = bases_world.teacher(last_name="Морозова", first_name="Ольга", middle_name="Николаевна", gender="female")
    application = services.submit_application(teacher, year, clerk, **values(forms["teacher_teacher"],
                                                                             for_curator=True))
    db.session.commit()
    assert application.for_curator and application.candidacy_label == "кандидат в кураторы"
    assert "участвующей в отборе куратора наставнической деятельности в Программу" in printed_text(application)
    student = bases_world.person(birth_date=date(2006, 1, 1), study_group="ТМ-23")
    with pytest.raises(RuleError) as refused:
        services.submit_application(student, year, clerk, **values(forms["student_student"], for_curator=True))
    assert refused.value.section == "Приложение 1" and refused.value.field == "for_curator"
