"""Run the whole suite on SQLite and, in the same run, on PostgreSQL when one is available.

PostgreSQL is used when TEST_DATABASE_URL is set, or when a server answers at 127.0.0.1:5432
(user postgres): then a throw-away database is created for this run and dropped after it.
Extra arguments go to pytest. The summary says which databases ran, how each ended, how long it took and
how much processor time it used (on a machine shared with other work the second says more than the first).

``--fast`` (``make test-fast``) is the edit loop: SQLite only, stop at the first failure, and only the tests
of the domains changed since the branch left main (committed or not) plus the role matrix; a change to a
shared part (app/core, the app factory, base templates, migrations, tests' own fixtures…) runs everything.
"""
import os
import resource
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
    if "--fast" in pytest_args:
        pytest_args = [arg for arg in pytest_args if arg != "--fast"]
        paths = changed_test_paths()
        print("Быстрый прогон (SQLite, до первой ошибки): " + (" ".join(paths) if paths else "все тесты"))
        code, seconds, cpu = run_pytest(["-x", *pytest_args, *paths], {})
        print(f"\nSQLite: {'OK' if code == 0 else 'ОШИБКИ'} ({seconds:.0f} с, процессор {cpu:.0f} с)")
        return code
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
    print("\n" + "=" * 72)
    for name, (code, seconds, cpu) in results:
        print(f"{name:<40} {'OK' if code == 0 else 'ОШИБКИ'}  ({seconds:.0f} с, процессор {cpu:.0f} с)")
    print(f"{'Всего':<40}      ({sum(r[1] for _, r in results):.0f} с)")
    print("=" * 72)
    return max(code for _, (code, _, _) in results)


def run_pytest(pytest_args, extra_env):
    env = {**os.environ, **extra_env}
    database = "PostgreSQL" if extra_env else "SQLite"
    print(f"\n=== Тесты на {database} ===", flush=True)
    workers = ["-n", os.environ.get("TEST_WORKERS", "2")] if "-n" not in pytest_args else []
    started, cpu_before = time.monotonic(), _children_cpu()
    code = subprocess.call([sys.executable, "-m", "pytest", *workers, *pytest_args], cwd=ROOT, env=env)
    return code, time.monotonic() - started, _children_cpu() - cpu_before


def _children_cpu():
    """User + system seconds of the finished child processes (pytest and its workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


#: Changed files under these never decide alone: they are not tested code.
NOT_CODE = ("docs/", "README", "bench/", ".gitignore", "ruff.toml")


def changed_test_paths():
    """The test folders of the domains changed since the branch left main; [] (everything) when a shared part
    changed, when nothing did, or when there is no main to compare with."""
    try:
        base = _git("merge-base", "HEAD", "main").strip()
        files = set(_git("diff", "--name-only", base).split()) | set(
            _git("ls-files", "--others", "--exclude-standard").split())
    except (OSError, subprocess.CalledProcessError):
        return []
    paths = set()
    for name in files:
        if name.startswith(NOT_CODE) or name.endswith(".md"):
            continue
        path = _tests_of(name)
        if path is None:
            return []
        paths.add(path)
    return sorted(paths | {"tests/access"}) if paths else []


def _tests_of(name):
    """tests/<domain> for a file of one domain; the test file itself for a test; None for a shared part."""
    parts = name.split("/")
    if parts[0] == "tests" and len(parts) > 2:
        path = name if parts[1] == "e2e" else "/".join(parts[:2])
        return path if (ROOT / path).exists() else None
    if parts[0] == "app" and len(parts) > 2:
        domain = parts[2] if parts[1] == "templates" else parts[1]
    elif parts[0] == "forms" and len(parts) == 2:
        domain = parts[1].removesuffix(".py")
    else:
        return None
    return f"tests/{domain}" if domain not in ("core", "static") and (ROOT / "tests" / domain).is_dir() else None


def _git(*args):
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


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
