"""Fixtures of the audit tests: the PDF converter stands in (the demo issues documents)."""
from tests.documents.fixtures import fake_pdf  # noqa: F401
