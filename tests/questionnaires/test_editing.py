"""Questionnaires as data: the administrator edits questions and answer types, adds a questionnaire for a form he
added; editing one that has answers makes a new version and the answers stay with theirs."""
from sqlalchemy import select

from app.core.roles import Role
from app.extensions import db
from app.programs import services as programs
from app.questionnaires import services
from app.questionnaires.models import AnswerKind, Questionnaire
from tests.helpers import page_text
from tests.questionnaires.fixtures import answer, questionnaire, send


def test_an_edit_before_any_answer_changes_the_version_in_place_8_3(quest, make_user):
    admin = make_user(Role.ADMIN)
    found = questionnaire("p7_mentee")
    question = found.current_version.questions[2]
    services.save_question(found, position=None, text="Ожидаемый уровень комфорта", kind="scale", required=True,
                           actor=admin, question_id=question.id)
    db.session.commit()
    assert len(found.versions) == 1 and found.current_version.questions[2].text == "Ожидаемый уровень комфорта"


def test_an_edit_after_answers_makes_a_new_version_and_the_answers_stay_with_theirs_8_3(quest, make_user):
    admin = make_user(Role.ADMIN)
    invitation = send("p7_mentee", quest.curator, year=quest.year).dispatch.invitations[0]
    answer(invitation)
    found = questionnaire("p7_mentee")
    old = found.current_version
    old_text = old.questions[14].text
    services.save_question(found, position=None, text="Вы рады, что участвуете в программе наставничества?",
                           kind="yes_no", required=True, actor=admin, question_id=old.questions[14].id)
    services.save_question(found, position=3, text="Как Вы узнали о программе?", kind="text", required=False,
                           actor=admin)
    db.session.commit()
    assert [v.number for v in found.versions] == [1, 2]  # one new version for both edits
    new = found.current_version
    assert len(new.questions) == 16 and new.questions[2].text == "Как Вы узнали о программе?"
    assert new.questions[15].text == "Вы рады, что участвуете в программе наставничества?"
    assert old.questions[14].text == old_text and len(old.questions) == 15
    assert invitation.response.version_id == old.id
    assert {a.question_id for a in invitation.response.answers} <= {q.id for q in old.questions}
    # a new dispatch goes out with the new version
    later = send("p7_mentee", quest.curator, year=quest.year, phase="end")
    assert later.dispatch.version_id == new.id
    services.remove_question(found, new.questions[2].id, admin)
    db.session.commit()
    assert [q.position for q in found.current_version.questions] == list(range(1, 16))


def test_the_administrator_edits_a_question_and_its_answer_type_on_the_page(quest, client, auth, make_user):
    auth.login_as(make_user(Role.ADMIN))
    found = questionnaire("p10_mentee")
    question = found.current_version.questions[11]
    page = client.get(f"/questionnaires/{found.id}/questions/{question.id}/edit")
    assert "Что особенно ценно для Вас в программе?" in page_text(page)
    done = client.post(f"/questionnaires/{found.id}/questions/{question.id}/edit",
                       data={"text": "Что особенно ценно для Вас в программе?", "kind": "scale", "required": "y"},
                       follow_redirects=True)
    assert "Вопрос сохранён." in page_text(done)
    db.session.expire_all()
    assert found.current_version.questions[11].kind == AnswerKind.SCALE
    empty = client.post(f"/questionnaires/{found.id}/questions/{question.id}/edit", data={"text": " ", "kind": "text"})
    assert "Введите текст вопроса." in page_text(empty)


def test_a_form_the_administrator_added_gets_its_own_questionnaire(quest, client, auth, make_user):
    admin = make_user(Role.ADMIN)
    auth.login_as(admin)
    added = programs.create_form(name="работодатель – ученик", description=None, mentor_categories=["partner_employee"],
                                 mentee_categories=["student"], allows_groups=True, active=True, position=40)
    db.session.commit()
    created = client.post("/questionnaires/new", data={
        "title": "Анкета наставляемого (форма «работодатель – ученик»)", "respondent": "mentee",
        "form_id": str(added.id), "instruction": "Оцените в баллах от 1 до 10."}, follow_redirects=True)
    assert "Анкета добавлена" in page_text(created)
    made = db.session.scalar(select(Questionnaire).where(Questionnaire.mentorship_form_id == added.id))
    client.post(f"/questionnaires/{made.id}/questions/new",
                data={"text": "Насколько интересной была экскурсия на предприятие?", "kind": "scale",
                      "required": "y"})
    db.session.expire_all()
    assert [(q.position, q.kind) for q in made.current_version.questions] == [(1, AnswerKind.SCALE)]
    assert "работодатель – ученик" in page_text(client.get("/questionnaires/"))
