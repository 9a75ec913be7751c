"""The personal link's life: made for each recipient, opened without an account, one submission, refused when used,
expired, altered or withdrawn; no link for a withdrawn consent (4.11); a questionnaire goes to its own form's
participants, pairs and groups (8.3); answers in range, required ones given."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.consents.models import Consent
from app.consents.services import withdraw_consent
from app.core.errors import RuleError
from app.core.formatting import local_today
from app.extensions import db
from app.pairs.models import PairingKind
from app.questionnaires import answering, links
from app.questionnaires.models import Invitation, Response
from tests import factories
from tests.helpers import page_text
from tests.questionnaires.fixtures import answer, full_answers, make_pairing, send


def url_of(invitation):
    return "/a/" + links.token_of(invitation)


def test_a_form_gets_a_link_per_participant_and_only_a_hash_of_it_is_kept_8_3(quest):
    sent = send("p7_mentee", quest.curator, year=quest.year)
    invitations = sent.dispatch.invitations
    assert sent.made == 2 and sorted(i.person.last_name for i in invitations) == ["Антонов", "Борисов"]
    token = links.token_of(invitations[0])
    assert token not in {value for row in db.session.execute(select(Invitation.__table__)) for value in row}
    assert invitations[0].token_hash == links.token_hash(token)
    assert links.invitation_for(token).id == invitations[0].id
    # a second dispatch in the same year and phase makes no second link for the same people
    with pytest.raises(RuleError, match="уже отправлена в этом году на этом этапе"):
        send("p7_mentee", quest.curator, year=quest.year)


def test_the_participant_answers_without_an_account_once_8_3(quest, client):
    invitation = send("p7_mentee", quest.curator, year=quest.year).dispatch.invitations[0]
    page = client.get(url_of(invitation))
    assert page.status_code == 200
    text = page_text(page)
    assert "Анкета наставляемого (форма студент-студент)" in text and invitation.person.short_name in text
    assert "Борисов" not in text  # nothing about anyone else
    assert "Оцените в баллах от 1 до 10, где 1 - самый низший балл, а 10 - самый высокий." in text
    done = client.post(url_of(invitation), data=full_answers(invitation.dispatch.version))
    assert "Спасибо! Ваши ответы сохранены." in page_text(done)
    again = client.get(url_of(invitation))
    assert again.status_code == 410 and links.USED in page_text(again)
    assert db.session.scalar(select(func.count(Response.id))) == 1


def test_a_link_used_twice_is_refused_8_3(quest):
    invitation = send("p7_mentee", quest.curator, year=quest.year).dispatch.invitations[0]
    answer(invitation)
    with pytest.raises(RuleError, match="ответ уже получен"):
        answer(invitation)


def test_an_expired_link_is_refused_with_its_date_8_3(quest, client):
    invitation = send("p7_mentee", quest.curator, year=quest.year).dispatch.invitations[0]
    invitation.dispatch.expires_on = local_today() - timedelta(days=1)
    db.session.commit()
    page = client.get(url_of(invitation))
    assert page.status_code == 410
    assert f"Срок ответа по этой ссылке истёк {invitation.dispatch.expires_on:%d.%m.%Y}" in page_text(page)
    with pytest.raises(RuleError, match="Срок ответа"):
        answering.submit(invitation, full_answers(invitation.dispatch.version))


def test_an_altered_link_is_refused_8_3(quest, client):
    invitation = send("p7_mentee", quest.curator, year=quest.year).dispatch.invitations[0]
    token = links.token_of(invitation)
    other = send("p7_mentee", quest.curator, year=quest.year, phase="end").dispatch.invitations[0]
    # the payload of one link with the signature of another, a changed letter, a made-up one
    forged = links.token_of(other).split(".")[0] + "." + token.split(".")[1]
    middle = len(token) - 10  # a letter of the signature (the last one may carry only padding bits)
    changed = token[:middle] + ("A" if token[middle] != "A" else "B") + token[middle + 1:]
    for bad in (forged, changed, "WzEsMiwiYWJjIl0.abc"):
        page = client.get("/a/" + bad)
        assert page.status_code == 410 and links.ALTERED in page_text(page)
    assert client.post("/a/" + forged, data=full_answers(invitation.dispatch.version)).status_code == 410
    assert db.session.scalar(select(func.count(Response.id))) == 0


def test_a_withdrawn_questionnaire_takes_no_answers_but_keeps_those_given_8_3(quest, client):
    dispatch = send("p7_mentee", quest.curator, year=quest.year).dispatch
    first, second = dispatch.invitations
    answer(first)
    links.withdraw(dispatch, quest.curator)
    db.session.commit()
    page = client.get(url_of(second))
    assert page.status_code == 410 and links.WITHDRAWN in page_text(page)
    assert db.session.scalar(select(func.count(Response.id))) == 1
    with pytest.raises(RuleError, match="уже отозвана"):
        links.withdraw(dispatch, quest.curator)


def test_a_scale_answer_out_of_range_is_refused_8_3(quest):
    invitation = send("p7_mentee", quest.curator, year=quest.year).dispatch.invitations[0]
    version = invitation.dispatch.version
    scale = next(q for q in version.questions if q.kind == "scale")
    for bad in ("11", "0", "-3", "7.5", "семь"):
        posted = {**full_answers(version), scale.field_name: bad}
        with pytest.raises(answering.AnswersInvalid) as refused:
            answering.submit(invitation, posted)
        assert refused.value.problems == {scale.field_name: "Оценка — целое число от 1 до 10: выберите одно из "
                                                            "значений шкалы."}
    yes_no = version.questions[0]
    with pytest.raises(answering.AnswersInvalid, match="проверьте ответы"):
        answering.submit(invitation, {**full_answers(version), yes_no.field_name: "2"})


def test_a_missing_required_answer_is_named_and_the_page_keeps_what_was_typed_8_3(quest, client):
    invitation = send("p7_mentee", quest.curator, year=quest.year).dispatch.invitations[0]
    version = invitation.dispatch.version
    posted = full_answers(version, text="Научиться планировать время")
    skipped = version.questions[4]  # a scale
    del posted[skipped.field_name]
    page = client.post(url_of(invitation), data=posted)
    text = page_text(page)
    assert page.status_code == 200 and "Ответьте на этот вопрос: он обязательный." in text
    html = page.get_data(as_text=True)
    assert "Научиться планировать время" in html  # the free answers typed stay
    kept = re.search(rf'<input[^>]*name="{version.questions[3].field_name}"[^>]*value="7"[^>]*>', html).group(0)
    assert "checked" in kept, kept  # the scale chosen stays chosen
    assert db.session.scalar(select(func.count(Response.id))) == 0
    # the optional free answers may stay empty
    optional = {**full_answers(version)}
    for question in version.questions:
        if question.kind == "text":
            optional[question.field_name] = ""
    assert "Спасибо!" in page_text(client.post(url_of(invitation), data=optional))


def test_a_person_who_withdrew_consent_gets_no_new_link_4_11(quest):
    mentee = quest.mentees[0]
    factories.give_papers(mentee)
    withdraw_own_consent(mentee)
    sent = send("p7_mentee", quest.curator, year=quest.year)
    assert sent.made == 1 and [i.person_id for i in sent.dispatch.invitations] == [quest.mentees[1].person_id]
    assert mentee.person.full_name in sent.message() and "п. 4.11" in sent.message()
    with pytest.raises(RuleError, match="согласие на обработку персональных данных отозвано") as refused:
        send("p7_mentee", quest.curator, year=quest.year, phase="end", target="participants",
             form=None, mentee_ids=[mentee.id])
    assert refused.value.section == "4.11"


def withdraw_own_consent(mentee):
    consent = next(c for c in db.session.scalars(select(Consent).where(Consent.person_id == mentee.person_id))
                   if c.kind.withdrawable)
    withdraw_consent(consent, factories.papers_clerk(), on=local_today())
    db.session.commit()


def test_a_link_made_before_the_consent_was_withdrawn_takes_no_answer_4_11(quest):
    mentee = quest.mentees[0]
    factories.give_papers(mentee)
    invitation = next(i for i in send("p7_mentee", quest.curator, year=quest.year).dispatch.invitations
                      if i.person_id == mentee.person_id)
    withdraw_own_consent(mentee)
    with pytest.raises(RuleError, match="согласие на обработку персональных данных отозвано"):
        answer(invitation)


def test_a_questionnaire_of_another_form_is_refused_for_a_form_a_participant_and_a_pair_8_3(quest):
    teacher_form = quest.forms["teacher_teacher"]
    with pytest.raises(RuleError, match="анкета «Анкета наставляемого \\(форма студент-студент\\)» — для формы"):
        send("p7_mentee", quest.curator, year=quest.year, form=teacher_form)
    with pytest.raises(RuleError, match="Учителева Ольга Петровна: форма наставничества «преподаватель – "
                                        "преподаватель»"):
        send("p7_mentee", quest.curator, year=quest.year, target="participants", form=None,
             mentee_ids=[quest.teacher_mentee.id])
    mentor = factories.make_mentor(person=factories.make_teacher(), year=quest.year, form_code="teacher_teacher")
    pairing = make_pairing(mentor, [quest.teacher_mentee])
    with pytest.raises(RuleError, match="Пара .*: форма наставничества «преподаватель – преподаватель», а анкета") \
            as refused:
        send("p7_mentee", quest.curator, year=quest.year, target="pair", form=None, pairing=pairing)
    assert refused.value.section == "8.3"


def test_a_pair_and_a_group_get_their_own_links_8_3(quest):
    mentor = factories.make_mentor(year=quest.year)
    group = make_pairing(mentor, quest.mentees, kind=PairingKind.GROUP)
    mentees = send("p7_mentee", quest.curator, year=quest.year, target="pair", form=None, pairing=group)
    assert sorted(i.person_id for i in mentees.dispatch.invitations) == sorted(m.person_id for m in quest.mentees)
    mentor_sent = send("p7_mentor", quest.curator, year=quest.year, target="pair", form=None, pairing=group)
    assert [i.person_id for i in mentor_sent.dispatch.invitations] == [mentor.person_id]
    assert mentor_sent.dispatch.pairing_id == group.id


def test_the_curators_questionnaire_goes_to_the_curator_himself_5_1(quest):
    with pytest.raises(RuleError, match="не связана с карточкой человека"):
        send("curator", quest.curator, year=quest.year, target="curator", form=None)
    quest.curator.person = factories.make_teacher(last_name="Кураторова", first_name="Елена", gender="female")
    db.session.commit()
    sent = send("curator", quest.curator, year=quest.year, target="curator", form=None)
    assert [i.person_id for i in sent.dispatch.invitations] == [quest.curator.person_id]
    with pytest.raises(RuleError, match="Анкету куратора заполняет сам куратор") as refused:
        send("curator", quest.curator, year=quest.year, phase="end", target="year", form=None)
    assert refused.value.section == "5.1"


def test_the_date_the_links_expire_is_not_in_the_past(quest):
    with pytest.raises(RuleError, match="не может быть раньше сегодняшнего дня"):
        send("p7_mentee", quest.curator, year=quest.year, days=-1)
