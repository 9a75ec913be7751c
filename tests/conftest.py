"""Fixtures in the style of Flask's tutorial: app, client, runner, auth; each test on a clean database.

The database is SQLite in a temporary folder, or PostgreSQL when TEST_DATABASE_URL is set
(scripts/run_tests.py sets it to a throw-away database). Under pytest-xdist each worker gets its own.
"""
import os

import pytest
import sqlalchemy as sa
from flask import g
from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer

from app import create_app
from app.core.roles import Role
from app.extensions import db
from tests.helpers import TEST_PASSWORD


@pytest.fixture(scope="session")
def database_url(tmp_path_factory, worker_id):
    base_url = os.environ.get("TEST_DATABASE_URL")
    if not base_url:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        return
    url = sa.make_url(base_url).set(drivername="postgresql+psycopg")
    if worker_id != "master":
        url = url.set(database=f"{url.database}_{worker_id}")
        _recreate_postgres_database(url)
    yield url.render_as_string(hide_password=False)
    if worker_id != "master":
        _drop_postgres_database(url)


def _admin_engine(url):
    return sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")


def _recreate_postgres_database(url):
    engine = _admin_engine(url)
    with engine.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        connection.execute(sa.text(f'CREATE DATABASE "{url.database}"'))
    engine.dispose()


def _drop_postgres_database(url):
    engine = _admin_engine(url)
    with engine.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    engine.dispose()


def make_test_config(database_url, tmp_path, **overrides):
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "UPLOAD_ROOT": str(tmp_path / "uploads"),
        # Fast hashing: the tests create many accounts; production uses scrypt.
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        "SERVER_NAME": None,
    }
    config.update(overrides)
    return config


@pytest.fixture(scope="session")
def _schema(database_url, tmp_path_factory):
    """Create the tables once per session; each test then empties them."""
    app = create_app(make_test_config(database_url, tmp_path_factory.mktemp("schema")))
    with app.app_context():
        db.drop_all()
        db.create_all()
        db.engine.dispose()
    return True


class CsrfClient(FlaskClient):
    """A test client that signs its form posts with a valid CSRF token, as a browser page would.

    Pass ``csrf=False`` to post without one (to test the refusal).
    """

    def open(self, *args, csrf=True, **kwargs):
        method = kwargs.get("method", "GET").upper()
        data = kwargs.get("data")
        if csrf and method in {"POST", "PUT", "PATCH", "DELETE"} and (data is None or isinstance(data, dict)):
            data = dict(data or {})
            data.setdefault("csrf_token", self.csrf_token())
            kwargs["data"] = data
        # The test's app context stays pushed between requests, so forget what a request kept in
        # ``g`` (the signed-in user, caches): each request must start as a browser's would.
        before = set(vars(g))
        try:
            return super().open(*args, **kwargs)
        finally:
            for key in set(vars(g)) - before:
                delattr(g, key)

    def csrf_token(self):
        app = self.application
        with self.session_transaction() as session:
            raw = session.setdefault("csrf_token", os.urandom(20).hex())
        serializer = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="wtf-csrf-token")
        return serializer.dumps(raw)


@pytest.fixture
def app(database_url, _schema, tmp_path):
    app = create_app(make_test_config(database_url, tmp_path))
    app.test_client_class = CsrfClient
    with app.app_context():
        yield app
        db.session.remove()
        _empty_all_tables()
        db.engine.dispose()


def _empty_all_tables():
    tables = list(reversed(db.metadata.sorted_tables))
    with db.engine.begin() as connection:
        for table in tables:
            connection.execute(table.delete())


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_user(app):
    """Factory: make_user(Role.CURATOR, email=...) -> a committed, active User with TEST_PASSWORD."""
    from app.accounts import services

    counter = iter(range(1, 10_000))

    def factory(*roles, email=None, last_name="Иванова", first_name="Мария", middle_name="Петровна",
                password=TEST_PASSWORD, active=True):
        roles = roles or (Role.STAFF,)
        email = email or f"user{next(counter)}-{'-'.join(str(r) for r in roles)}@kmt.test"
        user, _ = services.create_user(email=email, last_name=last_name, first_name=first_name,
                                       middle_name=middle_name, roles=roles, password=password)
        user.active = active
        db.session.commit()
        return user

    return factory


class AuthActions:
    def __init__(self, client):
        self._client = client

    def login(self, email, password=TEST_PASSWORD, **extra):
        """Log in through the real login form."""
        return self._client.post("/login", data={"email": email, "password": password, **extra})

    def login_as(self, user):
        """Start a session for ``user`` without the login form (fast; for tests about other pages)."""
        with self._client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True

    def logout(self):
        return self._client.post("/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)
