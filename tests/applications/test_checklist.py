"""The checklist of a participant's papers and the gate: by role, age on the date in question, category; for a
partner's employee the papers of agreement 2.2 and an agreement in force."""
from datetime import date, timedelta

import pytest

from app.applications import attachments, services
from app.applications.checklist import checklist_for
from app.applications.gate import DocumentsIncomplete, ensure_documents_complete
from app.applications.models import ParticipantFile
from app.applications.paperwork import scan_file
from app.bases import services as bases
from app.consents.models import ConsentKind
from app.consents.services import print_consent
from app.core.formatting import local_today
from app.core.roles import Role
from app.documents.links import PaperState
from app.documents.scans import file_signed_scan
from app.extensions import db
from app.partners import agreements
from tests.helpers import page_text
from tests.query_count import count_queries


def states(checklist):
    return {item.requirement.code.value + (f":{item.requirement.paper_title}" if item.requirement.paper_title
                                           else ""): item.state for item in checklist.items}


def only(person, year, role):
    (checklist,) = checklist_for(person, year, role)
    return checklist


def test_a_minor_student_mentee_needs_his_parents_papers_4_11(bases_world, clerk):
    year = bases_world.year()
    person = bases_world.person(birth_date=date(2010, 3, 1), with_representative=True)
    mentee = bases_world.mentee(person=person, year=year)
    checklist = only(person, year, "mentee")
    assert states(checklist) == {"personal_data_parent": PaperState.MISSING, "mentee_application": PaperState.MISSING,
                                 "parent_application": PaperState.MISSING}
    parent = print_consent(ConsentKind.PERSONAL_DATA_PARENT, person, clerk, role="mentee",
                           representative=person.representatives[0])
    assert states(only(person, year, "mentee"))["personal_data_parent"] == PaperState.PRINTED
    file_signed_scan(parent.current_document, scan_file(), clerk)
    db.session.commit()
    assert states(only(person, year, "mentee"))["personal_data_parent"] == PaperState.SIGNED
    with pytest.raises(DocumentsIncomplete) as error:
        bases.link_mentor(mentee, bases_world.mentor(year=year))
    message = str(error.value)
    assert "«Заявление на участие в Программе наставничества» — нет (п. 4.11 Положения)" in message
    assert "«Заявление родителя (законного представителя) на участие в Программе» — нет" in message
    assert "Согласие родителя" not in message and error.value.section == "4.11"
    bases_world.papers(mentee)
    assert only(person, year, "mentee").complete


def test_an_adult_teacher_mentee_signs_his_own_papers_4_11(bases_world):
    year = bases_world.year()
    teacher = bases_world.teacher(birth_date=date(1999, 4, 4))
    bases_world.mentee(person=teacher, year=year, category="new_teacher", form=bases_world.forms()["teacher_teacher"])
    assert list(states(only(teacher, year, "mentee"))) == ["personal_data", "mentee_application"]


def test_a_student_mentor_who_is_a_minor_needs_his_application_portfolio_and_parents_papers(bases_world, clerk):
    year = bases_world.year()
    person = bases_world.person(birth_date=date(2009, 11, 1), study_group="ТМ-24", with_representative=True)
    mentor = bases_world.mentor(person=person, year=year, registered=False)
    checklist = only(person, year, "mentor")
    assert list(states(checklist)) == ["personal_data_parent", "candidate_application", "portfolio",
                                       "parent_application"]
    with pytest.raises(DocumentsIncomplete) as error:
        bases.register_mentor(mentor, basis="Приказ № 5 от 20.09.2026")
    assert "«Портфолио кандидата» — нет (п. 4.5 и Приложение 5 к Положению)" in str(error.value)
    assert mentor.status == "potential"
    bases_world.papers(mentor)
    bases.register_mentor(mentor, basis="Приказ № 5 от 20.09.2026")
    assert mentor.status == "registered"


def test_a_partners_employee_needs_the_papers_of_2_2_and_an_agreement_in_force(bases_world, clerk):
    year = bases_world.year()
    partner = bases_world.partner()
    employee = bases_world.employee(partner)
    bases_world.candidate_papers(employee, year, "employer_student")
    mentor = bases_world.mentor(person=employee, year=year, form_code="employer_student")
    items = states(only(employee, year, "mentor"))
    assert list(items) == ["personal_data", "candidate_application", "portfolio",
                           "partner_paper:Справка об отсутствии судимости", "partner_paper:Медицинская справка",
                           "agreement"]
    assert set(items.values()) == {PaperState.SIGNED}
    # The agreement expires: no new «работодатель – студент» pair (Приложение 2, п. 3.6).
    agreement = only(employee, year, "mentor").items[-1].record
    agreement.end_date = local_today() - timedelta(days=1)
    db.session.commit()
    item = only(employee, year, "mentor").items[-1]
    assert item.state == PaperState.EXPIRED and "действовало до" in item.note
    mentee = bases_world.mentee(year=year, papers=True)
    with pytest.raises(DocumentsIncomplete, match="«Соглашение о наставничестве с организацией-партнёром» — не "
                                                  "действует") as error:
        bases.link_mentor(mentee, mentor)
    assert error.value.section == "Приложение 2"
    db.session.rollback()
    fresh = agreements.create_agreement(partner, clerk, **{**agreements.default_values(partner),
                                                          "signed_on": date(2026, 9, 1),
                                                          "end_date": local_today() + timedelta(days=200)})
    agreements.print_agreement(fresh, clerk)
    file_signed_scan(fresh.current_document, scan_file("соглашение.png"), clerk)
    bases.link_mentor(mentee, mentor)
    assert mentee.status == "paired"


def test_a_missing_paper_of_2_2_is_named_in_the_gate(bases_world, clerk):
    year = bases_world.year()
    employee = bases_world.employee(bases_world.partner())
    bases_world.candidate_papers(employee, year, "employer_student")
    db.session.query(ParticipantFile).filter_by(title="Медицинская справка").delete()
    with pytest.raises(DocumentsIncomplete) as error:
        ensure_documents_complete(employee, "mentor", year, date(2026, 9, 15))
    assert str(error.value).count("— нет") == 1
    assert "«Медицинская справка» — нет (п. 2.2 соглашения о наставничестве, Приложение 2)" in str(error.value)
    assert error.value.section == "2.2 соглашения"


def test_the_list_of_2_2_papers_is_a_setting(bases_world, app):
    from app.settings import services as settings

    settings.update({"partners.employee_papers": "Справка об отсутствии судимости\n\nСправка о прививках\n"})
    assert attachments.partner_paper_titles() == ["Справка об отсутствии судимости", "Справка о прививках"]


def test_the_person_page_shows_the_checklist_with_its_actions(client, auth, staff, bases_world):
    year = bases_world.year()
    person = bases_world.person(birth_date=date(2010, 3, 1), with_representative=True)
    bases_world.mentee(person=person, year=year)
    auth.login_as(staff)
    text = page_text(client.get(f"/people/{person.id}"))
    assert "Документы участника — наставляемый, 2026/2027" in text and "не хватает: 3" in text
    assert "Распечатать" in text and "Заполнить…" in text


def test_the_gaps_list_filters_by_year_role_form_paper_and_state(client, auth, make_user, bases_world, clerk):
    year = bases_world.year()
    minor = bases_world.person(last_name="Несобранный", birth_date=date(2010, 3, 1), with_representative=True)
    bases_world.mentee(person=minor, year=year)
    done = bases_world.mentee(year=year, papers=True)
    teacher = bases_world.teacher(last_name="Кандидатов")
    print_consent(ConsentKind.PERSONAL_DATA, teacher, clerk, role="candidate")
    services.submit_application(teacher, year, clerk, mentorship_form=bases_world.forms()["teacher_teacher"],
                                **{**services.default_values(teacher, year), "portfolio_pages": 2,
                                   "regulation_acknowledged": True, "personal_data_consent": True,
                                   "email": "k@kmt.example"})
    db.session.commit()
    auth.login_as(make_user(Role.SECRETARY))
    text = page_text(client.get("/applications/papers/"))
    assert "Несобранный Иван Петрович" in text and "Кандидатов Иван Петрович" in text
    assert done.person.full_name not in text and "Всего: 6" in text
    only_candidates = page_text(client.get("/applications/papers/?role=candidate"))
    assert "Несобранный" not in only_candidates and "Всего: 3" in only_candidates
    printed = page_text(client.get("/applications/papers/?state=printed"))
    assert "Всего: 2" in printed and "Несобранный" not in printed
    parents = page_text(client.get("/applications/papers/?paper=parent_application"))
    assert "Всего: 1" in parents
    employer = bases_world.forms()["employer_student"]
    assert "Всего: 0" in page_text(client.get(f"/applications/papers/?form={employer.id}"))


def test_the_gaps_list_runs_as_many_queries_for_many_people_as_for_few(client, auth, make_user, bases_world):
    year = bases_world.year()
    auth.login_as(make_user(Role.SECRETARY))

    def add(count):
        for _ in range(count):
            bases_world.mentee(person=bases_world.person(birth_date=date(2010, 1, 1), with_representative=True),
                               year=year)

    add(2)
    few = count_queries(client, "/applications/papers/"), count_queries(client, "/people/")
    add(12)
    assert (count_queries(client, "/applications/papers/"), count_queries(client, "/people/")) == few
