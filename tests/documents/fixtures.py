"""Fixtures of the document engine's tests, importable by the browser tests too.

LibreOffice is started at most once per test session: ``real_pdf`` points the app at one converter whose state
lives in the session's temporary folder, and stops it at the end; the tests that use it share one xdist worker
(tests/conftest.py groups them), so a run starts one LibreOffice, not one per worker.
Tests that do not need a real PDF get ``fake_pdf``, which answers instantly.
"""
from pathlib import Path

import pytest

from app.core.roles import Role
from app.documents.converter import ConverterError, PdfConverter
from app.documents.pdf import EXTENSION_KEY, make_converter

FAKE_PDF = b"%PDF-1.4\n% fake pdf for tests\n%%EOF\n"


class FakeConverter:
    """Answers a fixed PDF, or fails with ``error`` when set; counts the conversions."""

    def __init__(self):
        self.calls = 0
        self.error = None

    def convert(self, docx: bytes) -> bytes:
        self.calls += 1
        if self.error:
            raise ConverterError(self.error)
        return FAKE_PDF


@pytest.fixture(scope="session")
def converter_dir(tmp_path_factory):
    """The converter's folder for the session (its tests share one worker); at the end LibreOffice is stopped,
    and it is checked that no process of it is left."""
    path = tmp_path_factory.mktemp("pdf-converter")
    yield path
    PdfConverter(path, "unused").stop()
    left = processes_using(path)
    assert not left, f"LibreOffice left running after the tests: {left}"


def processes_using(path):
    """Processes whose command line names ``path`` (unoserver and soffice get their profile under it)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[-1].split()[0]
        except OSError:
            continue
        if str(path) in command and state not in ("Z", "X"):
            found.append(f"{entry.name}: {command[:120]}")
    return found


@pytest.fixture
def real_pdf(app, converter_dir):
    """The app converts with a real LibreOffice, shared by the whole session."""
    app.config["PDF_CONVERTER_DIR"] = str(converter_dir)
    app.extensions[EXTENSION_KEY] = make_converter(app.config)
    return app.extensions[EXTENSION_KEY]


@pytest.fixture
def fake_pdf(app):
    converter = FakeConverter()
    app.extensions[EXTENSION_KEY] = converter
    return converter


@pytest.fixture
def secretary(make_user):
    return make_user(Role.SECRETARY, email="belova@kmt.test", last_name="Белова", first_name="Ирина",
                     middle_name="Сергеевна")
