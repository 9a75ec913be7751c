"""Fixtures of the pairs tests: the bases' factories and a secretary who issues the orders."""
import pytest

from app.core.roles import Role
from tests.factories import bases_world  # noqa: F401


@pytest.fixture
def secretary(make_user):
    return make_user(Role.SECRETARY, email="belova@kmt.ru", last_name="Белова", first_name="Ирина",
                     middle_name="Сергеевна")


@pytest.fixture
def curator(make_user):
    return make_user(Role.CURATOR, email="morozova@kmt.ru", last_name="Морозова", first_name="Ольга",
                     middle_name="Николаевна")
