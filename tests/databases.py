"""Throw-away PostgreSQL databases for the tests (created through the server's ``postgres`` database)."""
from contextlib import contextmanager

import sqlalchemy as sa


def recreate_postgres_database(url):
    """An empty database named as ``url`` says (dropped first if a previous run left it)."""
    with _admin(url) as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        connection.execute(sa.text(f'CREATE DATABASE "{url.database}"'))


def drop_postgres_database(url):
    """Drop it (PostgreSQL waits for a checkpoint: seconds on a busy server, so tests make few databases)."""
    with _admin(url) as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))


@contextmanager
def _admin(url):
    engine = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()
