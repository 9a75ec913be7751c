"""The selection commission (4.13): composition by order, history, meetings, quorum, how a vote decides."""
import pytest

from app.core.errors import RuleError
from app.documents.services import documents_for
from app.extensions import db
from app.selection import commission as service
from app.selection.commission import Vote, decide
from app.selection.models import CommissionRole
from tests.documents.helpers import docx_text, flat
from tests.helpers import page_text
from tests.selection.fixtures import DEADLINE, ORDER_DATE

CHAIR, MEMBER, SECRETARY = CommissionRole.CHAIR, CommissionRole.MEMBER, CommissionRole.SECRETARY


def form(year, people, *names_and_roles):
    members = [(people[name], role) for name, role in names_and_roles]
    result = service.form_commission(year, members, order_date=ORDER_DATE, selection_deadline=DEADLINE,
                                     actor=people["secretary"])
    db.session.commit()
    return result


STANDARD = (("director", CHAIR), ("curator", MEMBER), ("lebedev", MEMBER), ("vasilyeva", SECRETARY))


def test_the_directors_order_creates_the_commission_4_13(app, bases_world, people):
    year = bases_world.year()
    commission = form(year, people, *STANDARD)
    order = commission.order_document
    assert order.kind == "order_create_commission" and order.number_text
    text = flat(docx_text(order.current_version.read_bytes()))
    assert "Гордеева Светлана Александровна" in text and "председатель комиссии" in text
    assert "Морозова Ольга Николаевна" in text
    assert commission.chair.user == people["director"] and commission.quorum == 3
    assert order in documents_for("user", people["lebedev"].id)


@pytest.mark.parametrize("names, message", [
    ((("director", CHAIR), ("curator", MEMBER)), "от 3 до 5 человек"),
    ((("director", CHAIR), ("curator", MEMBER), ("lebedev", MEMBER), ("vasilyeva", MEMBER), ("orlov", MEMBER),
      ("zaitseva", SECRETARY)), "от 3 до 5 человек"),
    ((("lebedev", CHAIR), ("curator", MEMBER), ("vasilyeva", MEMBER)), "возглавляет директор"),
    ((("director", CHAIR), ("lebedev", MEMBER), ("vasilyeva", MEMBER)), "входит куратор"),
    ((("director", MEMBER), ("curator", MEMBER), ("lebedev", MEMBER)), "одного председателя"),
    ((("director", CHAIR), ("curator", MEMBER), ("staff", MEMBER)), "«член комиссии»"),
])
def test_a_composition_breaking_4_13_is_refused_and_nothing_is_issued(app, bases_world, people, names, message):
    year = bases_world.year()
    with pytest.raises(RuleError) as refused:
        form(year, people, *names)
    assert message in str(refused.value)
    if "член комиссии" not in message and "председател" not in message:
        assert refused.value.section == "4.13"
    db.session.rollback()
    assert service.current_commission(year) is None
    assert documents_for("user", people["curator"].id) == []


def test_the_composition_changes_only_by_a_new_order_and_the_history_stays_4_13(app, bases_world, people):
    year = bases_world.year()
    first = form(year, people, *STANDARD)
    second = form(year, people, ("director", CHAIR), ("curator", MEMBER), ("orlov", MEMBER))
    assert service.current_commission(year) == second
    assert not first.is_current and first.superseded_by_id == second.id
    assert [c.id for c in service.compositions(year)] == [second.id, first.id]
    assert first.order_document.number != second.order_document.number


def test_a_meeting_needs_more_than_half_of_the_members_4_13(app, bases_world, people):
    commission = form(bases_world.year(), people, *STANDARD)
    with pytest.raises(RuleError) as refused:
        service.open_meeting(commission, meeting_date=ORDER_DATE, present_users=[people["director"],
                                                                                 people["curator"]],
                             actor=people["secretary"])
    assert "не менее 3" in str(refused.value) and refused.value.section == "4.13"
    db.session.rollback()
    meeting = service.open_meeting(commission, meeting_date=ORDER_DATE, actor=people["secretary"],
                                   present_users=[people["director"], people["curator"], people["lebedev"]])
    assert meeting.has_quorum


def test_only_members_are_marked_present_and_a_closed_meeting_is_frozen_4_13(app, bases_world, people):
    commission = form(bases_world.year(), people, *STANDARD)
    present = [people["director"], people["curator"], people["lebedev"]]
    meeting = service.open_meeting(commission, meeting_date=ORDER_DATE, present_users=present,
                                   actor=people["secretary"])
    with pytest.raises(RuleError):
        service.set_attendance(meeting, present + [people["orlov"]], actor=people["secretary"])
    service.close_meeting(meeting, actor=people["secretary"])
    with pytest.raises(RuleError) as refused:
        service.set_attendance(meeting, present + [people["vasilyeva"]], actor=people["secretary"])
    assert "закрыто" in str(refused.value)


def test_a_superseded_composition_holds_no_meetings_4_13(app, bases_world, people):
    year = bases_world.year()
    first = form(year, people, *STANDARD)
    form(year, people, ("director", CHAIR), ("curator", MEMBER), ("orlov", MEMBER))
    with pytest.raises(RuleError):
        service.open_meeting(first, meeting_date=ORDER_DATE, actor=people["secretary"],
                             present_users=[people["director"], people["curator"], people["lebedev"]])


@pytest.mark.parametrize("votes, present, chair, selected, by_chair", [
    (["for", "for", "against"], 3, "for", True, False),        # a majority of those present
    (["for", "against", "abstain", "abstain"], 4, "for", False, False),  # 1 of 4 is no majority
    (["for", "for", "against", "against"], 4, "for", True, True),         # a tie: the chair's vote decides
    (["for", "for", "against", "against"], 4, "against", False, True),
    (["for", "for", "against", "against", "abstain"], 5, "for", False, False),  # 2 of 5 is no majority
    (["for", "for", "abstain", "abstain"], 4, "for", True, True),         # exactly half: the chair decides
    (["for", "for", "abstain", "abstain"], 4, "abstain", False, True),
    (["for", "for", "against", "against"], 4, None, False, False),        # a tie without the chair: no majority
])
def test_majority_of_those_present_and_the_chairs_vote_on_a_tie_4_13(votes, present, chair, selected, by_chair):
    decision = decide([Vote(v) for v in votes], present, chair)
    assert decision.selected is selected and decision.by_chair is by_chair


def test_the_secretary_forms_the_commission_and_holds_a_meeting_through_the_pages(client, auth, bases_world, people):
    year = bases_world.year()
    auth.login_as(people["secretary"])
    data = {f"member_{people[name].id}": role.value for name, role in STANDARD}
    data.update(order_date="2026-09-01", selection_deadline="2026-09-25")
    response = client.post(f"/selection/commission/new?year={year.id}", data=data, follow_redirects=True)
    assert "Состав комиссии утверждён приказом № 1-од от 01.09.2026." in page_text(response)
    assert "Кворум: не менее 3 из 4" in page_text(response)
    commission = service.current_commission(year)
    response = client.post(f"/selection/commission/{commission.id}/meetings/new", data={
        "meeting_date": "2026-09-20", "present": [str(people["director"].id)]})
    assert "Нет кворума: присутствуют 1 из 4" in page_text(response)
    response = client.post(f"/selection/commission/{commission.id}/meetings/new", follow_redirects=True, data={
        "meeting_date": "2026-09-20", "present": [str(people[n].id) for n in ("director", "curator", "lebedev")]})
    assert "Заседание открыто." in page_text(response) and "кворум есть" in page_text(response)


def test_a_breaking_composition_keeps_the_form_and_says_why(client, auth, bases_world, people):
    year = bases_world.year()
    auth.login_as(people["secretary"])
    data = {f"member_{people['lebedev'].id}": "chair", f"member_{people['curator'].id}": "member",
            f"member_{people['vasilyeva'].id}": "member", "order_date": "2026-09-01",
            "selection_deadline": "2026-09-25"}
    response = client.post(f"/selection/commission/new?year={year.id}", data=data)
    assert "Комиссию возглавляет директор техникума" in page_text(response)
    assert 'selected value="chair"' in response.get_data(as_text=True)
    assert service.current_commission(year) is None


def test_only_members_and_the_selection_roles_see_a_meeting(client, auth, bases_world, people, make_user):

    commission = form(bases_world.year(), people, *STANDARD)
    meeting = service.open_meeting(commission, meeting_date=ORDER_DATE, actor=people["secretary"],
                                   present_users=[people["director"], people["curator"], people["lebedev"]])
    db.session.commit()
    auth.login_as(people["lebedev"])
    assert client.get(f"/selection/meetings/{meeting.id}").status_code == 200
    auth.login_as(people["orlov"])  # holds «член комиссии» but is not on this composition
    assert client.get(f"/selection/meetings/{meeting.id}").status_code == 403
    auth.login_as(people["lebedev"])
    assert client.post(f"/selection/meetings/{meeting.id}/close").status_code == 403


def test_the_commissions_order_is_changed_only_by_a_new_order_4_13(client, auth, composition, people):
    from app.documents import services as documents

    order = composition.order_document
    with pytest.raises(RuleError, match="состав комиссии меняется только новым приказом") as refused:
        documents.cancel_document(order, people["secretary"], "ошибка в составе")
    assert refused.value.section == "4.13"
    db.session.rollback()
    auth.login_as(people["secretary"])
    page = page_text(client.get(f"/documents/{order.id}"))
    assert "меняется только новым приказом директора" in page and "Исправить (новая версия)" not in page
    response = client.get(f"/documents/{order.id}/correct", follow_redirects=True)
    assert "Оформите его на странице «Конкурсная комиссия»" in page_text(response)
    client.post(f"/documents/{order.id}/cancel", data={"reason": "ошибка"})
    db.session.refresh(order)
    assert order.status.value == "issued" and len(order.versions) == 1
