"""Migration 0061: every mentee-row mentor link becomes a pairing with the same dates and state, nothing lost."""
from datetime import date

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from app import create_app
from app.extensions import db
from tests.conftest import make_test_config

NOW = "2026-09-01 10:00:00"


def _insert(connection, table, **values):
    columns = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    return connection.execute(sa.text(f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING id"),
                              values).scalar_one()


def _person(connection, last_name):
    return _insert(connection, "person", birth_date=date(2006, 1, 1), category="student", search_name=last_name.lower(),
                   last_name=last_name, first_name="Иван", gender="male", name_forms="{}", created_at=NOW,
                   updated_at=NOW)


def _dated(row):
    """Dates as dates (SQLite gives them back as text)."""
    return tuple(value if index < 3 or value is None or isinstance(value, date) else date.fromisoformat(str(value))
                 for index, value in enumerate(row))


def test_mentor_links_become_pairings_with_their_dates_and_states(empty_database_url, tmp_path):
    app = create_app(make_test_config(empty_database_url, tmp_path))
    with app.app_context():
        upgrade(revision="0060")
        with db.engine.begin() as connection:
            form = connection.execute(sa.text("SELECT id FROM mentorship_form WHERE code = 'student_student'")).scalar()
            year = _insert(connection, "program_year", title="2026/2027", start_date=date(2026, 9, 1),
                           end_date=date(2027, 8, 31), stage="work", status="open", is_current=True, created_at=NOW,
                           updated_at=NOW)
            common = {"program_year_id": year, "created_at": NOW, "updated_at": NOW}
            mentor = _insert(connection, "mentor_participation", person_id=_person(connection, "Наставников"),
                             entry_date=date(2026, 9, 10), category="student", mentorship_form_id=form,
                             competencies="x", status="registered", **common)
            mentees = {}
            for name, status, end in (("Парный", "paired", None), ("Прошедший", "completed", date(2027, 5, 20)),
                                      ("Выбывший", "withdrawn", date(2026, 11, 2))):
                mentees[status] = _insert(connection, "mentee_participation", person_id=_person(connection, name),
                                          entry_date=date(2026, 9, 15), end_date=end, category="student",
                                          main_request="x", mentorship_form_id=form, mentor_id=mentor, status=status,
                                          **common)
            _insert(connection, "mentee_participation", person_id=_person(connection, "Ожидающий"),
                    entry_date=date(2026, 9, 15), category="student", main_request="x", status="waiting", **common)
        upgrade()
        with db.engine.connect() as connection:
            rows = connection.execute(sa.text(
                "SELECT m.mentee_id, p.mentor_id, p.kind, p.state, p.starts_on, p.planned_end_on, p.ended_on, "
                "m.joined_on, m.left_on FROM pairing p JOIN pairing_member m ON m.pairing_id = p.id")).all()
        found = {row[0]: row[1:] for row in rows}
        assert len(found) == 3  # the waiting mentee has no pair
        paired, completed, withdrawn = (_dated(found[mentees[status]]) for status in ("paired", "completed",
                                                                                        "withdrawn"))
        assert paired == (mentor, "pair", "active", date(2026, 9, 15), date(2027, 8, 31), None, date(2026, 9, 15),
                          None)
        assert completed == (mentor, "pair", "completed", date(2026, 9, 15), date(2027, 5, 20), date(2027, 5, 20),
                             date(2026, 9, 15), date(2027, 5, 20))
        assert withdrawn[2:] == ("ended_early", date(2026, 9, 15), date(2026, 11, 2), date(2026, 11, 2),
                                 date(2026, 9, 15), date(2026, 11, 2))
        downgrade(revision="0060")
        with db.engine.connect() as connection:
            back = dict(connection.execute(sa.text(
                "SELECT id, mentor_id FROM mentee_participation WHERE mentor_id IS NOT NULL")).all())
        assert back == {mentees[status]: mentor for status in ("paired", "completed", "withdrawn")}
        db.engine.dispose()
