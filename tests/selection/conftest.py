"""Fixtures of the selection tests (tests/selection/fixtures.py) and the bases' factories."""
from tests.factories import bases_world  # noqa: F401
from tests.selection.fixtures import candidate, composition, meeting, on_agenda, people  # noqa: F401
