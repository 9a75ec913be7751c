"""Fixtures of the selection tests: the bases' factories and a ready set of commission accounts."""
from datetime import date

import pytest

from app.core.roles import Role
from app.extensions import db
from tests.factories import bases_world  # noqa: F401

POSITIONS = {"director": "директор", "curator": "заместитель директора по УВР", "secretary": "секретарь учебной части",
             "staff": "социальный педагог"}


@pytest.fixture
def people(app, make_user):
    """Accounts for a commission: the director, the curator, four teachers, a secretary, an outsider."""
    accounts = {
        "director": make_user(Role.DIRECTOR, Role.COMMISSION, email="director@kmt.ru", last_name="Гордеева",
                              first_name="Светлана", middle_name="Александровна"),
        "curator": make_user(Role.CURATOR, Role.COMMISSION, email="curator@kmt.ru", last_name="Морозова",
                             first_name="Ольга", middle_name="Николаевна"),
        "lebedev": make_user(Role.COMMISSION, email="lebedev@kmt.ru", last_name="Лебедев", first_name="Дмитрий",
                             middle_name="Игоревич"),
        "vasilyeva": make_user(Role.COMMISSION, email="vasilyeva@kmt.ru", last_name="Васильева",
                               first_name="Наталья", middle_name="Юрьевна"),
        "orlov": make_user(Role.COMMISSION, email="orlov@kmt.ru", last_name="Орлов", first_name="Павел",
                           middle_name="Андреевич"),
        "zaitseva": make_user(Role.COMMISSION, email="zaitseva@kmt.ru", last_name="Зайцева", first_name="Юлия",
                              middle_name="Олеговна"),
        "secretary": make_user(Role.SECRETARY, email="secretary@kmt.ru", last_name="Белова", first_name="Ирина",
                               middle_name="Сергеевна"),
        "staff": make_user(Role.STAFF, email="staff@kmt.ru", last_name="Кузнецова", first_name="Марина",
                           middle_name="Андреевна"),
    }
    for name, user in accounts.items():
        user.position = POSITIONS.get(name, "преподаватель")
    db.session.commit()
    return accounts


ORDER_DATE = date(2026, 9, 1)
DEADLINE = date(2026, 9, 25)
