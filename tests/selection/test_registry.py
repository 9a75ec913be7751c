"""From the protocol to the director's orders: the registry of mentors (4.13, Приложение 4) and the curator's
appointment (Приложение 1, last paragraph)."""
from datetime import date

import pytest
from sqlalchemy import select

from app.applications.models import ApplicationStatus
from app.bases.models import MentorParticipation, MentorStatus
from app.core.errors import RuleError
from app.extensions import db
from app.selection import commission, registry
from tests.documents.helpers import docx_text, flat
from tests.factories import make_mentor, make_person
from tests.helpers import page_text
from tests.selection.fixtures import cast

ORDER = date(2026, 9, 22)


def decided(meeting, people, *votes_by_item):
    """Cast the three present members' votes on each item and close the meeting."""
    for item, votes in votes_by_item:
        for name, vote in zip(("director", "curator", "lebedev"), votes, strict=True):
            cast(item, people[name], vote)
    commission.close_meeting(meeting, actor=people["secretary"])
    db.session.commit()


def row_of(application):
    return db.session.scalar(select(MentorParticipation).where(MentorParticipation.person_id == application.person_id))


def test_the_registry_order_puts_the_selected_into_the_mentor_base_with_their_entry_date_4_13(
        meeting, candidate, on_agenda, people):
    earlier = make_mentor(person=make_person(last_name="Абрамов", birth_date=date(2004, 2, 2)))  # in it already
    chosen, refused = candidate(last_name="Быстров"), candidate(last_name="Вялов")
    first, second = on_agenda(chosen, refused)
    decided(meeting, people, (first, ("for", "for", "for")), (second, ("against", "against", "for")))
    assert registry.registry_pending(meeting)

    order = registry.approve_registry(meeting, order_date=ORDER, entry_date=ORDER,
                                      competencies={first.id: "Лидер группы, победитель олимпиады"},
                                      actor=people["secretary"])
    db.session.commit()
    mentor = row_of(chosen)
    assert mentor.status == MentorStatus.REGISTERED and mentor.entry_date == ORDER and mentor.registered_on == ORDER
    assert mentor.registry_basis == order.label and mentor.competencies == "Лидер группы, победитель олимпиады"
    assert mentor.mentorship_form == chosen.mentorship_form
    assert row_of(refused) is None and refused.status == ApplicationStatus.NOT_SELECTED  # keeps his decision
    assert meeting.registry_order == order and not registry.registry_pending(meeting)
    text = flat(docx_text(order.current_version.read_bytes()))
    assert "на основании протокола заседания конкурсной комиссии по отбору наставников от 20.09.2026 № 01" in text
    assert "Абрамов Иван Петрович" in text and "Быстров Иван Петрович" in text and "Вялов" not in text
    assert "Дата вхождения в программу" in text and ORDER.strftime("%d.%m.%Y") in text
    assert earlier.status == MentorStatus.REGISTERED
    with pytest.raises(RuleError, match="уже утверждён"):
        registry.approve_registry(meeting, order_date=ORDER, entry_date=ORDER, competencies={},
                                  actor=people["secretary"])


def test_a_potential_mentor_selected_by_the_commission_keeps_his_row_of_the_base_4_13(meeting, candidate, on_agenda,
                                                                                       people):
    application = candidate()
    potential = make_mentor(person=application.person, registered=False, entry_date=date(2026, 9, 10),
                            competencies="Староста группы")
    [item] = on_agenda(application)
    decided(meeting, people, (item, ("for", "for", "against")))
    assert registry.mentor_rows(meeting) == {item.id: potential}
    registry.approve_registry(meeting, order_date=ORDER, entry_date=ORDER, competencies={}, actor=people["secretary"])
    assert potential.status == MentorStatus.REGISTERED and potential.entry_date == date(2026, 9, 10)
    assert potential.competencies == "Староста группы"


def test_the_registry_order_follows_the_protocol_4_13(meeting, candidate, on_agenda, people):
    [item] = on_agenda(candidate())
    with pytest.raises(RuleError, match="сначала закройте заседание"):
        registry.approve_registry(meeting, order_date=ORDER, entry_date=ORDER, competencies={},
                                  actor=people["secretary"])
    decided(meeting, people, (item, ("for", "for", "for")))
    for order_date, entry_date, competencies, field in (
            (date(2026, 9, 19), ORDER, {item.id: "Лидер"}, "order_date"),
            (ORDER, date(2026, 9, 21), {item.id: "Лидер"}, "entry_date"),
            (ORDER, ORDER, {}, f"competencies_{item.id}")):
        with pytest.raises(RuleError) as refused:
            registry.approve_registry(meeting, order_date=order_date, entry_date=entry_date,
                                      competencies=competencies, actor=people["secretary"])
        assert refused.value.field == field
        db.session.rollback()
    assert meeting.registry_order is None and row_of(item.application) is None  # nothing half-saved


def test_nobody_selected_means_no_registry_order_4_13(meeting, candidate, on_agenda, people):
    [item] = on_agenda(candidate())
    decided(meeting, people, (item, ("against", "abstain", "for")))
    assert not registry.registry_pending(meeting)
    with pytest.raises(RuleError, match="никто не отобран"):
        registry.approve_registry(meeting, order_date=ORDER, entry_date=ORDER, competencies={},
                                  actor=people["secretary"])


def test_the_curator_is_selected_on_his_criteria_and_appointed_by_order_prilozhenie_1(client, auth, meeting,
                                                                                     candidate, on_agenda, people):
    curator = candidate(for_curator=True, last_name="Кураторова", first_name="Елена", middle_name="Павловна",
                        gender="female", position="заместитель директора по учебной работе")
    mentor = candidate()
    for_curator, for_mentor = on_agenda(curator, mentor)
    decided(meeting, people, (for_curator, ("for", "for", "for")), (for_mentor, ("for", "for", "for")))
    protocol = flat(docx_text(meeting.protocol_document.current_version.read_bytes()))
    assert "куратор наставнической деятельности" in protocol and "рекомендовать к назначению куратором" in protocol
    assert "Рекомендовать директору техникума назначить куратором наставнической деятельности: Кураторова" in protocol
    assert registry.selected_mentors(meeting) == [for_mentor]  # the curator is not a mentor of the registry
    with pytest.raises(RuleError, match="кандидат в кураторы отобран"):
        registry.appoint_curator(for_mentor, order_date=ORDER, actor=people["secretary"])

    auth.login_as(people["secretary"])
    response = client.post(f"/selection/meetings/{meeting.id}/candidates/{for_curator.id}/curator-order",
                           data={"order_date": "2026-09-22"}, follow_redirects=True)
    assert "Приказ о назначении куратора наставнической деятельности № 2-од от 22.09.2026 выпущен." in page_text(
        response)
    order = for_curator.appointment_order
    text = flat(docx_text(order.current_version.read_bytes()))
    assert "куратором наставнической деятельности в ГАПОУ СО «КМТ» на 2026/2027 учебный год Кураторову Елену " \
           "Павловну (заместитель директора по учебной работе)" in text
    with pytest.raises(RuleError, match="уже выпущен"):
        registry.appoint_curator(for_curator, order_date=ORDER, actor=people["secretary"])


def test_the_secretary_approves_the_registry_through_its_form_and_a_refusal_keeps_the_input(
        client, auth, meeting, candidate, on_agenda, people):
    [item] = on_agenda(candidate(last_name="Формов"))
    decided(meeting, people, (item, ("for", "for", "for")))
    auth.login_as(people["secretary"])
    path = f"/selection/meetings/{meeting.id}/registry"
    assert "Формов Иван Петрович: основные компетенции наставника" in page_text(client.get(path))
    response = client.post(path, data={"order_date": "2026-09-19", "entry_date": "2026-09-22",
                                       f"competencies_{item.id}": "Наставник первокурсников"})
    assert "его дата не раньше заседания" in page_text(response) and "Наставник первокурсников" in page_text(response)
    response = client.post(path, data={"order_date": "2026-09-22", "entry_date": "2026-09-22",
                                       f"competencies_{item.id}": "Наставник первокурсников"}, follow_redirects=True)
    assert "Приказ об утверждении реестра наставников № 2-од от 22.09.2026 выпущен" in page_text(response)
    response = client.get("/bases/mentors/?q=Формов")
    assert "Формов Иван Петрович" in page_text(response) and "в реестре наставников" in page_text(response)


def test_the_registry_order_is_issued_for_nominees_without_a_protocol_4_13(client, auth, bases_world, people):
    """4.13: the registry is of mentors «прошедших выдвижение или предварительный отбор»: the nominated enter it by
    the order of nomination, without the commission; the curator nominated with them is appointed by order."""
    from app.applications import nominations
    from app.applications.models import NominationKind
    from app.applications.paperwork import complete_paperwork, scan_file
    from app.documents.scans import file_signed_scan
    from app.documents.services import issue_draft

    year = bases_world.year()
    forms = bases_world.forms()
    mentor = bases_world.teacher(last_name="Лебедев", first_name="Дмитрий", middle_name="Игоревич")
    future_curator = bases_world.teacher(last_name="Соколова", first_name="Анна", middle_name="Викторовна",
                                         gender="female")
    secretary = people["secretary"]
    nomination = nominations.nominate(NominationKind.ADMINISTRATION, year, people["curator"],
                                      curator=people["curator"], on=date(2026, 9, 2),
                                      candidates=[(mentor, forms["teacher_teacher"]),
                                                  (future_curator, forms["teacher_teacher"], True)])
    db.session.commit()
    auth.login_as(secretary)
    page = page_text(client.get(f"/applications/nominations/{nomination.id}"))
    assert "Сначала выпустите приказ о выдвижении" in page
    assert "Соколова Анна Викторовна — выдвинута куратором наставнической деятельности." in page
    assert client.get(f"/selection/nominations/{nomination.id}/registry").status_code == 302

    issue_draft(nomination.order_document, secretary)
    file_signed_scan(nomination.approval_sheet, scan_file("лист согласования.png"), secretary)
    complete_paperwork(mentor, "candidate", year, date(2026, 9, 10), secretary, form=forms["teacher_teacher"])
    db.session.commit()
    response = client.post(f"/selection/nominations/{nomination.id}/registry", data={
        "order_date": "2026-09-12", "entry_date": "2026-09-14",
        f"competencies_{nomination.candidates[0].id}": "Технология машиностроения"}, follow_redirects=True)
    assert "выдвинутые наставники включены в реестр наставников" in page_text(response)
    row = db.session.scalar(select(MentorParticipation).where(MentorParticipation.person_id == mentor.id))
    assert row.status == MentorStatus.REGISTERED and row.registry_basis.startswith(
        "Приказ об утверждении реестра наставников № ")
    order = nomination.current_document_of("order_approve_mentor_registry")
    text = flat(docx_text(order.current_version.read_bytes()))
    assert "на основании приказа о выдвижении наставников от 02.09.2026 № " in text
    assert "протокола" not in text and "Лебедев Дмитрий Игоревич" in text
    assert not db.session.scalar(select(MentorParticipation).where(
        MentorParticipation.person_id == future_curator.id))  # the curator is appointed, not put in the registry

    client.post(f"/selection/nominations/{nomination.id}/curator-order", data={"order_date": "2026-09-12"})
    appointment = nomination.current_document_of("order_appoint_curator")
    assert "Назначить куратором наставнической деятельности" in flat(
        docx_text(appointment.current_version.read_bytes()))
    assert "Соколову Анну Викторовну" in flat(docx_text(appointment.current_version.read_bytes()))
