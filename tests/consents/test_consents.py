"""The papers of 4.11: printed from the cards, signed by scan, once per person or per year, withdrawn."""
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.applications import nominations
from app.applications import services as applications
from app.audit.models import AuditEvent
from app.bases import services as bases
from app.consents.models import Consent, ConsentKind, ParticipantRole
from app.consents.services import BLANK_LINE, print_consent, withdraw_consent, withdrawn_consents
from app.core.errors import RuleError
from app.core.formatting import local_today
from app.core.roles import Role
from app.documents.links import PaperState
from app.documents.scans import file_signed_scan
from app.extensions import db
from app.selection import commission
from tests.applications.fixtures import upload
from tests.documents.helpers import docx_text, flat, make_pdf
from tests.helpers import page_text
from tests.selection.fixtures import cast


def docx_of(consent):
    return flat(docx_text(consent.current_document.current_version.read_bytes()))


def test_an_adults_own_consent_is_printed_from_his_card_with_lines_to_fill_by_hand_4_11(bases_world, clerk):
    year = bases_world.year()
    person = bases_world.teacher(last_name="Кузьмич", first_name="Анна", middle_name="Сергеевна", gender="female")
    consent = print_consent(ConsentKind.PERSONAL_DATA, person, clerk, role=ParticipantRole.MENTEE, year=year)
    db.session.commit()
    assert consent.state == PaperState.PRINTED and consent.program_year is None  # once per person
    text = docx_of(consent)
    assert "Я, Кузьмич Анна Сергеевна, 05.05.1980 года рождения, зарегистрированная по адресу: " + BLANK_LINE in text
    assert "в качестве наставляемого" in text
    file_signed_scan(consent.current_document, upload(make_pdf(), "согласие.pdf"), clerk)
    db.session.commit()
    db.session.expire(consent)
    assert consent.state == PaperState.SIGNED


def test_a_consent_is_given_once_an_application_once_a_year_4_11(bases_world, clerk):
    earlier = bases_world.year("2025/2026", start=date(2025, 9, 1), end=date(2026, 8, 31))
    later = bases_world.year()
    person = bases_world.person()
    for year, entry in ((earlier, date(2025, 9, 15)), (later, date(2026, 9, 15))):
        bases_world.mentee(person=person, year=year, entry_date=entry)
    print_consent(ConsentKind.PERSONAL_DATA, person, clerk, role="mentee", on=date(2025, 9, 10))
    with pytest.raises(RuleError, match="уже оформлено"):
        print_consent(ConsentKind.PERSONAL_DATA, person, clerk, role="mentor")
    print_consent(ConsentKind.MENTEE_APPLICATION, person, clerk, role="mentee", year=earlier, on=date(2025, 9, 10))
    with pytest.raises(RuleError, match="уже оформлено"):
        print_consent(ConsentKind.MENTEE_APPLICATION, person, clerk, role="mentee", year=earlier)
    application = print_consent(ConsentKind.MENTEE_APPLICATION, person, clerk, role="mentee", year=later)
    text = docx_of(application)
    assert "на 2026/2027 учебный год в качестве наставляемого" in text
    assert "Основной запрос: Подтянуть учёбу по спецпредметам" in text
    assert "студент, изъявивший желание в назначении наставника" in text


def test_the_mentee_application_needs_his_row_of_the_mentee_base_4_11(bases_world, clerk):
    year = bases_world.year()
    person = bases_world.person()
    with pytest.raises(RuleError, match="нет в базе наставляемых 2026/2027") as error:
        print_consent(ConsentKind.MENTEE_APPLICATION, person, clerk, role="mentee", year=year)
    assert error.value.section == "4.11"
    with pytest.raises(RuleError, match="подаётся на учебный год"):
        print_consent(ConsentKind.MENTEE_APPLICATION, person, clerk, role="mentee")


def test_a_minors_papers_are_his_parents_4_11(bases_world, clerk):
    year = bases_world.year()
    minor = bases_world.person(last_name="Белых", birth_date=date(2010, 5, 14), study_group="ТМ-25",
                               with_representative=True)
    lonely = bases_world.person(birth_date=date(2010, 6, 1))
    with pytest.raises(RuleError, match="несовершеннолетний: согласие на обработку его персональных данных даёт"):
        print_consent(ConsentKind.PERSONAL_DATA, minor, clerk, role="mentee")
    with pytest.raises(RuleError, match="Выберите родителя") as error:
        print_consent(ConsentKind.PERSONAL_DATA_PARENT, lonely, clerk, role="mentee")
    assert error.value.section == "4.11"
    mother = minor.representatives[0]
    consent = print_consent(ConsentKind.PERSONAL_DATA_PARENT, minor, clerk, role="mentee", representative=mother)
    text = docx_of(consent)
    assert "Я, Родителева Анна Сергеевна" in text
    assert "являясь матерью несовершеннолетнего Белых Ивана Петровича" in text
    assert "14.05.2010 года рождения, обучающегося группы ТМ-25" in text
    assert consent.representative_name == "Родителева Анна Сергеевна"
    parent_application = print_consent(ConsentKind.PARENT_APPLICATION, minor, clerk, role="candidate", year=year,
                                       representative=mother)
    assert "в качестве кандидата в наставники" in docx_of(parent_application)
    adult = bases_world.person(birth_date=date(2001, 1, 1), with_representative=True)
    with pytest.raises(RuleError, match="совершеннолетний: документ родителя"):
        print_consent(ConsentKind.PERSONAL_DATA_PARENT, adult, clerk, role="mentee",
                      representative=adult.representatives[0])


def test_a_withdrawn_consent_flags_the_person_and_keeps_him_out_of_new_pairs(bases_world, clerk):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    mentee = bases_world.mentee(year=year, papers=True)
    consent = db.session.scalar(select(Consent).where(Consent.person_id == mentee.person_id,
                                                      Consent.kind == ConsentKind.PERSONAL_DATA))
    with pytest.raises(RuleError, match="в будущем"):
        withdraw_consent(consent, clerk, on=local_today() + timedelta(days=1))
    with pytest.raises(RuleError, match="отозвать его раньше нельзя"):
        withdraw_consent(consent, clerk, on=consent.given_on - timedelta(days=1))
    withdraw_consent(consent, clerk, on=local_today(), note="Заявление об отзыве от сегодняшнего дня")
    db.session.commit()
    assert consent.state == PaperState.WITHDRAWN
    assert withdrawn_consents([mentee.person_id]) == {mentee.person_id: consent}
    with pytest.raises(RuleError, match="«Согласие на обработку персональных данных» — отозвано") as error:
        bases.link_mentor(mentee, mentor)
    assert error.value.section == "4.11" and mentee.status == "waiting"
    db.session.rollback()
    with pytest.raises(RuleError, match="уже отозвано"):
        withdraw_consent(consent, clerk)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "consent_withdrawn"))
    assert event.details["person"] == mentee.person.full_name
    # A new consent, signed, lets him in again.
    renewed = print_consent(ConsentKind.PERSONAL_DATA, mentee.person, clerk, role="mentee")
    file_signed_scan(renewed.current_document, upload(make_pdf("renewed"), "новое согласие.pdf"), clerk)
    db.session.commit()
    assert withdrawn_consents([mentee.person_id]) == {}
    bases.link_mentor(mentee, mentor)
    assert mentee.status == "paired"


def test_only_a_consent_to_personal_data_is_withdrawn(bases_world, clerk):
    year = bases_world.year()
    mentee = bases_world.mentee(year=year)
    application = print_consent(ConsentKind.MENTEE_APPLICATION, mentee.person, clerk, role="mentee", year=year)
    with pytest.raises(RuleError, match="заявление на участие не отзывается"):
        withdraw_consent(application, clerk)


def test_staff_print_a_consent_on_its_form_and_in_one_click(client, auth, staff, bases_world):
    year = bases_world.year()
    person = bases_world.person(last_name="Зырянов", birth_date=date(2009, 12, 30), with_representative=True)
    mentee = bases_world.mentee(person=person, year=year)
    auth.login_as(staff)
    args = f"person_id={person.id}&kind=personal_data_parent&role=mentee&year_id={year.id}"
    form = page_text(client.get(f"/consents/new?{args}"))
    assert "Родитель (законный представитель), подписывающий документ" in form and "Родителева Анна Сергеевна" in form
    response = client.post(f"/consents/new?{args}", data={
        "given_on": "2026-09-10", "role": "mentee", "representative": str(person.representatives[0].id),
        "address": "624330, г. Красноуральск, ул. Кирова, 3, кв. 7", "id_document": ""}, follow_redirects=True)
    text = page_text(response)
    assert "документ готов" in text and "DOCX для подписи" in text
    consent = db.session.scalar(select(Consent))
    assert "ул. Кирова, 3, кв. 7" in docx_of(consent) and BLANK_LINE in docx_of(consent)
    back = f"/bases/mentees/{mentee.id}"
    response = client.post(f"/consents/quick?person_id={person.id}&kind=mentee_application&role=mentee"
                           f"&year_id={year.id}", data={"next": back})
    assert response.status_code == 302 and response.headers["Location"].endswith(back)
    assert db.session.query(Consent).count() == 2
    page = page_text(client.get(back))
    assert "Заявление на участие в Программе наставничества (п. 4.11 Положения) распечатан, не подписан" in page


def withdraw_own_consent(person, clerk):
    consent = db.session.scalar(select(Consent).where(Consent.person_id == person.id,
                                                      Consent.kind == ConsentKind.PERSONAL_DATA))
    withdraw_consent(consent, clerk, on=local_today(), note="заявление об отзыве")
    db.session.commit()


def test_the_withdrawal_shows_wherever_the_person_appears(client, auth, staff, bases_world, clerk, meeting, candidate,
                                                          on_agenda, people):
    """4.11: the people pages, the bases, the candidates' applications, the nominations, the partner's employees,
    the commission's pages and the choice of a mentor all flag a person whose consent is withdrawn."""
    year = meeting.commission.program_year
    mentee = bases_world.mentee(year=year, papers=True)
    consent = db.session.scalar(select(Consent).where(Consent.person_id == mentee.person_id,
                                                      Consent.kind == ConsentKind.PERSONAL_DATA))
    auth.login_as(staff)
    response = client.post(f"/consents/{consent.id}/withdraw",
                           data={"on": local_today().isoformat(), "note": "заявление"}, follow_redirects=True)
    assert "Отзыв согласия отмечен" in page_text(response)
    badge = f"согласие отозвано {local_today().strftime('%d.%m.%Y')}"
    for path in ("/people/", f"/people/{mentee.person_id}", "/bases/mentees/", f"/bases/mentees/{mentee.id}"):
        assert badge in page_text(client.get(path)), path
    assert "отозван с" in page_text(client.get(f"/people/{mentee.person_id}"))

    # A partner's employee in the registry of mentors; two candidates put forward by a collective, one of them
    # chosen at a meeting now closed, the other still waiting for the commission.
    partner = bases_world.partner(short_name="ООО «Уралмонтаж»")
    employee = bases_world.employee(partner, last_name="Сотрудников")
    bases_world.mentor(person=employee, year=year, form_code="employer_student")
    chosen, waiting = candidate(last_name="Избранов"), candidate(last_name="Ожидаев")
    nomination = nominations.nominate("collective", year, staff, nominated_by="совета техникума",
                                      presentation="Просим выдвинуть.",
                                      candidates=[(row.person, row.mentorship_form) for row in (chosen, waiting)])
    db.session.commit()
    [item] = on_agenda(chosen)
    withdraw_own_consent(waiting.person, clerk)
    auth.login_as(people["secretary"])
    agenda = page_text(client.get(f"/selection/meetings/{meeting.id}/agenda"))
    assert f"Ожидаев Иван Петрович {badge}" in agenda
    for member in ("director", "curator", "lebedev"):
        cast(item, people[member])
    commission.close_meeting(meeting, actor=people["secretary"])
    db.session.commit()
    for person in (chosen.person, employee):
        withdraw_own_consent(person, clerk)

    chosen_name = f"Избранов Иван Петрович {badge}"
    pages = {
        staff: {"/applications/": [chosen_name, f"Ожидаев Иван Петрович {badge}"],
                f"/applications/{chosen.id}": [badge],
                "/applications/nominations/": [f"Избранов И.П. {badge}", f"Ожидаев И.П. {badge}"],
                f"/applications/nominations/{nomination.id}": [chosen_name, f"Ожидаев Иван Петрович {badge}"],
                f"/partners/{partner.id}": [f"Сотрудников Иван Петрович {badge}"]},
        people["secretary"]: {f"/selection/meetings/{meeting.id}": [chosen_name],
                              f"/selection/meetings/{meeting.id}/candidates/{item.id}": [badge],
                              f"/selection/meetings/{meeting.id}/registry": [chosen_name],
                              f"/selection/progress?year={year.id}": [chosen_name, f"Ожидаев Иван Петрович {badge}"]},
        people["curator"]: {f"/bases/mentees/{mentee.id}/mentor": [f"Сотрудников Иван Петрович — {badge}",
                                                                 f"Сотрудников Иван Петрович {badge}"]},
    }
    for user, paths in pages.items():
        auth.login_as(user)
        for path, phrases in paths.items():
            text = page_text(client.get(path))
            for phrase in phrases:
                assert phrase in text, (path, phrase)


def test_the_badges_cost_no_query_per_row(client, auth, staff, bases_world, clerk):
    """The lists flag withdrawn consents in one load, however many people they show."""
    from tests.query_count import count_queries

    year = bases_world.year()
    form = bases_world.forms()["teacher_teacher"]
    partner = bases_world.partner()

    def flagged_people(count):
        for _ in range(count):
            teacher = bases_world.teacher()
            applications.submit_application(teacher, year, staff, mentorship_form=form, **{
                **applications.default_values(teacher, year), "portfolio_pages": 3, "regulation_acknowledged": True,
                "personal_data_consent": True, "email": f"c{teacher.id}@kmt.example"})
            nominations.nominate("collective", year, staff, nominated_by="совета техникума", presentation="Просим.",
                                 candidates=[(teacher, form)])
            employee = bases_world.employee(partner)
            for person in (teacher, employee):
                withdraw_consent(print_consent(ConsentKind.PERSONAL_DATA, person, clerk, role="candidate"), clerk)
        db.session.commit()

    paths = ("/applications/", "/applications/nominations/", f"/partners/{partner.id}")
    auth.login_as(staff)
    flagged_people(1)
    few = [count_queries(client, path) for path in paths]
    flagged_people(3)
    assert [count_queries(client, path) for path in paths] == few
    assert page_text(client.get("/applications/")).count("согласие отозвано") == 4


def test_a_role_that_does_not_print_gets_403_and_nothing_is_printed(client, auth, make_user, bases_world):
    person = bases_world.person()
    auth.login_as(make_user(Role.DIRECTOR))
    assert client.post(f"/consents/quick?person_id={person.id}&kind=personal_data&role=mentee").status_code == 403
    assert db.session.query(Consent).count() == 0


def test_a_scan_signs_the_version_it_was_printed_from_and_a_correction_is_unsigned_until_its_scan(
        client, auth, bases_world, clerk, staff):
    from app.documents.context import form_values
    from app.documents.services import correct_document

    person = bases_world.teacher(last_name="Кузьмич", first_name="Анна", middle_name="Сергеевна", gender="female")
    consent = print_consent(ConsentKind.PERSONAL_DATA, person, clerk, role=ParticipantRole.MENTEE)
    document = consent.current_document
    file_signed_scan(document, upload(make_pdf("v1"), "согласие v1.pdf"), clerk)
    db.session.commit()
    db.session.expire(consent)
    assert consent.state == PaperState.SIGNED

    values = {**form_values(document.kind_spec, document.current_version.context), "address": "ул. Ленина, 5"}
    correct_document(document, values, clerk, "адрес указан по паспорту")
    db.session.commit()
    db.session.expire_all()
    assert consent.state == PaperState.PRINTED and consent.current_scans == []
    assert [scan.original_name for scan in consent.document_scans] == ["согласие v1.pdf"]
    auth.login_as(clerk)
    page = page_text(client.get(f"/documents/{document.id}"))
    assert "не подписан Скан подписанной версии 2 ещё не загружен: сканы ниже подписывают прежнюю версию." in page
    assert "текущий" not in page

    file_signed_scan(document, upload(make_pdf("v2"), "согласие v2.pdf"), clerk)
    db.session.commit()
    db.session.expire_all()
    assert consent.state == PaperState.SIGNED
    assert [scan.original_name for scan in consent.current_scans] == ["согласие v2.pdf"]
    assert "не подписан" not in page_text(client.get(f"/documents/{document.id}"))
