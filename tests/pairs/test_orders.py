"""The orders on a pair (4.7, 4.8) and the Program (4.14): filled from the pairing, opened with python-docx, and
issuing them changes the pair; an order that changed a pair is neither corrected nor cancelled."""
from datetime import date

import pytest

from app.bases import services as bases
from app.core.errors import RuleError
from app.documents.kinds import get_kind
from app.documents.prefill import run_prefill
from app.documents.services import cancel_document, correct_document, documents_for, issue_document, issue_draft
from app.extensions import db
from app.pairs import changes, services
from app.pairs.models import PairingChangeKind, PairingState
from app.people.categories import MenteeCategory
from tests.documents.helpers import docx_text, flat
from tests.factories import ENTRY

REASON_REQUEST = changes.REPLACEMENT_REASONS[4][0]


@pytest.fixture
def pair(bases_world):
    """A registered teacher mentor with one new teacher (преподаватель – преподаватель), and a second mentor."""
    year = bases_world.year()
    mentor = bases_world.mentor(person=bases_world.teacher(last_name="Лебедев", first_name="Дмитрий",
                                                           middle_name="Игоревич"),
                                year=year, form_code="teacher_teacher")
    mentee = bases_world.mentee(person=bases_world.teacher(last_name="Кузьмич", first_name="Анна",
                                                           middle_name="Сергеевна", gender="female"),
                                year=year, category=MenteeCategory.NEW_TEACHER, papers=True)
    other = bases_world.mentor(person=bases_world.teacher(last_name="Черных", first_name="Алексей",
                                                          middle_name="Викторович"),
                               year=year, form_code="teacher_teacher")
    pairing = services.form_pair(mentee, mentor, starts_on=ENTRY, planned_end_on=date(2027, 6, 30))
    db.session.commit()
    return pairing, mentee, mentor, other


def text_of(document):
    return flat(docx_text(document.current_version.read_bytes()))


def test_program_order_lists_the_pairs_of_the_year_4_14(app, pair, secretary):
    pairing, mentee, mentor, _ = pair
    prefill = run_prefill("order_approve_program", "year_pairs", [str(pairing.program_year_id)])
    document = issue_document("order_approve_program", {**get_kind("order_approve_program").example_values(),
                                                        **prefill.values}, secretary, subjects=prefill.subjects)
    assert "Лебедев Дмитрий Игоревич | Кузьмич Анна Сергеевна | преподаватель – преподаватель" in text_of(document)
    assert document in documents_for("person", mentee.person_id)


def test_replacement_only_by_the_directors_order_keeps_the_period_4_8(app, pair, curator, secretary):
    pairing, mentee, mentor, other = pair
    values = {**changes.replacement_values(pairing, other), "doc_date": date(2027, 1, 15), "reason": REASON_REQUEST,
              "reason_details": "заявление наставника от 10.01.2027"}
    draft = changes.prepare_order(changes.REPLACE, pairing, values, curator, new_mentor=other)
    db.session.commit()
    assert draft.status == "draft" and pairing.state == PairingState.ACTIVE  # a draft changes nothing
    issue_draft(draft, secretary)
    db.session.commit()
    successor = pairing.replaced_by
    assert pairing.state == PairingState.REPLACED and pairing.ended_on == date(2027, 1, 15)
    assert successor.mentor is other and successor.state == PairingState.ACTIVE
    assert successor.starts_on == date(2027, 1, 15) and successor.planned_end_on == date(2027, 6, 30)  # unchanged
    assert mentee.mentor is other and mentee.end_date == date(2027, 6, 30)
    assert pairing.changes[0].kind == PairingChangeKind.REPLACED and pairing.changes[0].document_id == draft.id
    text = text_of(draft)
    assert "Освободить Лебедева Дмитрия Игоревича" in text and "Черных Алексея Викторовича" in text
    assert "Период наставничества не изменяется: с «15» сентября 2026 г. по «30» июня 2027 г." in text
    with pytest.raises(RuleError) as error:
        cancel_document(draft, secretary, "ошибка")
    assert error.value.section == "4.8" and "уже изменил пару" in error.value.message
    db.session.rollback()
    with pytest.raises(RuleError):
        correct_document(draft, values, secretary, "опечатка")
    db.session.rollback()
    with pytest.raises(RuleError) as error:
        bases.unlink_mentor(mentee)  # not by unlinking and linking
    db.session.rollback()


def test_a_replacement_cannot_give_the_new_mentor_a_third_mentee_4_6(app, pair, bases_world, secretary):
    pairing, mentee, mentor, other = pair
    for _ in range(2):
        services.form_pair(bases_world.mentee(year=pairing.program_year, category=MenteeCategory.TEACHER,
                                              person=bases_world.teacher(), papers=True), other)
    values = {**changes.replacement_values(pairing, other), "doc_date": date(2027, 1, 15), "reason": REASON_REQUEST}
    with pytest.raises(RuleError) as error:
        changes.prepare_order(changes.REPLACE, pairing, values, secretary, new_mentor=other)
    assert error.value.section == "4.6"


def test_an_extension_moves_the_end_and_the_base_accepts_it_4_7(app, bases_world, secretary):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    mentee = bases_world.mentee(year=year, papers=True)
    pairing = services.form_pair(mentee, mentor, starts_on=ENTRY, planned_end_on=date(2027, 9, 15))
    values = {**changes.pair_values(pairing), "doc_date": date(2027, 2, 10), "new_end": date(2027, 10, 20),
              "absence_reason": changes.EXTENSION_REASONS[0][0], "absent_party": "наставляемого",
              "reason_details": "листок нетрудоспособности с 12.01.2027 по 05.02.2027"}
    document = changes.prepare_order(changes.EXTEND, pairing, values, secretary)
    db.session.commit()
    assert document.status == "issued" and pairing.planned_end_on == date(2027, 10, 20) and pairing.extended
    assert mentee.end_date == date(2027, 10, 20)
    assert "до «20» октября 2027 г." in text_of(document)
    bases.update_mentee(mentee, category=mentee.category, main_request=mentee.main_request,
                        entry_date=mentee.entry_date, mentorship_form=mentee.mentorship_form,
                        end_date=date(2027, 10, 20))  # the base accepts the extended end
    bases.complete_mentee(mentee, on=date(2027, 10, 20))  # and marking completed works
    assert mentee.program_passed is True and pairing.state == PairingState.COMPLETED
    with pytest.raises(RuleError) as error:
        cancel_document(document, secretary, "ошибка")
    assert error.value.section == "4.7"


def test_an_early_end_needs_the_mentors_and_the_curators_agreement_4_7(app, pair, secretary):
    pairing, mentee, mentor, _ = pair
    values = {**changes.pair_values(pairing), "doc_date": date(2027, 2, 1), "end_date": date(2027, 2, 1),
              "reason": "индивидуальный план выполнен досрочно", "mentor_agreed_on": None,
              "curator_agreed_on": date(2027, 1, 28)}
    with pytest.raises(RuleError) as error:
        changes.prepare_order(changes.END_EARLY, pairing, values, secretary)
    assert error.value.section == "4.7"
    db.session.rollback()
    document = changes.prepare_order(changes.END_EARLY, pairing, {**values, "mentor_agreed_on": date(2027, 1, 27)},
                                     secretary)
    db.session.commit()
    assert pairing.state == PairingState.ENDED_EARLY and pairing.ended_on == date(2027, 2, 1)
    assert pairing.end_reason == "индивидуальный план выполнен досрочно"
    assert pairing.changes[0].details["mentor_agreed_on"] == "2027-01-27"
    assert mentee.program_passed is True and mentee.end_date == date(2027, 2, 1)
    text = text_of(document)
    assert "по согласованию с наставником (27.01.2027) и куратором" in text and "Кузьмич" in text


def test_orders_from_the_register_pick_the_pairing_and_change_it_when_issued(app, pair, secretary):
    pairing, mentee, mentor, other = pair
    prefill = run_prefill("order_replace_mentor", "pairing", [str(pairing.id)])
    assert prefill.values["former_mentor"].last_name == "Лебедев"
    assert prefill.values["period_end"] == date(2027, 6, 30)
    values = {**get_kind("order_replace_mentor").example_values(), **prefill.values,
              "new_mentor": {"last_name": "Черных", "first_name": "Алексей", "middle_name": "Викторович",
                             "gender": "male"}, "reason": REASON_REQUEST, "doc_date": "2027-01-20"}
    issue_document("order_replace_mentor", values, secretary, subjects=prefill.subjects)
    db.session.commit()
    assert pairing.state == PairingState.REPLACED and mentee.mentor is other


def test_the_requests_of_6_2_and_7_2_print_prefilled_and_lead_to_the_replacement(app, pair, secretary, client,
                                                                                 auth, curator):
    pairing, mentee, mentor, other = pair
    for kind in ("mentor_step_down_request", "mentee_mentor_change_request"):
        prefill = run_prefill(kind, "pairing", [str(pairing.id)])
        document = issue_document(kind, {**get_kind(kind).example_values(), **prefill.values,
                                         "doc_date": "2027-01-10"}, secretary, subjects=prefill.subjects)
        db.session.commit()
        text = text_of(document)
        assert "Кузьмич" in text and "Лебедев" in text
    assert "прошу освободить меня от обязанностей наставника Кузьмич Анны Сергеевны" in text_of(
        documents_for("pairing", pairing.id, "mentor_step_down_request")[0])
    auth.login_as(curator)
    html = client.get(f"/pairs/{pairing.id}/replace").get_data(as_text=True)
    assert "ходатайство наставляемого о замене наставника от 10.01.2027" in html


@pytest.mark.parametrize("kind", [changes.EXTEND, changes.REPLACE])
def test_an_order_typed_by_hand_about_a_recorded_pair_is_refused_4_7_4_8(app, pair, secretary, kind):
    """Found by trying it as a secretary would: an order typed in the register without picking the pair in «Заполнить
    из» was issued and changed nothing, so the register and the pair disagreed. It is refused, saying what to do."""
    pairing, mentee, mentor, other = pair

    def typed(person):
        return {"last_name": person.last_name, "first_name": person.first_name, "middle_name": person.middle_name,
                "gender": "male" if person.last_name != "Кузьмич" else "female"}

    people = {"mentee": typed(mentee.person), "mentor": typed(mentor.person), "former_mentor": typed(mentor.person),
              "new_mentor": typed(other.person)}
    values = {**get_kind(kind).example_values(), **{key: value for key, value in people.items()
                                                    if key in {field.name for field in get_kind(kind).fields}}}
    with pytest.raises(RuleError) as error:
        issue_document(kind, values, secretary)
    assert error.value.section == changes.SECTION_OF_ORDER[kind]
    assert "Заполнить из" in error.value.message and "Лебедев" in error.value.message
    db.session.rollback()
    assert pairing.state == PairingState.ACTIVE and not documents_for("pairing", pairing.id)


def test_a_completed_pair_still_names_its_mentee(app, pair):
    """Found by opening the demo's completed pairs: «Пара Глухих М.В. — —» — a closed pairing named nobody, as its
    members had left it. Its history names who was in it."""
    pairing, mentee, mentor, _ = pair
    bases.complete_mentee(mentee, on=date(2027, 6, 30))
    db.session.commit()
    assert pairing.state == PairingState.COMPLETED
    assert pairing.label == "Пара Лебедев Д.И. — Кузьмич А.С."
