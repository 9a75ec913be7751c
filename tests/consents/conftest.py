"""Fixtures of the papers' tests (tests/applications/fixtures.py), the bases' factories and the selection's (a
withdrawn consent is flagged on the commission's pages too)."""
from tests.applications.fixtures import clerk, staff  # noqa: F401
from tests.factories import bases_world  # noqa: F401
from tests.selection.fixtures import candidate, composition, meeting, on_agenda, people  # noqa: F401
