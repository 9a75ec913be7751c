"""Fixtures of the bases (tests/factories.py) for the people tests."""
from tests.factories import bases_world  # noqa: F401
