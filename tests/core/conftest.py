"""Fixtures of the core tests: the bases world, for a command run on a database with records."""
from tests.factories import bases_world  # noqa: F401
