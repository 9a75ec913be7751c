"""Run the whole suite on SQLite and, in the same run, on PostgreSQL when one is available.

PostgreSQL is used when TEST_DATABASE_URL is set, or when a server answers at 127.0.0.1:5432
(user postgres): then a throw-away database is created for this run and dropped after it.
Extra arguments go to pytest. The summary says which databases ran and how each ended.
"""
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def main(pytest_args):
    if not Path("/usr/bin/chromium").exists() and not os.environ.get("CHROMIUM_PATH"):
        print("Нет /usr/bin/chromium для браузерных тестов: выполните `make test` от root на Debian/Ubuntu "
              "или установите пакет chromium.", file=sys.stderr)
        return 1
    results = [("SQLite", run_pytest(pytest_args, {}))]
    postgres_url, throwaway = postgres_target()
    if postgres_url:
        try:
            results.append((f"PostgreSQL ({postgres_url.rsplit('/', 1)[-1]})",
                            run_pytest(pytest_args, {"TEST_DATABASE_URL": postgres_url})))
        finally:
            if throwaway:
                drop_database(postgres_url)
    else:
        print("\nPostgreSQL не найден (нет TEST_DATABASE_URL и сервера на 127.0.0.1:5432): пропущен.")
    print("\n" + "=" * 60)
    for name, (code, seconds) in results:
        print(f"{name:<40} {'OK' if code == 0 else 'ОШИБКИ'}  ({seconds:.0f} с)")
    print("=" * 60)
    return max(code for _, (code, _) in results)


def run_pytest(pytest_args, extra_env):
    env = {**os.environ, **extra_env}
    database = "PostgreSQL" if extra_env else "SQLite"
    print(f"\n=== Тесты на {database} ===", flush=True)
    workers = ["-n", os.environ.get("TEST_WORKERS", "2")] if "-n" not in pytest_args else []
    started = time.monotonic()
    code = subprocess.call([sys.executable, "-m", "pytest", *workers, *pytest_args], cwd=ROOT, env=env)
    return code, time.monotonic() - started


def postgres_target():
    """(url, created_here): the database to test on, or (None, False)."""
    if os.environ.get("TEST_DATABASE_URL"):
        return os.environ["TEST_DATABASE_URL"], False
    if not port_open("127.0.0.1", 5432):
        return None, False
    import sqlalchemy as sa

    name = f"nastav_test_{secrets.token_hex(4)}"
    engine = sa.create_engine(LOCAL_POSTGRES, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as error:
        print(f"PostgreSQL на 127.0.0.1:5432 не принял подключение как postgres: {error}", file=sys.stderr)
        return None, False
    finally:
        engine.dispose()
    return LOCAL_POSTGRES.rsplit("/", 1)[0] + "/" + name, True


def drop_database(url):
    import sqlalchemy as sa

    name = url.rsplit("/", 1)[-1]
    engine = sa.create_engine(LOCAL_POSTGRES, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def port_open(host, port):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


if __name__ == "__main__":
    shutil.rmtree(ROOT / ".pytest_cache", ignore_errors=True)
    sys.exit(main(sys.argv[1:]))
