"""The demo college's papers: its pairs and registered mentors keep the gate; agreements, nominations, applications
and consents come in every state, one consent withdrawn."""
from sqlalchemy import select

from app.applications.checklist import checklists
from app.applications.models import CandidateApplication, Nomination
from app.bases.models import MenteeStatus, MentorStatus
from app.consents.models import Consent
from app.core.formatting import local_today
from app.core.roles import Role
from app.documents.links import PaperState
from app.extensions import db
from app.partners.models import Agreement, AgreementStatus
from app.programs.services import current_year
from tests.helpers import page_text


def test_the_demo_colleges_papers(demo_college, client, auth, make_user):
    result = demo_college.result  # `flask seed-demo --password demo-parol-2026`, run once per worker
    assert result.exit_code == 0, result.output
    today = local_today()
    agreements = {a.partner.short_name: a for a in db.session.scalars(select(Agreement))}
    assert sorted(a.status_on(today) for a in agreements.values()) == sorted(
        [AgreementStatus.SIGNED, AgreementStatus.SIGNED, AgreementStatus.EXPIRED])
    assert sum(a.ending_soon(today) for a in agreements.values()) == 1
    assert {n.kind for n in db.session.scalars(select(Nomination))} == {"administration", "collective"}
    withdrawn = db.session.scalars(select(Consent).where(Consent.withdrawn_on.is_not(None))).all()
    assert len(withdrawn) == 1
    states = {c.state for c in db.session.scalars(select(Consent))}
    assert {PaperState.PRINTED, PaperState.SIGNED, PaperState.WITHDRAWN} <= states
    applications = db.session.scalars(select(CandidateApplication)).all()
    assert {a.printed_state for a in applications} == {PaperState.PRINTED, PaperState.SIGNED}
    for checklist in checklists(current_year()):
        running = checklist.participation.status in (MenteeStatus.PAIRED, MentorStatus.REGISTERED)
        if running and checklist.person.id != withdrawn[0].person_id:
            assert checklist.complete, (checklist.person.full_name, [i.describe() for i in checklist.gaps])
    auth.login_as(make_user(Role.SECRETARY))
    text = page_text(client.get("/applications/papers/"))
    assert "отозван" in text and "истёк срок действия" in text and "распечатан, не подписан" in text
