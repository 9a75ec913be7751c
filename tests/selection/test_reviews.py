"""A member's review (4.13, Приложение 1): scores on the candidate's criteria, a comment, a vote — by a member of
the composition who is present, never on himself, once per candidate (changed while the meeting is open)."""
import pytest
from sqlalchemy import select

from app.accounts.services import link_person
from app.audit.models import AuditEvent
from app.core.errors import RuleError
from app.extensions import db
from app.selection import commission, reviews
from app.selection.models import Review, Vote
from tests.helpers import page_text
from tests.selection.fixtures import cast


def scores(item, value=2):
    return {criterion.id: value for criterion in reviews.criteria_of(item)}


def test_a_member_cannot_review_his_own_candidacy_4_13(meeting, candidate, on_agenda, people):
    own = candidate("teacher_teacher", last_name="Лебедев", first_name="Дмитрий", middle_name="Игоревич")
    link_person(people["lebedev"], own.person)
    db.session.commit()
    [item] = on_agenda(own)
    with pytest.raises(RuleError, match="не оценивает собственную кандидатуру") as refused:
        reviews.save_review(item, people["lebedev"], scores=scores(item), vote="for")
    assert refused.value.section == "4.13"
    assert "собственную кандидатуру" in reviews.review_blocker(item, people["lebedev"])


@pytest.mark.parametrize("who, message", [
    ("orlov", "только члены состава комиссии"),       # holds «член комиссии», not on this composition
    ("vasilyeva", "не отмечены присутствующим"),       # on the composition, absent
    ("secretary", "только члены состава комиссии"),    # runs the meeting, does not vote
])
def test_only_members_of_the_composition_who_are_present_review_and_vote_4_13(meeting, candidate, on_agenda, people,
                                                                                who, message):
    [item] = on_agenda(candidate())
    with pytest.raises(RuleError, match=message) as refused:
        reviews.save_review(item, people[who], scores=scores(item), vote="for")
    assert refused.value.section == "4.13"
    assert item.reviews == []


def test_a_member_votes_once_per_candidate_and_may_change_his_vote_while_the_meeting_is_open_4_13(
        meeting, candidate, on_agenda, people):
    [item] = on_agenda(candidate())
    first = cast(item, people["lebedev"], vote="for", score=2)
    with pytest.raises(RuleError, match="второй голос не подаётся") as refused:
        reviews.save_review(item, people["lebedev"], scores=scores(item, 0), vote="against")
    assert refused.value.section == "4.13"
    db.session.rollback()
    changed = reviews.save_review(item, people["lebedev"], scores=scores(item, 1), vote="abstain",
                                  comment="Мало опыта", review_id=first.id)
    db.session.commit()
    assert changed.id == first.id and changed.vote == Vote.ABSTAIN and changed.total == len(changed.scores)
    assert db.session.scalar(select(db.func.count(Review.id))) == 1
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "review_changed"))
    assert event.details["before"]["vote"] == "for" and event.details["after"]["vote"] == "abstain"


def test_nothing_changes_after_the_meeting_is_closed_4_13(meeting, candidate, on_agenda, people):
    [item] = on_agenda(candidate())
    reviews_by = {name: cast(item, people[name]) for name in ("director", "curator", "lebedev")}
    commission.close_meeting(meeting, actor=people["secretary"])
    db.session.commit()
    with pytest.raises(RuleError, match="Заседание закрыто") as refused:
        reviews.save_review(item, people["lebedev"], scores=scores(item, 0), vote="against",
                            review_id=reviews_by["lebedev"].id)
    assert refused.value.section == "4.13"
    with pytest.raises(RuleError, match="Заседание закрыто"):
        commission.set_attendance(meeting, [people["director"], people["curator"]], actor=people["secretary"])


def test_a_member_scores_every_criterion_of_the_candidates_form_on_the_scale_prilozhenie_1(meeting, candidate,
                                                                                            on_agenda, people):
    student, curator = on_agenda(candidate(), candidate("teacher_teacher", for_curator=True))
    assert len(reviews.criteria_of(student)) == 8 + 4 and len(reviews.criteria_of(curator)) == 8 + 3 + 5
    partial = scores(student)
    missing = reviews.criteria_of(student)[-1]
    del partial[missing.id]
    with pytest.raises(RuleError, match="нет оценки: «возможный участник") as refused:
        reviews.save_review(student, people["lebedev"], scores=partial, vote="for")
    assert refused.value.field == f"score_{missing.id}"
    with pytest.raises(RuleError, match="от 0 до 2 баллов"):
        reviews.save_review(student, people["lebedev"], scores=scores(student, 3), vote="for")
    with pytest.raises(RuleError, match="Выберите голос"):
        reviews.save_review(student, people["lebedev"], scores=scores(student), vote="может быть")
    review = cast(curator, people["lebedev"], score=1)
    assert review.total == 16 and reviews.tally(curator).maximum == 32 and reviews.tally(curator).average == 1


def test_a_member_sees_the_others_votes_only_after_his_own_or_after_the_close_4_13(client, auth, meeting, candidate,
                                                                                    on_agenda, people):
    [item] = on_agenda(candidate())
    cast(item, people["director"], vote="against", comment="Не готов")
    path = f"/selection/meetings/{meeting.id}/candidates/{item.id}"
    auth.login_as(people["lebedev"])
    page = page_text(client.get(path))
    assert "видны после вашего голоса" in page and "Не готов" not in page and "против" not in page.split(
        "Оценки членов комиссии")[1]
    data = {f"score_{criterion_id}": "2" for criterion_id in scores(item)}
    response = client.post(f"{path}/review", data={**data, "vote": "for", "comment": "Лидер группы"},
                           follow_redirects=True)
    page = page_text(response)
    assert "Оценка и голос по кандидату" in page and "Не готов" in page and "Лидер группы" in page
    assert "Изменить оценку и голос" in page
    auth.login_as(people["secretary"])  # runs the meeting: sees who voted, not how, until it closes
    page = page_text(client.get(path))
    assert "Проголосовали: Гордеева С.А., Лебедев Д.И." in page and "Не готов" not in page


def test_a_refused_review_keeps_what_the_member_entered(client, auth, meeting, candidate, on_agenda, people):
    [item] = on_agenda(candidate())
    auth.login_as(people["lebedev"])
    first = next(iter(scores(item)))
    response = client.post(f"/selection/meetings/{meeting.id}/candidates/{item.id}/review",
                           data={f"score_{first}": "1", "vote": "for", "comment": "Черновик оценки"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Оцените кандидата по этому критерию." in page_text(response)
    assert f'checked class="form-check-input" id="score_{first}-1"' in html
    assert "Черновик оценки" in html and item.reviews == []
    auth.login_as(people["orlov"])  # not on this composition: the candidate's file is not his
    assert client.get(f"/selection/meetings/{meeting.id}/candidates/{item.id}").status_code == 403
    assert client.post(f"/selection/meetings/{meeting.id}/candidates/{item.id}/review", data={}).status_code == 403
