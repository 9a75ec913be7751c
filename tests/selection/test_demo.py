"""The demo college's selection: a closed meeting decided on the candidates whose papers are signed — reviews,
votes, a tie decided by the chair, the protocol — and the registry order put the selected into the mentor base."""
from sqlalchemy import select

from app.applications.models import ApplicationStatus
from app.bases.models import MentorParticipation, MentorStatus
from app.core.roles import Role
from app.extensions import db
from app.selection.models import CommissionMeeting
from tests.helpers import page_text


def test_the_demo_commission_decided_and_its_papers_are_issued(demo_college, client, auth, make_user):
    result = demo_college.result  # `flask seed-demo --password demo-parol-2026`, run once per worker
    assert result.exit_code == 0, result.output
    meeting = db.session.scalar(select(CommissionMeeting))
    assert not meeting.is_open and len(meeting.present) == 4 and meeting.protocol_document.number_text == "01"
    selected = [item for item in meeting.candidates if item.selected]
    refused = [item for item in meeting.candidates if not item.selected]
    assert len(selected) == 1 and len(refused) == 1 and refused[0].by_chair  # the chair's vote broke the tie
    assert all(len(item.reviews) == 4 for item in meeting.candidates)
    mentor = db.session.scalar(select(MentorParticipation).where(
        MentorParticipation.person_id == selected[0].application.person_id))
    assert mentor.status == MentorStatus.REGISTERED and mentor.registry_basis == meeting.registry_order.label
    assert refused[0].application.status == ApplicationStatus.NOT_SELECTED
    auth.login_as(make_user(Role.CURATOR))
    page = page_text(client.get(f"/selection/meetings/{meeting.id}"))
    assert "решающий голос председателя" in page and "Приказ об утверждении реестра наставников" in page
    assert "приказ издан" in page_text(client.get("/selection/progress"))
