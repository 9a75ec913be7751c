"""The document engine's fixtures (tests/documents/fixtures.py); ZIPs are built inline in these tests."""
import pytest

from tests.documents.fixtures import converter_dir, fake_pdf, real_pdf, secretary  # noqa: F401


@pytest.fixture(autouse=True)
def _inline_jobs(app):
    app.config["DOCUMENTS_BACKGROUND_JOBS"] = False
