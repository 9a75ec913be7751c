"""What the benchmarks of one domain's pages share: an app on an emptied database, a curator's logged-in client,
and timing a list of pages (warmed up, ``repeats`` requests each; median, p95 and the slowest printed against the
goal)."""
import argparse
import gc
import statistics
import tempfile
import time
from pathlib import Path

from app import create_app
from app.accounts import services as accounts
from app.core.roles import Role
from app.extensions import db


def bench_app(prefix, description):
    """An app on an emptied database: ``--database-url``, else a new SQLite file in a temporary folder."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--database-url", help="a database to fill (it is emptied first); SQLite by default")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    url = args.database_url or f"sqlite:///{folder / 'bench.sqlite'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "UPLOAD_ROOT": str(folder / "up"),
                      "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000", "WTF_CSRF_ENABLED": False})
    with app.app_context():
        db.drop_all()
        db.create_all()
    return app


def curator_client(app):
    """A test client logged in as a curator (call inside the app context)."""
    client = app.test_client()
    user, _ = accounts.create_user(email="bench@kmt.example", last_name="Замеров", first_name="Пётр",
                                   roles=[Role.CURATOR], password="bench-parol-1")
    db.session.commit()
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
    return client


def time_pages(client, pages, *, repeats, goal_ms, width=48):
    """Print each page's figures; return how many missed ``goal_ms`` at p95."""
    print(f"\n{'Страница':<{width}} {'медиана, мс':>12} {'p95, мс':>9} {'макс., мс':>10}   цель: p95 < {goal_ms} мс")
    failed = 0
    for path in pages:
        for _ in range(3):
            assert client.get(path).status_code == 200, path
        gc.collect()
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        p95 = statistics.quantiles(timings, n=20)[18]
        ok = p95 < goal_ms
        failed += not ok
        print(f"{path:<{width}} {statistics.median(timings):>12.1f} {p95:>9.1f} {max(timings):>10.1f}   "
              f"{'да' if ok else 'НЕТ'}")
    return failed
