"""Two tabs submitting the same link at the same moment store one answer: the slower one reads that the answer is
already in (a lock where the rule is «one», and the unique link of a response as the last guard)."""
import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.questionnaires import answering, links
from app.questionnaires.models import Response
from tests.helpers import page_text
from tests.questionnaires.fixtures import answer, full_answers, send
from tests.security.concurrency import concurrently, race  # noqa: F401


@pytest.mark.postgres_only
@pytest.mark.real_commits
def test_two_tabs_submitting_one_link_at_once_store_one_answer_8_3(app, quest, race):  # noqa: F811
    invitation = send("p7_mentee", quest.curator, year=quest.year).dispatch.invitations[0]
    url, data = "/a/" + links.token_of(invitation), full_answers(invitation.dispatch.version)
    race(answering, "ensure_answerable")
    responses = concurrently(app, quest.curator, [lambda client: client.post(url, data=data)] * 2)
    texts = sorted(page_text(response) for response in responses)
    assert sorted(response.status_code for response in responses) == [200, 200]
    assert sum("Спасибо! Ваши ответы сохранены." in text for text in texts) == 1
    assert sum(links.USED in text for text in texts) == 1
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Response.id))) == 1


def test_a_link_has_one_response_by_the_database_itself_8_3(quest):
    invitation = send("p7_mentee", quest.curator, year=quest.year).dispatch.invitations[0]
    first = answer(invitation)
    with pytest.raises(IntegrityError), db.session.begin_nested():
        db.session.add(Response(invitation_id=invitation.id, version_id=first.version_id))
