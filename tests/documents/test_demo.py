"""The demo college comes with documents in every state, and no PDF is made while seeding."""
from sqlalchemy import select

from app.documents.models import Document, DocumentStatus


def test_seed_demo_issues_documents_in_every_state(app, demo_college):
    result = demo_college.result  # `flask seed-demo --password demo-parol-2026`, run once per worker
    assert result.exit_code == 0, result.output
    from app.extensions import db
    documents = db.session.scalars(select(Document)).all()
    statuses = {document.status for document in documents}
    assert statuses == {DocumentStatus.ISSUED, DocumentStatus.DRAFT, DocumentStatus.CANCELLED}
    numbers = sorted(document.number_text for document in documents if document.register == "orders")
    assert len(numbers) >= 3 and numbers == sorted(f"{n}-од" for n in range(1, len(numbers) + 1))
    curator_order = next(document for document in documents if document.kind == "order_appoint_curator")
    assert curator_order.subjects[0].label == "Морозова О.Н." and demo_college.converter.calls == 0
