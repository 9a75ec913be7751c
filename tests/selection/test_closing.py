"""Closing a meeting (4.13): the votes of those present decide (the chair's on a tie), the decision is written on
each application with the protocol as its basis, and the protocol is issued with every member's score and vote."""
import io

import pytest
from docx import Document

from app.accounts.services import link_person
from app.applications.models import ApplicationStatus
from app.core.errors import RuleError
from app.documents.pdf import EXTENSION_KEY
from app.extensions import db
from app.selection import commission
from tests.documents.fixtures import FakeConverter
from tests.documents.helpers import docx_text
from tests.helpers import page_text
from tests.selection.fixtures import cast


def tables(document):
    """The protocol's tables as lists of rows of cell texts (the date line, the data tables, the signatures)."""
    docx = Document(io.BytesIO(document.current_version.read_bytes()))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in docx.tables]


def test_closing_decides_by_the_majority_present_and_issues_the_protocol_4_13(client, auth, meeting, candidate,
                                                                               on_agenda, people):
    student = candidate(last_name="Кузнецов", first_name="Артём", middle_name="Олегович")
    teacher = candidate("teacher_teacher", last_name="Соколова", first_name="Анна", middle_name="Викторовна",
                        gender="female")
    first, second = on_agenda(student, teacher)
    cast(first, people["director"], "for", 2)
    cast(first, people["curator"], "for", 1)
    cast(first, people["lebedev"], "against", 0)
    cast(second, people["director"], "against", 1)
    cast(second, people["curator"], "abstain", 1)
    cast(second, people["lebedev"], "for", 2, comment="Сильный методист")
    protocol = commission.close_meeting(meeting, actor=people["secretary"])
    db.session.commit()

    assert (first.selected, first.votes_for, first.votes_against, first.total_score) == (True, 2, 1, 12 * 2 + 12)
    assert (second.selected, second.votes_for, second.votes_abstained) == (False, 1, 1)
    assert meeting.protocol_document == protocol and protocol.kind == "commission_protocol"
    assert student.status == ApplicationStatus.SELECTED and teacher.status == ApplicationStatus.NOT_SELECTED
    assert student.decision_basis == teacher.decision_basis == "Протокол № 01 от 20.09.2026"

    _, present, candidates, scores, criteria, *_ = [[row[1:] for row in table] for table in tables(protocol)]
    assert [row[0] for row in present[1:]] == ["Гордеева Светлана Александровна", "Морозова Ольга Николаевна",
                                               "Лебедев Дмитрий Игоревич"]
    assert "Секретарь комиссии" not in docx_text(protocol.current_version.read_bytes())  # Васильева was absent
    assert candidates[1] == ["Кузнецов Артём Олегович", "студент группы ТМ-31", "студент – студент", "36", "1,00",
                             "2", "1", "0", "рекомендовать к включению в реестр наставников"]
    assert candidates[2][0] == "Соколова Анна Викторовна" and candidates[2][-1] == (
        "отказать во включении в реестр наставников")
    assert scores[1:] == [["Кузнецов А.О.", "Гордеева С.А.", "24", "за"],
                          ["Кузнецов А.О.", "Морозова О.Н.", "12", "за"],
                          ["Кузнецов А.О.", "Лебедев Д.И.", "0", "против"],
                          ["Соколова А.В.", "Гордеева С.А.", "11", "против"],
                          ["Соколова А.В.", "Морозова О.Н.", "11", "воздержался"],
                          ["Соколова А.В.", "Лебедев Д.И.", "22", "за"]]
    # Every member's mark on every criterion of Приложение 1, with the scale and the average.
    assert len(criteria) == 1 + 12 + 11
    assert criteria[1] == ["Кузнецов А.О.", "наличие личного желания стать наставником, куратором (даже при "
                           "условии его выдвижения администрацией или коллективом ОО)",
                           "Гордеева С.А. — 2; Морозова О.Н. — 1; Лебедев Д.И. — 0", "1,00"]
    assert "шкала: 0 — не соответствует, 1 — соответствует частично, 2 — соответствует полностью" in docx_text(
        protocol.current_version.read_bytes())

    auth.login_as(people["lebedev"])  # a member prints the protocol from the meeting's page
    page = page_text(client.get(f"/selection/meetings/{meeting.id}"))
    assert "отобран за 2 · против 1" in page and "Протокол заседания конкурсной комиссии" in page
    response = client.get(f"/selection/meetings/{meeting.id}/papers/{protocol.id}.docx")
    assert response.status_code == 200 and response.data == protocol.current_version.read_bytes()
    auth.login_as(people["orlov"])
    assert client.get(f"/selection/meetings/{meeting.id}/papers/{protocol.id}.docx").status_code == 403

    # The votes are frozen: the protocol is neither corrected nor cancelled on the documents' pages.
    from app.documents import services as documents
    with pytest.raises(RuleError, match="решения заморожены") as refused:
        documents.correct_document(protocol, {}, people["secretary"], "другие оценки")
    assert refused.value.section == "4.13"


def test_on_a_tie_the_chairs_vote_decides_4_13(meeting, candidate, on_agenda, people):
    everyone = [people[name] for name in ("director", "curator", "lebedev", "vasilyeva")]
    commission.set_attendance(meeting, everyone, actor=people["secretary"])
    chair_for, chair_against = on_agenda(candidate(), candidate())
    for item, votes in ((chair_for, ("for", "for", "against", "against")),
                        (chair_against, ("against", "for", "for", "against"))):
        for user, vote in zip(everyone, votes, strict=True):
            cast(item, user, vote)
    protocol = commission.close_meeting(meeting, actor=people["secretary"])
    assert chair_for.selected and chair_for.by_chair
    assert chair_for.decision_label == "отобран (решающий голос председателя)"
    assert not chair_against.selected and chair_against.by_chair
    assert "При равенстве голосов по кандидатуре" in docx_text(protocol.current_version.read_bytes())
    assert "решающим стал голос председателя комиссии" in docx_text(protocol.current_version.read_bytes())


def test_a_tie_with_the_chair_absent_selects_nobody_and_names_no_casting_vote_4_13(meeting, candidate, on_agenda,
                                                                                   people):
    present = [people[name] for name in ("curator", "lebedev", "vasilyeva")]
    commission.set_attendance(meeting, present, actor=people["secretary"])
    own = candidate("teacher_teacher", last_name="Васильева", first_name="Наталья", middle_name="Юрьевна",
                    gender="female")
    link_person(people["vasilyeva"], own.person)  # she may not vote on herself: 1 «за», 1 «против»
    db.session.commit()
    [item] = on_agenda(own)
    cast(item, people["curator"], "for")
    cast(item, people["lebedev"], "against")
    protocol = commission.close_meeting(meeting, actor=people["secretary"])
    assert not item.selected and not item.by_chair and item.decision_label == "не отобран"
    assert "решающим стал голос председателя" not in docx_text(protocol.current_version.read_bytes())


def test_a_member_who_is_the_candidate_is_not_counted_among_those_voting_on_him_4_13(meeting, candidate, on_agenda,
                                                                                     people):
    everyone = [people[name] for name in ("director", "curator", "lebedev", "vasilyeva")]
    commission.set_attendance(meeting, everyone, actor=people["secretary"])
    own = candidate("teacher_teacher", last_name="Васильева", first_name="Наталья", middle_name="Юрьевна",
                    gender="female")
    link_person(people["vasilyeva"], own.person)
    db.session.commit()
    [item] = on_agenda(own)
    for user, vote in zip(everyone[:3], ("for", "for", "against"), strict=True):
        cast(item, user, vote)
    commission.close_meeting(meeting, actor=people["secretary"])
    assert item.selected and not item.by_chair  # 2 of the 3 who may vote on her


def test_the_meeting_closes_when_everyone_present_has_voted_4_13(meeting, candidate, on_agenda, people):
    [item] = on_agenda(candidate(last_name="Ждущий"))
    cast(item, people["director"])
    with pytest.raises(RuleError, match="Не все присутствующие проголосовали: Ждущий И.П. — Морозова О.Н., "
                                        "Лебедев Д.И.") as refused:
        commission.close_meeting(meeting, actor=people["secretary"])
    assert refused.value.section == "4.13"
    db.session.rollback()
    assert meeting.is_open and meeting.protocol_document is None


def test_a_member_who_voted_is_not_marked_absent_and_the_quorum_stays_4_13(meeting, candidate, on_agenda, people):
    [item] = on_agenda(candidate())
    cast(item, people["lebedev"])
    with pytest.raises(RuleError, match="Уже проголосовали на этом заседании: Лебедев Д.И."):
        commission.set_attendance(meeting, [people["director"], people["curator"], people["vasilyeva"]],
                                  actor=people["secretary"])
    db.session.rollback()
    with pytest.raises(RuleError, match="Нет кворума"):
        commission.set_attendance(meeting, [people["director"], people["lebedev"]], actor=people["secretary"])


def test_the_secretary_closes_the_meeting_through_its_page_and_prints_the_protocol(client, auth, app, meeting,
                                                                                   candidate, on_agenda, people):
    [item] = on_agenda(candidate())
    for name in ("director", "curator", "lebedev"):
        cast(item, people[name])
    auth.login_as(people["secretary"])
    response = client.post(f"/selection/meetings/{meeting.id}/close", follow_redirects=True)
    page = page_text(response)
    assert "решения записаны в заявления кандидатов, выпущен протокол № 01 от 20.09.2026." in page
    assert "Утвердить реестр приказом" in page
    converter = FakeConverter()
    app.extensions[EXTENSION_KEY] = converter
    response = client.get(f"/selection/meetings/{meeting.id}/papers/{meeting.protocol_document_id}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf" and converter.calls == 1
