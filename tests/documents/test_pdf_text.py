"""Every paper in PDF, read back with pdftotext as a lawyer would read the print: it says what the DOCX says, and its
tables break lines between words, never inside one («Сум ма балл ов») — the commission's protocol with long names and
words in its narrow vote columns above all.

LibreOffice converts each paper once in this module; every word pdftotext reads must be a word of the document as
issued (a compound broken at its own hyphen counts as itself).
"""
import re
import subprocess

from app.documents.kinds import all_kinds, get_kind
from app.documents.services import issue_document
from app.extensions import db
from tests.documents.helpers import docx_text
from tests.regulation import appendix_headings

LONG_CANDIDATES = [
    {"name": "Константинопольская Анастасия Александровна", "position": "мастер производственного обучения",
     "form": "работодатель – студент", "total_score": 31, "average": "1,29", "votes_for": 3, "votes_against": 1,
     "votes_abstained": 0, "decision": "рекомендовать к включению в реестр наставников"},
    {"name": "Черных Алексей Викторович", "position": "студент группы ТМ-31",
     "form": "преподаватель – преподаватель", "total_score": 9, "average": "0,38", "votes_for": 0,
     "votes_against": 3, "votes_abstained": 1, "decision": "отказать во включении в реестр наставников"},
]
#: The bases' data cells are as narrow as fifteen columns of Приложение 4 leave: a long link or word in them may
#: break; their headings may not.
BASES = {"mentee_base": 3, "mentor_base": 4}

WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")


def _pdf_text(data, tmp_path):
    path = tmp_path / "paper.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _words(docx):
    """The document's words, and its hyphenated compounds written whole (a line may break at their hyphen)."""
    text = docx_text(docx)
    words = set(WORD.findall(text))
    words |= {compound.replace("-", "") for compound in re.findall(r"[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁёA-Za-z]+)+", text)}
    return words


def _pdf(client, document, tmp_path):
    response = client.get(f"/documents/{document.id}/versions/1/pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    return _pdf_text(response.data, tmp_path)


def test_no_word_of_the_protocol_is_split_across_lines_in_pdf(app, client, auth, secretary, real_pdf, tmp_path):
    values = {**get_kind("commission_protocol").example_values(), "candidates": LONG_CANDIDATES}
    document = issue_document("commission_protocol", values, secretary)
    db.session.commit()
    auth.login_as(secretary)
    pdf = _pdf(client, document, tmp_path)
    words = _words(document.current_version.read_bytes())
    split = sorted({word for word in WORD.findall(pdf) if word not in words})
    assert not split, f"pieces of words in the PDF: {split}"
    for header in ("Сумма", "баллов", "Средний", "Против", "Воздержались", "Константинопольская", "работодатель"):
        assert header in WORD.findall(pdf)


def test_every_paper_reads_in_pdf_as_in_docx_and_breaks_no_word(app, client, auth, secretary, real_pdf, tmp_path):
    auth.login_as(secretary)
    for kind in all_kinds():
        document = issue_document(kind.code, kind.example_values(), secretary)
        db.session.commit()
        docx = document.current_version.read_bytes()
        pdf = _pdf(client, document, tmp_path)
        if kind.code in BASES:
            headings = " ".join(pdf.split())
            for heading in appendix_headings(BASES[kind.code]):
                assert heading in headings, f"{kind.code}: «{heading}» is not whole in the PDF"
            continue
        words = _words(docx)
        split = sorted({word for word in WORD.findall(pdf) if word not in words})
        assert not split, f"{kind.code}: pieces of words in the PDF: {split}"
        printed = pdf.replace("-", "")
        missing = [word for word in set(WORD.findall(docx_text(docx))) if word not in printed]
        assert not missing, f"{kind.code}: not in the PDF: {missing}"
