"""The commission's protocol in PDF: its tables break lines between words, never inside one («Сум ма балл ов»).

LibreOffice converts once for this module; every word pdftotext reads must be a word of the document as issued.
"""
import re
import subprocess

from app.documents.kinds import get_kind
from app.documents.services import issue_document
from app.extensions import db
from tests.documents.helpers import docx_text

LONG_CANDIDATES = [
    {"name": "Константинопольская Анастасия Александровна", "position": "мастер производственного обучения",
     "form": "работодатель – студент", "total_score": 31, "average": "1,29", "votes_for": 3, "votes_against": 1,
     "votes_abstained": 0, "decision": "рекомендовать к включению в реестр наставников"},
    {"name": "Черных Алексей Викторович", "position": "студент группы ТМ-31",
     "form": "преподаватель – преподаватель", "total_score": 9, "average": "0,38", "votes_for": 0,
     "votes_against": 3, "votes_abstained": 1, "decision": "отказать во включении в реестр наставников"},
]

WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")


def _pdf_text(data, tmp_path):
    path = tmp_path / "protocol.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_no_word_of_the_protocol_is_split_across_lines_in_pdf(app, client, auth, secretary, real_pdf, tmp_path):
    values = {**get_kind("commission_protocol").example_values(), "candidates": LONG_CANDIDATES}
    document = issue_document("commission_protocol", values, secretary)
    db.session.commit()
    auth.login_as(secretary)
    response = client.get(f"/documents/{document.id}/versions/1/pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    words_of_the_document = set(WORD.findall(docx_text(document.current_version.read_bytes())))
    pdf = _pdf_text(response.data, tmp_path)
    split = sorted({word for word in WORD.findall(pdf) if word not in words_of_the_document})
    assert not split, f"pieces of words in the PDF: {split}"
    for header in ("Сумма", "баллов", "Средний", "Против", "Воздержались", "Константинопольская", "работодатель"):
        assert header in WORD.findall(pdf)
