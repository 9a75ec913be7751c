"""Fixtures of the document engine's tests, importable by the browser tests too.

LibreOffice is started at most once per test session: ``real_pdf`` points the app at one converter whose state
lives in the session's temporary folder, and stops it at the end; the tests that use it share one xdist worker
(tests/conftest.py groups them), so a run starts one LibreOffice, not one per worker.
Tests that do not need a real PDF get ``fake_pdf``, which answers instantly.
"""

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
    converter = PdfConverter(path, "unused")
    converter.stop()
    left = converter.processes()
    assert not left, f"the PDF converter left processes behind: {left}"


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
