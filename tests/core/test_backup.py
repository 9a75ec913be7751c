"""`flask --app wsgi backup create|restore`: data made through the services come back row for row and byte for
byte in a fresh instance (issue 11), on the database the suite runs on (SQLite and PostgreSQL)."""
import secrets

import pytest
import sqlalchemy as sa

from app import create_app
from app.core import storage
from app.extensions import db
from tests.factories import make_mentee, make_mentor, make_partner, make_person, make_year


def fresh_app(database_url, folder):
    return create_app({"TESTING": True, "SECRET_KEY": "restore", "SQLALCHEMY_DATABASE_URI": database_url,
                       "UPLOAD_ROOT": str(folder / "uploads")})


def table_rows():
    """{table: sorted rows} of every table of the current app's database."""
    with db.engine.connect() as connection:
        return {table.name: sorted(map(tuple, connection.execute(sa.select(table))), key=repr)
                for table in db.metadata.sorted_tables}


def stored_bytes():
    root = storage.upload_root()
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}


@pytest.fixture
def fresh_database(database_url, tmp_path):
    """An empty database of the same kind as the suite's."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored.sqlite'}"
        return
    url = sa.make_url(database_url)
    fresh = url.set(database=f"{url.database}_restore_{secrets.token_hex(3)}")
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{fresh.database}"'))
    yield fresh.render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{fresh.database}" WITH (FORCE)'))
    admin.dispose()


def damaged_copy(archive, tmp_path):
    """The archive with one byte of its database flipped."""
    data = bytearray(archive.read_bytes())
    marker = data.find(b"SQLite format 3") if b"SQLite format 3" in data else data.find(b"PGDMP")
    data[marker + 600] ^= 0xFF
    damaged = tmp_path / "damaged.tar"
    damaged.write_bytes(bytes(data))
    return damaged


@pytest.mark.real_commits
def test_backup_and_restore_round_trip_every_row_and_file(app, runner, tmp_path, fresh_database):
    year = make_year()
    make_mentor(year=year)  # registered: his papers are issued documents with signed scans (files)
    make_mentee(person=make_person(last_name="Ощепкова", first_name="Дарья", middle_name="Олеговна"), year=year,
                papers=True)
    make_partner()
    db.session.commit()
    rows, files = table_rows(), stored_bytes()
    assert files and sum(map(len, rows.values())) > 30
    archive = tmp_path / "nastav.backup.tar"
    result = runner.invoke(args=["backup", "create", str(archive)])
    assert result.exit_code == 0, result.output
    assert f"файлов: {len(files)}" in result.output

    restored = fresh_app(fresh_database, tmp_path / "restored")
    with restored.app_context():
        cli = restored.test_cli_runner()
        result = cli.invoke(args=["backup", "restore", str(damaged_copy(archive, tmp_path))])
        assert result.exit_code == 1 and "повреждён" in result.output  # checked before anything is restored
        result = cli.invoke(args=["backup", "restore", str(archive)])
        assert result.exit_code == 0, result.output
        assert "всё сверено с описью" in result.output
        assert table_rows() == rows
        assert stored_bytes() == files
        again = cli.invoke(args=["backup", "restore", str(archive)])
        assert again.exit_code == 1 and "не пустая" in again.output  # never over existing data
        db.engine.dispose()
