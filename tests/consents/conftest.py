"""Fixtures of the papers' tests (tests/applications/fixtures.py) and the bases' factories."""
from tests.applications.fixtures import clerk, staff  # noqa: F401
from tests.factories import bases_world  # noqa: F401
