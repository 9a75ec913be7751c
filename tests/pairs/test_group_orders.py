"""The orders of 4.7 and 4.8 for a group (4.6: one mentor, several mentees): for one member — his own end, his early
leaving, his move to another mentor in a pair of his own — and for the whole group; each order opened with
python-docx, and issuing it changes the group as the order says; such an order is neither corrected nor cancelled."""
from datetime import date

import pytest

from app.bases import services as bases
from app.core.errors import RuleError
from app.documents.kinds import get_kind
from app.documents.prefill import get_provider, run_prefill
from app.documents.services import cancel_document, correct_document, issue_document
from app.extensions import db
from app.pairs import changes, services
from app.pairs.models import PairingKind, PairingState
from app.people.categories import MenteeCategory
from tests.factories import ENTRY
from tests.helpers import page_text
from tests.pairs.helpers import sign_agreements
from tests.pairs.test_orders import REASON_REQUEST, text_of

PLANNED_END = date(2027, 6, 30)
ILLNESS = changes.EXTENSION_REASONS[0][0]


@pytest.fixture
def group(bases_world, secretary):
    """An active group of Лебедев Д.И. with Кузьмич А.С. and Белых И.О. (преподаватель – преподаватель), and a second
    registered mentor of the same form, Черных А.В."""
    year = bases_world.year()

    def teacher(last, first, middle, gender="male"):
        return bases_world.teacher(last_name=last, first_name=first, middle_name=middle, gender=gender)

    mentor = bases_world.mentor(person=teacher("Лебедев", "Дмитрий", "Игоревич"), year=year,
                                form_code="teacher_teacher")
    mentees = [bases_world.mentee(person=person, year=year, category=MenteeCategory.NEW_TEACHER, papers=True)
               for person in (teacher("Кузьмич", "Анна", "Сергеевна", "female"), teacher("Белых", "Иван", "Олегович"))]
    other = bases_world.mentor(person=teacher("Черных", "Алексей", "Викторович"), year=year,
                               form_code="teacher_teacher")
    pairing = services.form_group(mentor, mentees, starts_on=ENTRY, planned_end_on=PLANNED_END)
    db.session.commit()
    sign_agreements(pairing, secretary)
    services.start_group(pairing)
    db.session.commit()
    return pairing, mentees, other


def _member(pairing, mentee):
    return next(member for member in pairing.members if member.mentee_id == mentee.id)


def _extension(pairing, member, new_end):
    return {**changes.pair_values(pairing, member), "doc_date": date(2027, 2, 10), "new_end": new_end,
            "absence_reason": ILLNESS, "absent_party": "наставляемого",
            "reason_details": "листок нетрудоспособности с 12.01.2027 по 05.02.2027"}


def _early_end(pairing, member, on):
    return {**changes.pair_values(pairing, member), "doc_date": on, "end_date": on,
            "reason": "индивидуальный план выполнен досрочно", "mentor_agreed_on": date(2027, 1, 27),
            "curator_agreed_on": date(2027, 1, 28)}


def test_an_extension_for_one_member_of_a_group_moves_his_end_alone_4_7(app, group, secretary):
    pairing, (kuzmich, belykh), _ = group
    member = _member(pairing, kuzmich)
    document = changes.prepare_order(changes.EXTEND, pairing, _extension(pairing, member, date(2027, 9, 30)),
                                     secretary, member=member)
    db.session.commit()
    text = text_of(document)
    assert ("Продлить срок наставничества Лебедева Дмитрия Игоревича в отношении Кузьмич Анны Сергеевны, участника "
            "наставнической группы") in text and "до «30» сентября 2027 г." in text
    assert member.planned_end_on == date(2027, 9, 30) and kuzmich.end_date == date(2027, 9, 30)
    assert pairing.planned_end_on == PLANNED_END and belykh.end_date == PLANNED_END  # the others keep theirs
    assert pairing.changes[0].member_id == member.id and not pairing.extended
    bases.update_mentee(kuzmich, category=kuzmich.category, main_request=kuzmich.main_request,
                        entry_date=kuzmich.entry_date, mentorship_form=kuzmich.mentorship_form,
                        end_date=date(2027, 9, 30))  # the base accepts his own end
    with pytest.raises(RuleError) as error:  # the group cannot complete before him
        services.complete(pairing, on=PLANNED_END)
    assert error.value.section == "4.7" and "продлён приказом до 30.09.2027" in error.value.message
    db.session.rollback()
    bases.complete_mentee(belykh, on=PLANNED_END)
    bases.complete_mentee(kuzmich, on=date(2027, 9, 30))
    assert pairing.state == PairingState.COMPLETED and kuzmich.program_passed is True
    with pytest.raises(RuleError) as error:
        cancel_document(document, secretary, "ошибка")
    assert error.value.section == "4.7" and "уже изменил пару" in error.value.message


def test_an_early_end_for_one_member_lets_the_group_go_on_4_7(app, group, secretary):
    pairing, (kuzmich, belykh), _ = group
    member = _member(pairing, belykh)
    values = _early_end(pairing, member, date(2027, 2, 1))
    with pytest.raises(RuleError) as error:
        changes.prepare_order(changes.END_EARLY, pairing, {**values, "curator_agreed_on": None}, secretary,
                              member=member)
    assert error.value.section == "4.7"
    db.session.rollback()
    document = changes.prepare_order(changes.END_EARLY, pairing, values, secretary, member=member)
    db.session.commit()
    text = text_of(document)
    assert "в отношении Белых Ивана Олеговича, участника наставнической группы" in text
    assert "Белых Иван Олегович выбывает из состава наставнической группы, группа продолжает работу" in text
    assert member.left_on == date(2027, 2, 1) and belykh.program_passed is True
    assert belykh.end_date == date(2027, 2, 1) and pairing.changes[0].details["mentor_agreed_on"] == "2027-01-27"
    assert pairing.state == PairingState.ACTIVE and pairing.mentees == [kuzmich]
    with pytest.raises(RuleError):
        correct_document(document, values, secretary, "опечатка")
    db.session.rollback()
    with pytest.raises(RuleError) as error:  # nor is he put back by the base's «вернуть»
        bases.reinstate_mentee(belykh)
    assert "выведен из группы приказом" in error.value.message
    db.session.rollback()


def test_the_whole_group_is_extended_then_ended_early_4_7(app, group, secretary):
    pairing, (kuzmich, belykh), _ = group
    document = changes.prepare_order(changes.EXTEND, pairing, _extension(pairing, None, date(2027, 8, 31)),
                                     secretary)
    db.session.commit()
    text = text_of(document)
    assert ("в отношении наставляемых группы: Кузьмич Анны Сергеевны, Белых Ивана Олеговича (форма наставничества"
            in text) and "индивидуальные планы развития наставляемых" in text
    assert pairing.planned_end_on == date(2027, 8, 31) and pairing.extended
    assert kuzmich.end_date == belykh.end_date == date(2027, 8, 31)
    document = changes.prepare_order(changes.END_EARLY, pairing, _early_end(pairing, None, date(2027, 3, 1)),
                                     secretary)
    db.session.commit()
    text = text_of(document)
    assert "освоением наставляемыми необходимых компетенций" in text and "выбывает" not in text
    assert pairing.state == PairingState.ENDED_EARLY and kuzmich.program_passed and belykh.program_passed
    assert kuzmich.end_date == belykh.end_date == date(2027, 3, 1)


def test_a_groups_mentor_is_replaced_and_the_new_one_agrees_before_it_goes_on_4_8_4_6(app, group, secretary):
    pairing, (kuzmich, belykh), other = group
    values = {**changes.replacement_values(pairing, other), "doc_date": date(2027, 1, 15), "reason": REASON_REQUEST,
              "reason_details": "заявление наставника от 10.01.2027"}
    document = changes.prepare_order(changes.REPLACE, pairing, values, secretary, new_mentor=other)
    db.session.commit()
    text = text_of(document)
    assert ("Освободить Лебедева Дмитрия Игоревича от исполнения обязанностей наставника наставнической группы в "
            "составе Кузьмич Анны Сергеевны, Белых Ивана Олеговича") in text
    assert "Назначить наставником этой группы Черных Алексея Викторовича" in text
    assert "Период наставничества не изменяется: с «15» сентября 2026 г. по «30» июня 2027 г." in text
    successor = pairing.replaced_by
    assert pairing.state == PairingState.REPLACED and pairing.ended_on == date(2027, 1, 15)
    assert successor.kind == PairingKind.GROUP and successor.mentor is other
    assert successor.planned_end_on == PLANNED_END and successor.mentees == [kuzmich, belykh]
    assert kuzmich.mentor is other and belykh.end_date == PLANNED_END
    assert successor.state == PairingState.FORMING  # 4.6: the new mentor agrees to group work first
    with pytest.raises(RuleError) as error:
        services.start_group(successor)
    assert error.value.section == "4.6" and other.person.short_name in error.value.message
    sign_agreements(successor, secretary)
    services.start_group(successor)
    assert successor.state == PairingState.ACTIVE
    with pytest.raises(RuleError) as error:
        cancel_document(document, secretary, "ошибка")
    assert error.value.section == "4.8"
    db.session.rollback()


def test_one_member_moves_to_another_mentor_in_a_pair_with_the_same_end_4_8(app, group, secretary, bases_world):
    pairing, (kuzmich, belykh), other = group
    member = _member(pairing, kuzmich)
    values = {**changes.replacement_values(pairing, other, member), "doc_date": date(2027, 1, 15),
              "reason": changes.REPLACEMENT_REASONS[1][0]}
    document = changes.prepare_order(changes.REPLACE, pairing, values, secretary, new_mentor=other, member=member)
    db.session.commit()
    text = text_of(document)
    assert ("Освободить Лебедева Дмитрия Игоревича от исполнения обязанностей наставника Кузьмич Анны Сергеевны "
            "(преподаватель), участника наставнической группы") in text
    assert "Назначить наставником Кузьмич Анны Сергеевны Черных Алексея Викторовича (преподаватель) в наставнической " \
           "паре" in text
    new_pair = kuzmich.pairing
    assert new_pair.kind == PairingKind.PAIR and new_pair.mentor is other and new_pair.planned_end_on == PLANNED_END
    assert new_pair.starts_on == date(2027, 1, 15) and kuzmich.end_date == PLANNED_END
    assert pairing.state == PairingState.ACTIVE and pairing.mentees == [belykh]  # the group goes on
    assert pairing.changes[0].details["new_pairing_id"] == new_pair.id
    # 4.6: the move gives the new mentor a mentee in a pair, counted with his others
    third = bases_world.mentor(person=bases_world.teacher(), year=pairing.program_year, form_code="teacher_teacher")
    for _ in range(2):
        services.form_pair(bases_world.mentee(year=pairing.program_year, category=MenteeCategory.TEACHER,
                                              person=bases_world.teacher(), papers=True), third)
    member = _member(pairing, belykh)
    values = {**changes.replacement_values(pairing, third, member), "doc_date": date(2027, 1, 20),
              "reason": changes.REPLACEMENT_REASONS[1][0]}
    with pytest.raises(RuleError) as error:
        changes.prepare_order(changes.REPLACE, pairing, values, secretary, new_mentor=third, member=member)
    assert error.value.section == "4.6"
    db.session.rollback()


def test_an_order_must_say_whom_of_the_group_it_concerns(app, group, secretary):
    pairing, (kuzmich, _), _ = group
    values = {**_extension(pairing, None, date(2027, 8, 31)), "scope": changes.SCOPE_PAIR}
    with pytest.raises(RuleError) as error:
        changes.prepare_order(changes.EXTEND, pairing, values, secretary)
    assert error.value.field == "scope"
    db.session.rollback()
    values = {**_extension(pairing, None, date(2027, 8, 31)), "scope": changes.SCOPE_MEMBER}
    with pytest.raises(RuleError) as error:  # one member, but which?
        changes.prepare_order(changes.EXTEND, pairing, values, secretary)
    assert error.value.field == "mentee"
    db.session.rollback()


def test_the_group_page_prepares_orders_for_a_member_and_for_the_group(client, auth, curator, group):
    pairing, (kuzmich, belykh), other = group
    member = _member(pairing, kuzmich)
    auth.login_as(curator)
    text = page_text(client.get(f"/pairs/{pairing.id}"))
    assert "Заменить наставника группы (п. 4.8)" in text and "перевести к другому наставнику" in text
    page = page_text(client.get(f"/pairs/{pairing.id}/extend?member={member.id}"))
    assert "Кузьмич Анна Сергеевна, наставляемый группы" in page and "меняется только его место в группе" in page
    assert client.get(f"/pairs/{pairing.id}/extend?member=999999").status_code == 404
    response = client.post(f"/pairs/{pairing.id}/extend?member={member.id}", data={
        "doc_date": "2027-02-10", "new_end": "2027-09-30", "absence_reason": ILLNESS,
        "absent_party": "наставляемого", "reason_details": "листок нетрудоспособности"})
    assert response.status_code == 302
    assert "Проект приказа подготовлен" in page_text(client.get(response.headers["Location"]))
    page = page_text(client.get(f"/pairs/{pairing.id}/replace"))
    assert "вся группа" in page and "согласие на групповую форму работы (п. 4.6)" in page
    response = client.post(f"/pairs/{pairing.id}/end-early?member={member.id}", data={
        "doc_date": "2027-02-01", "end_date": "2027-07-15", "reason": "план выполнен",
        "mentor_agreed_on": "2027-01-27", "curator_agreed_on": "2027-01-28"})
    page = page_text(response)
    assert response.status_code == 200 and "раньше планового окончания (30.06.2027)" in page  # refused, kept
    assert 'value="2027-07-15"' in response.get_data(as_text=True)



def test_orders_from_the_register_pick_a_member_of_a_group_or_the_whole_group(app, group, secretary):
    pairing, (kuzmich, belykh), other = group
    member = _member(pairing, kuzmich)
    options = dict(get_provider(changes.EXTEND, "group_member").options())
    assert options[str(member.id)].startswith("Кузьмич Анна Сергеевна — Группа Лебедев Д.И.")
    prefill = run_prefill(changes.EXTEND, "group_member", [str(member.id)])
    values = {**get_kind(changes.EXTEND).example_values(), **prefill.values, "doc_date": "2027-02-10",
              "new_end": "2027-09-30"}
    document = issue_document(changes.EXTEND, values, secretary, subjects=prefill.subjects)
    db.session.commit()
    assert "в отношении Кузьмич Анны Сергеевны, участника наставнической группы" in text_of(document)
    assert member.planned_end_on == date(2027, 9, 30) and pairing.planned_end_on == PLANNED_END
    prefill = run_prefill(changes.REPLACE, "pairing", [str(pairing.id)])
    assert prefill.values["scope"] == changes.SCOPE_GROUP
    assert [row["name"] for row in prefill.values["group_mentees"]] == ["Кузьмич Анна Сергеевна",
                                                                        "Белых Иван Олегович"]
