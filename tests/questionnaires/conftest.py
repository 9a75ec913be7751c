"""Fixtures of the questionnaires' tests (tests/questionnaires/fixtures.py)."""
from tests.factories import bases_world  # noqa: F401
from tests.questionnaires.fixtures import curator, quest  # noqa: F401
