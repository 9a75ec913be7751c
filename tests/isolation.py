"""How a test gets a database of its own in milliseconds: a transaction on one connection, rolled back at its end.

The schema is built once per worker. A test then runs inside a transaction that nobody commits: the app's
``db.session`` is bound to that connection with ``join_transaction_mode="create_savepoint"``, so every
``commit()`` the code under test makes releases a SAVEPOINT and every ``rollback()`` returns to one — the code
commits and rolls back as it does in production, and the test's end throws it all away.

A world that many tests start from (the role matrix's) is built once inside an outer transaction
(``shared_world``); each of its tests runs in a SAVEPOINT of it and leaves it as it found it. (The demo college
is committed once in a database of its own: tests/demo_college.py.)

Code that commits from another thread or process (a live server, a background job, two processes racing
for a number) cannot see an uncommitted transaction: such tests are marked ``real_commits`` and really
commit; ``empty_all_tables`` then cleans up after them.
"""
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from flask_sqlalchemy.session import Session as FlaskSession

from app.extensions import db, limiter


class ConnectionBoundSession(FlaskSession):
    """Flask-SQLAlchemy's session, except that a connection given as ``bind`` wins over the app's engine.

    Flask-SQLAlchemy's ``get_bind`` returns the app's engine whatever ``bind`` the session was made with; the
    test's connection must win, or the session would open a connection of its own outside the transaction.
    """

    def get_bind(self, mapper=None, clause=None, bind=None, **kwargs):
        if bind is None and isinstance(self.bind, sa.engine.Connection):
            return self.bind
        return super().get_bind(mapper=mapper, clause=clause, bind=bind, **kwargs)


@contextmanager
def outer_transaction(engine, commit=False):
    """A connection inside a transaction that is rolled back when the block ends (committed if ``commit``)."""
    connection = engine.connect()
    driver = connection.connection.driver_connection
    sqlite = engine.dialect.name == "sqlite"
    if sqlite:
        # pysqlite starts transactions late and commits on a RELEASE of the first SAVEPOINT; SQLAlchemy's
        # documented recipe: let the driver do nothing on its own and say BEGIN ourselves (this connection only).
        driver.isolation_level = None
    transaction = connection.begin()
    if sqlite:
        connection.exec_driver_sql("BEGIN")
    try:
        yield connection
        if commit:
            transaction.commit()
    finally:
        if transaction.is_active:
            transaction.rollback()
        if sqlite:
            driver.isolation_level = ""  # back to pysqlite's default before the pool hands it out again
        connection.close()


@contextmanager
def savepoint(connection):
    """A SAVEPOINT on ``connection``, rolled back when the block ends: the world outside it stays as it was."""
    nested = connection.begin_nested()
    try:
        yield connection
    finally:
        if nested.is_active:
            nested.rollback()


@contextmanager
def session_bound_to(connection):
    """``db.session`` works inside ``connection``'s transaction: commits release SAVEPOINTs, nothing more."""
    original = db.session
    db.session = db._make_scoped_session({"class_": ConnectionBoundSession, "bind": connection,
                                          "join_transaction_mode": "create_savepoint"})
    try:
        yield db.session
    finally:
        db.session.remove()
        db.session = original


def empty_all_tables():
    """Delete every row (children first), committed: the clean-up after a ``real_commits`` test."""
    db.session.remove()
    with db.engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(table.delete())


@dataclass
class Sandbox:
    """Where a test's data lives: a connection inside a transaction (None: real commits), the upload folder, and
    what a shared world set in the app's config and extensions (kept for each of its tests)."""

    connection: sa.engine.Connection | None
    upload_root: Path
    config: dict = field(default_factory=dict)
    extensions: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)

    @contextmanager
    def savepoint(self):
        """The same world for one test, whose changes are rolled back at its end."""
        with savepoint(self.connection):
            yield self


@contextmanager
def app_state_restored(app):
    """Whatever a test sets in the shared app's config or extensions, and the rate limits it used, go away."""
    config, extensions = dict(app.config), dict(app.extensions)
    try:
        yield app
    finally:
        app.config.clear()
        app.config.update(config)
        app.extensions.clear()
        app.extensions.update(extensions)
        limiter.reset()


@contextmanager
def running_in(app, sandbox):
    """The app's context, its uploads and config as ``sandbox`` says, and ``db.session`` inside its transaction."""
    with app_state_restored(app):
        app.config.update(sandbox.config, UPLOAD_ROOT=str(sandbox.upload_root))
        app.extensions.update(sandbox.extensions)
        with app.app_context():
            if sandbox.connection is None:
                try:
                    yield app
                finally:
                    empty_all_tables()
            else:
                with session_bound_to(sandbox.connection):
                    yield app


@contextmanager
def shared_world(worker_app, worker_engine, upload_root, build):
    """A world built once by ``build()`` (in the app's context) and kept in a transaction that is rolled back
    when the block ends; yields the Sandbox its tests run in, each in a savepoint (``sandbox.savepoint()``)."""
    with outer_transaction(worker_engine) as connection:
        sandbox = Sandbox(connection, Path(upload_root))
        config, extensions = dict(worker_app.config), dict(worker_app.extensions)
        with running_in(worker_app, sandbox):
            sandbox.data = build() or {}
            db.session.commit()
            sandbox.config = {key: value for key, value in worker_app.config.items()
                              if key != "UPLOAD_ROOT" and config.get(key, _MISSING) is not value}
            sandbox.extensions = {key: value for key, value in worker_app.extensions.items()
                                  if extensions.get(key, _MISSING) is not value}
        yield sandbox


_MISSING = object()
