"""Register numbers: per register and year, formatted by the settings, gap-free, unique under concurrency."""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.core.errors import RuleError
from app.documents import services
from app.documents.kinds import get_kind
from app.documents.models import Document
from app.documents.registers import format_number
from app.documents.services import issue_document, issue_draft
from app.extensions import db
from app.settings import services as settings

ROOT = Path(__file__).resolve().parents[2]


def order(secretary, doc_date="2026-09-01", **changes):
    values = {**get_kind("order_appoint_curator").example_values(), "doc_date": doc_date, **changes}
    document = issue_document("order_appoint_curator", values, secretary)
    db.session.commit()
    return document


def test_orders_are_numbered_one_after_another_in_their_year(app, secretary):
    assert [order(secretary).number_text for _ in range(3)] == ["1-од", "2-од", "3-од"]
    assert order(secretary, doc_date="2027-01-10").number_text == "1-од"
    assert order(secretary).number_text == "4-од"


def test_each_register_counts_on_its_own(app, secretary):
    order(secretary)
    agreement = issue_document("partner_agreement", get_kind("partner_agreement").example_values(), secretary)
    protocol = issue_document("commission_protocol", get_kind("commission_protocol").example_values(), secretary)
    letter = issue_document("letter_of_thanks", get_kind("letter_of_thanks").example_values(), secretary)
    assert (agreement.number_text, protocol.number_text) == ("1/26", "01")
    assert letter.number is None and letter.register is None


def test_number_format_comes_from_the_settings(app, secretary):
    settings.update({"documents.orders.number_format": "Н-{number:03}/{year}"})
    assert order(secretary).number_text == "Н-001/2026"


@pytest.mark.parametrize("pattern,expected", [("{number}", "7"), ("{number:02}", "07"), ("{number}/{yy}", "7/26"),
                                              ("№{number}-од-{year}", "№7-од-2026")])
def test_format_substitutions(pattern, expected):
    assert format_number(pattern, 7, 2026) == expected


@pytest.mark.parametrize("pattern", ["{number.__class__}", "{num}", "без номера", "{number!r}", "{0}"])
def test_a_format_with_anything_else_is_refused(pattern):
    with pytest.raises(RuleError, match="Формат номера"):
        format_number(pattern, 7, 2026)


def test_a_draft_has_no_number_until_it_is_issued(app, secretary):
    values = get_kind("order_appoint_curator").example_values()
    draft = issue_document("order_appoint_curator", values, secretary, draft=True)
    db.session.commit()
    assert draft.number is None and draft.current_version.context["number"] == "" and draft.status == "draft"
    assert draft.current_version.context["is_draft"] is True
    order(secretary)
    issue_draft(draft, secretary)
    db.session.commit()
    assert draft.number_text == "2-од" and draft.status == "issued" and len(draft.versions) == 2
    assert draft.current_version.context["number"] == "2-од"


def test_a_refused_issue_gives_its_number_back(app, secretary, monkeypatch):
    order(secretary)

    def broken(*args, **kwargs):
        raise RuleError("шаблон не заполнился")

    monkeypatch.setattr(services, "render_version", broken)
    with pytest.raises(RuleError):
        issue_document("order_appoint_curator", get_kind("order_appoint_curator").example_values(), secretary)
    db.session.rollback()
    monkeypatch.undo()
    assert order(secretary).number_text == "2-од"


def test_the_register_refuses_a_second_document_with_the_same_number(app, secretary):
    first = order(secretary)
    clone = Document(kind=first.kind, register="orders", year=2026, number=first.number, number_text="x",
                     doc_date=first.doc_date, title="x", status="issued", created_by_id=secretary.id)
    db.session.add(clone)
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


@pytest.mark.postgres_only
@pytest.mark.real_commits  # the two processes see only what is committed
@pytest.mark.slow
def test_two_processes_issuing_fifty_orders_each_get_a_hundred_consecutive_numbers(app, secretary, database_url,
                                                                                  tmp_path):
    """PostgreSQL: the counter row lock serialises two processes; no number twice, none skipped."""
    if not database_url.startswith("postgresql"):
        pytest.skip("нужен PostgreSQL: на SQLite пишет только один процесс за раз")
    url = sa.make_url(database_url).render_as_string(hide_password=False)
    start = tmp_path / "start"
    command = [sys.executable, "-m", "tests.documents.numbering_worker", url, str(app.config["UPLOAD_ROOT"]), "50",
               str(start)]
    workers = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT)}) for _ in range(2)]
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("start.ready-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    start.touch()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=180)
        assert worker.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    numbers = results[0] + results[1]
    assert sorted(numbers) == list(range(1, 101))
    assert all(a < b for a, b in zip(results[0], results[0][1:], strict=False))
    stored = db.session.scalars(sa.select(Document.number).where(Document.register == "orders")).all()
    assert sorted(stored) == list(range(1, 101))
