"""Fixtures of the security suite: accounts of each role, and what is stored (rows and files) to compare."""
import pytest
from sqlalchemy import func, select

from app.core import storage
from app.core.roles import Role
from app.extensions import db


@pytest.fixture
def curator(auth, make_user):
    user = make_user(Role.CURATOR, email="curator@security.test")
    auth.login_as(user)
    return user


def stored_files():
    """Every file under UPLOAD_ROOT (relative paths), temporary ones included."""
    root = storage.upload_root()
    if not root.exists():
        return set()
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def row_counts():
    """{table: rows} of every table: "nothing stored" is checked against all of them."""
    with db.engine.connect() as connection:
        return {table.name: connection.scalar(select(func.count()).select_from(table))
                for table in db.metadata.sorted_tables}


def snapshot():
    """What is stored now: (rows per table, files)."""
    return row_counts(), stored_files()


def assert_nothing_stored(before, ignore=("audit_event",)):
    """No row (but the audit trail's) and no file appeared since ``before = snapshot()``."""
    before_rows, before_files = before
    after_rows = row_counts()
    changed = {name: (before_rows[name], after_rows[name]) for name in after_rows
               if after_rows[name] != before_rows[name] and name not in ignore}
    assert not changed, f"rows added: {changed}"
    new_files = stored_files() - before_files
    assert not new_files, f"files left: {sorted(new_files)}"


@pytest.fixture(autouse=True)
def _postgres_only(request, database_url):
    """Tests marked postgres_only (real concurrency: row locks, two connections writing) skip on SQLite."""
    if request.node.get_closest_marker("postgres_only") and not database_url.startswith("postgresql"):
        pytest.skip("нужен PostgreSQL: на SQLite пишет только одно соединение за раз")


from tests.factories import bases_world  # noqa: E402, F401
from tests.security.concurrency import race  # noqa: E402, F401
from tests.selection.fixtures import candidate, composition, meeting, on_agenda, people  # noqa: E402, F401
