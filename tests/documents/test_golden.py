"""The curator's appointment order, word for word: any change to its wording or to the filters shows here.

To accept an intended change, regenerate the expected text:
    UPDATE_GOLDEN=1 .venv/bin/pytest tests/documents/test_golden.py
"""
import os
from pathlib import Path

from app.documents.kinds import get_kind
from app.documents.services import issue_document
from tests.documents.helpers import docx_text

GOLDEN = Path(__file__).parent / "golden" / "order_appoint_curator.txt"


def test_curator_order_reads_exactly_as_expected(app, secretary):
    document = issue_document("order_appoint_curator", get_kind("order_appoint_curator").example_values(), secretary)
    text = docx_text(document.current_version.read_bytes()) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
