"""How a test gets a database of its own in milliseconds: a transaction on one connection, rolled back at its end.

The schema is built once per worker. A test then runs inside a transaction that nobody commits: the app's
``db.session`` is bound to that connection with ``join_transaction_mode="create_savepoint"``, so every
``commit()`` the code under test makes releases a SAVEPOINT and every ``rollback()`` returns to one — the code
commits and rolls back as it does in production, and the test's end throws it all away.

A world that many tests only start from (the role matrix's, the demo college) is built once inside an outer
transaction; each of its tests runs in a SAVEPOINT of it (``savepoint``) and leaves it as it found it.

Code that commits from another thread or process (a live server, a background job, two processes racing
for a number) cannot see an uncommitted transaction: such tests are marked ``real_commits`` and really
commit; ``empty_all_tables`` then cleans up after them.
"""
from contextlib import contextmanager

import sqlalchemy as sa
from flask_sqlalchemy.session import Session as FlaskSession

from app.extensions import db


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
