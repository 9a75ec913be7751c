"""Fixtures of the papers' tests (importable by the consents', partners' and browser tests): who prints, who
enters, an upload as a browser sends it."""
import io

import pytest
from werkzeug.datastructures import FileStorage

from app.core.roles import Role


@pytest.fixture
def clerk(make_user):
    return make_user(Role.SECRETARY, email="belova@kmt.test", last_name="Белова", first_name="Ирина",
                     middle_name="Сергеевна")


@pytest.fixture
def staff(make_user):
    return make_user(Role.STAFF, email="kuznetsova@kmt.test", last_name="Кузнецова", first_name="Марина",
                     middle_name="Андреевна")


def upload(data, name, content_type="application/octet-stream"):
    return FileStorage(stream=io.BytesIO(data), filename=name, content_type=content_type)
