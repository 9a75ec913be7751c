"""The demo college (`flask seed-demo`), seeded once per worker into a database of its own, for the tests of the demo.

Seeding takes seconds (a whole college with its papers); the tests that ask for ``demo_college`` share one xdist
worker (tests/conftest.py groups them), and each runs on the seeded database in a transaction rolled back at its
end, so it may change what it likes.
"""
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.documents.pdf import EXTENSION_KEY
from app.extensions import db
from tests.databases import drop_postgres_database, recreate_postgres_database
from tests.documents.fixtures import FakeConverter
from tests.isolation import Sandbox, outer_transaction, running_in


@dataclass
class DemoCollege:
    """The demo college as `flask seed-demo --password demo-parol-2026` made it, committed in a database of its own.

    ``result`` is what the command answered; ``converter`` the PDF converter it had (it counts conversions:
    seeding must make none)."""

    result: object
    converter: object
    engine: sa.engine.Engine
    upload_root: Path

    @contextmanager
    def sandbox(self):
        with outer_transaction(self.engine) as connection:
            yield Sandbox(connection, self.upload_root)


DEMO_PASSWORD = "demo-parol-2026"


@pytest.fixture(scope="session")
def demo_college(worker_app, database_url, tmp_path_factory):
    """Seeded once per worker (the tests that ask for it share one worker); each of its tests runs on it in a
    transaction rolled back at its end, so they may change it as they like."""
    folder = tmp_path_factory.mktemp("demo-college")
    url = sa.make_url(database_url)
    if url.get_backend_name() == "sqlite":
        url = url.set(database=str(folder / "demo.sqlite"))
    else:
        url = url.set(database=f"{url.database}_demo")
        recreate_postgres_database(url)
    engine = sa.create_engine(url, **worker_app.config["SQLALCHEMY_ENGINE_OPTIONS"])
    db.metadata.create_all(engine)
    demo = DemoCollege(None, FakeConverter(), engine, folder / "uploads")
    with outer_transaction(engine, commit=True) as connection:
        sandbox = Sandbox(connection, demo.upload_root, extensions={EXTENSION_KEY: demo.converter})
        with running_in(worker_app, sandbox):
            demo.result = worker_app.test_cli_runner().invoke(args=["seed-demo", "--password", DEMO_PASSWORD])
    yield demo
    engine.dispose()
    if url.get_backend_name() != "sqlite":
        drop_postgres_database(url)
