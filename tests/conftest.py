"""Fixtures in the style of Flask's tutorial: app, client, runner, auth; each test on a database of its own.

The database is SQLite in a temporary folder (on tmpfs where there is one), or PostgreSQL when TEST_DATABASE_URL
is set (scripts/run_tests.py sets it to a throw-away database). Under pytest-xdist each worker gets its own.

Per worker, once: the app (``worker_app``) and the schema. Per test: a transaction rolled back at its end, the
app's config and extensions put back as they were, the rate limits forgotten, a fresh upload folder (how:
tests/isolation.py). The demo college is seeded once per worker (tests/demo_college.py). Tests marked
``real_commits`` (every test with a ``live_server``) commit for real and find the tables emptied after them;
tests marked ``own_app`` (they add routes) get an app of their own.
"""
import os
import tempfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from _pytest.nodeid import coerce_node_id
from flask import g
from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer

from app import create_app
from app.core.roles import Role
from app.extensions import db
from tests.databases import drop_postgres_database, recreate_postgres_database
from tests.demo_college import demo_college  # noqa: F401  (a fixture)
from tests.helpers import TEST_PASSWORD
from tests.isolation import Sandbox, outer_transaction, running_in

#: Where the session's temporary files go when the machine has it: a tmpfs, so the fsync of each SQLite commit
#: and of each stored file never waits on a disk shared with other work.
TMPFS = Path("/dev/shm")


def pytest_configure(config):
    if TMPFS.is_dir() and os.access(TMPFS, os.W_OK):
        tempfile.tempdir = str(TMPFS)


#: Fixtures whose tests run on one worker, so the expensive thing behind them is made once per run (pytest.ini
#: asks xdist for ``--dist loadgroup``, which spreads every other test one by one, as ``load`` does).
SHARED_BY_GROUP = {"demo_college": "demo-college", "real_pdf": "libreoffice"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark what the fixtures imply (a live server commits for real; shared worlds go to one worker), and start
    the long ones first, so that no worker is left running one at the end while the other waits. On PostgreSQL the
    tests marked ``one_database`` are left out: they ran on SQLite and nothing they check depends on the database."""
    if os.environ.get("TEST_DATABASE_URL"):
        kept = [item for item in items if not item.get_closest_marker("one_database")]
        if len(kept) < len(items):
            config.hook.pytest_deselected(items=[item for item in items if item.get_closest_marker("one_database")])
            items[:] = kept
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "live_server" in names:
            item.add_marker(pytest.mark.real_commits)
        groups = sorted(group for fixture_name, group in SHARED_BY_GROUP.items() if fixture_name in names)
        if groups:
            item.add_marker(pytest.mark.xdist_group("_".join(groups)))
            if getattr(config.option, "loadgroup", False):  # an xdist worker
                _name_the_group_in_the_nodeid(item, "_".join(groups))
    items.sort(key=_start_early_first)


def _start_early_first(item):
    """Shared worlds, then the long tests (browser ones, those marked ``slow``), then the rest in their order."""
    if item.get_closest_marker("xdist_group"):
        return 0
    return 1 if item.get_closest_marker("slow") or item.get_closest_marker("browser") else 2


def _name_the_group_in_the_nodeid(item, group):
    """xdist's scheduler finds a test's group after an "@" in its nodeid. pytest-xdist 3.8 writes it into
    ``item._nodeid``, which pytest 9.2 no longer reads (it keeps the id in ``item._id``): write it there."""
    if "@" not in item.nodeid and hasattr(item, "_id"):
        item._id = coerce_node_id(f"{item.nodeid}@{group}")


# The worker's database and app ------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def database_url(tmp_path_factory, worker_id):
    base_url = os.environ.get("TEST_DATABASE_URL")
    if not base_url:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        return
    url = sa.make_url(base_url).set(drivername="postgresql+psycopg")
    if worker_id != "master":
        url = url.set(database=f"{url.database}_{worker_id}")
        recreate_postgres_database(url)
    yield url.render_as_string(hide_password=False)
    if worker_id != "master":
        drop_postgres_database(url)


#: PostgreSQL need not wait for its disk at each commit of a test (a crash loses nothing a test needs).
POSTGRES_TEST_ENGINE_OPTIONS = {"pool_pre_ping": True, "connect_args": {"options": "-c synchronous_commit=off"}}


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
    if database_url.startswith("postgresql"):
        config["SQLALCHEMY_ENGINE_OPTIONS"] = POSTGRES_TEST_ENGINE_OPTIONS
    config.update(overrides)
    return config


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


def _new_app(database_url, tmp_path):
    app = create_app(make_test_config(database_url, tmp_path))
    app.test_client_class = CsrfClient
    return app


@pytest.fixture(scope="session")
def worker_app(database_url, tmp_path_factory):
    """The app every test of this worker uses (its config and extensions are put back after each test);
    the tables are created here, once."""
    app = _new_app(database_url, tmp_path_factory.mktemp("app"))
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def worker_engine(worker_app):
    with worker_app.app_context():
        return db.engine


@pytest.fixture(scope="session")
def _migrations_database(database_url):
    """PostgreSQL: a database per worker for the tests that run the migrations, made once (a DROP DATABASE waits
    for a checkpoint: seconds on a busy server); None on SQLite."""
    url = sa.make_url(database_url)
    if url.get_backend_name() == "sqlite":
        yield None
        return
    url = url.set(database=f"{url.database}_migrations")
    recreate_postgres_database(url)
    yield url
    drop_postgres_database(url)


@pytest.fixture
def empty_database_url(_migrations_database, tmp_path):
    """A database with nothing in it, for a test that builds the schema itself (``flask db upgrade``)."""
    if _migrations_database is None:
        yield f"sqlite:///{tmp_path / 'migrations.sqlite'}"
        return
    engine = sa.create_engine(_migrations_database, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    yield _migrations_database.render_as_string(hide_password=False)


# What a test runs in ----------------------------------------------------------------------------------------------

@pytest.fixture
def db_sandbox(request, worker_engine, tmp_path):
    """The test's own transaction, or the world it shares (a module overrides this fixture, or asks for
    ``demo_college``), or nothing for a ``real_commits`` test."""
    uploads = tmp_path / "uploads"
    if request.node.get_closest_marker("real_commits"):
        yield Sandbox(None, uploads)
    elif "demo_college" in request.fixturenames:
        with request.getfixturevalue("demo_college").sandbox() as sandbox:
            yield sandbox
    else:
        with outer_transaction(worker_engine) as connection:
            yield Sandbox(connection, uploads)


@pytest.fixture
def app(request, worker_app, db_sandbox, database_url, tmp_path):
    app = worker_app
    if request.node.get_closest_marker("own_app"):
        app = _new_app(database_url, tmp_path)
    with running_in(app, db_sandbox):
        yield app


# What tests use ---------------------------------------------------------------------------------------------------

@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def user_factory():
    """make_user(Role.CURATOR, email=...) -> a committed, active User with TEST_PASSWORD (needs an app context)."""
    from app.accounts import services

    counter = iter(range(1, 10_000))

    def make_user(*roles, email=None, last_name="Иванова", first_name="Мария", middle_name="Петровна",
                  password=TEST_PASSWORD, active=True):
        roles = roles or (Role.STAFF,)
        email = email or f"user{next(counter)}-{'-'.join(str(r) for r in roles)}@kmt.test"
        user, _ = services.create_user(email=email, last_name=last_name, first_name=first_name,
                                       middle_name=middle_name, roles=roles, password=password)
        user.active = active
        db.session.commit()
        return user

    return make_user


@pytest.fixture
def make_user(app):
    """Factory: make_user(Role.CURATOR, email=...) -> a committed, active User with TEST_PASSWORD."""
    return user_factory()


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


