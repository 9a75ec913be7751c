"""PDF: LibreOffice kept warm and shared (one per test session), PDFs kept, failures explained; HTML reports."""
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from xmlrpc.server import SimpleXMLRPCServer

import pytest
from sqlalchemy import select

from app.core.roles import Role
from app.documents.converter import ConverterError, PdfConverter
from app.documents.kinds import get_kind
from app.documents.models import DocumentPdf
from app.documents.prefill import Subject
from app.documents.reports import html_to_pdf, render_report
from app.documents.services import issue_document
from app.extensions import db
from tests.documents.helpers import make_docx
from tests.helpers import page_text


def pdf_text(data, tmp_path):
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_pdf_is_made_once_by_libreoffice_and_served_again_byte_for_byte(app, client, auth, secretary, real_pdf,
                                                                        tmp_path):
    document = issue_document("order_appoint_curator", get_kind("order_appoint_curator").example_values(), secretary)
    db.session.commit()
    auth.login_as(secretary)
    first = client.get(f"/documents/{document.id}/versions/1/pdf")
    assert first.status_code == 200 and first.data.startswith(b"%PDF") and first.mimetype == "application/pdf"
    assert first.headers["Content-Disposition"].startswith("attachment;")
    text = " ".join(pdf_text(first.data, tmp_path).split())
    assert "Морозову Ольгу Николаевну" in text and "№ 1-од" in text
    second = client.get(f"/documents/{document.id}/versions/1/pdf")
    assert second.data == first.data
    assert len(db.session.scalars(select(DocumentPdf)).all()) == 1


def test_a_converter_that_died_is_started_again(app, real_pdf):
    real_pdf.convert(make_docx("Первый"))
    before = real_pdf.status()
    os.killpg(before["pid"], signal.SIGKILL)
    time.sleep(0.2)
    assert real_pdf.convert(make_docx("Второй")).startswith(b"%PDF")
    assert real_pdf.status()["pid"] != before["pid"]


def test_a_hung_conversion_times_out_and_the_server_is_stopped(tmp_path):
    """A server that never answers: the conversion gives up after its timeout and the process group is killed."""
    server = SimpleXMLRPCServer(("127.0.0.1", 0), logRequests=False, allow_none=True)
    server.register_function(lambda *args: time.sleep(2), "convert")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stand_in = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "unoserver"],
                                start_new_session=True)
    _wait_until_exec(stand_in.pid, b"unoserver")  # until then /proc shows the forked pytest, not a server
    converter = PdfConverter(tmp_path, sys.executable, timeout=1)
    converter._write_state({"pid": stand_in.pid, "port": server.server_address[1], "profile": str(tmp_path / "p")})
    started = time.monotonic()
    with pytest.raises(ConverterError, match="не ответил за 1 с"):
        converter.convert(b"PK docx")
    assert time.monotonic() - started < 1.9
    assert stand_in.wait(timeout=5) is not None and converter.status() is None
    server.shutdown()


def test_a_missing_converter_is_explained(tmp_path):
    converter = PdfConverter(tmp_path, tmp_path / "no-python", timeout=5)
    with pytest.raises(ConverterError, match="make install"):
        converter.convert(b"PK")


def test_when_the_pdf_fails_the_docx_stays_issued_and_the_page_says_why(app, client, auth, secretary, fake_pdf):
    fake_pdf.error = "LibreOffice не запустился"
    document = issue_document("letter_of_thanks", get_kind("letter_of_thanks").example_values(), secretary)
    db.session.commit()
    auth.login_as(secretary)
    response = client.get(f"/documents/{document.id}/versions/1/pdf", follow_redirects=True)
    text = page_text(response)
    assert "PDF не сформирован: LibreOffice не запустился" in text and "DOCX выпущен" in text
    assert client.get(f"/documents/{document.id}/versions/1/docx").status_code == 200
    fake_pdf.error = None
    assert client.get(f"/documents/{document.id}/versions/1/pdf").data.startswith(b"%PDF")
    assert "PDF не сформирован" not in page_text(client.get(f"/documents/{document.id}"))


def test_template_preview_pdf_is_not_kept(app, client, auth, make_user, fake_pdf):
    auth.login_as(make_user(Role.ADMIN))
    response = client.get("/documents/templates/order_awards/preview.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF") and fake_pdf.calls == 1
    assert db.session.scalars(select(DocumentPdf)).first() is None
    fake_pdf.error = "сломался"
    response = client.get("/documents/templates/order_awards/preview.pdf", follow_redirects=True)
    assert "PDF не сформирован: сломался" in page_text(response)


def test_register_printout_is_a_pdf_with_values_escaped(app, client, auth, secretary, tmp_path):
    issue_document("letter_of_thanks", get_kind("letter_of_thanks").example_values(), secretary,
                   subjects=[Subject("person", 1, "student", "Черных <b>А.В.</b> & сын")])
    db.session.commit()
    auth.login_as(secretary)
    response = client.get("/documents/register.pdf?kind=letter_of_thanks")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    text = pdf_text(response.data, tmp_path)
    assert "реестр документов" in text and "Черных <b>А.В.</b> & сын" in text


def test_report_html_escapes_and_the_pdf_runs_no_javascript(app, tmp_path):
    html = render_report("register_report.html", documents=[], filters=_Filters(), truncated=False, limit=1,
                         today="2026-09-01", college_name="<script>x</script>")
    assert "&lt;script&gt;" in html
    pdf = html_to_pdf('<html><head><meta charset="utf-8"></head><body><p id="p">Без скрипта</p>'
                      '<script>document.getElementById("p").textContent = "СКРИПТ ВЫПОЛНЕН";</script></body></html>')
    assert "Без скрипта" in pdf_text(pdf, tmp_path)


def test_a_report_that_points_at_the_servers_files_is_refused_not_filled(app, tmp_path):
    from app.core.errors import RuleError
    secret = tmp_path / "secret.html"
    secret.write_text("<p>СЕКРЕТНЫЙ ФАЙЛ СЕРВЕРА</p>", encoding="utf-8")
    with pytest.raises(RuleError, match="PDF не сформирован"):  # local file access is off: it fails closed
        html_to_pdf(f'<html><head><meta charset="utf-8"></head><body><p>Отчёт</p>'
                    f'<iframe src="file://{secret}"></iframe></body></html>')


def test_missing_wkhtmltopdf_is_a_readable_error(app):
    from app.core.errors import RuleError
    app.config["WKHTMLTOPDF"] = "/nonexistent/wkhtmltopdf"
    with pytest.raises(RuleError, match="wkhtmltopdf"):
        html_to_pdf("<p>x</p>")


def _wait_until_exec(pid, word, seconds=10):
    deadline = time.monotonic() + seconds
    while word not in Path(f"/proc/{pid}/cmdline").read_bytes() and time.monotonic() < deadline:
        time.sleep(0.01)


class _Filters:
    def describe(self):
        return "все документы"
