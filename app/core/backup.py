"""One archive holds everything an installation keeps: the database, every stored file, and a manifest to check
them by — each file's SHA-256 and each table's row count.

`flask --app wsgi backup create PATH` writes a tar: ``manifest.json``, the database (PostgreSQL: ``pg_dump
--format=custom`` of a snapshot whose rows are counted in the same snapshot; SQLite: the online backup API, a
consistent copy while the app keeps working) and ``files/<storage key>`` for every file under UPLOAD_ROOT (the
half-written ones in tmp/ left out). `flask --app wsgi backup restore PATH` puts it into an empty instance — an
empty database and an empty UPLOAD_ROOT — and checks every file's SHA-256 and every table's row count against the
manifest; any difference is an error.
"""
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from app.core.storage import CHUNK, file_sha256, upload_root
from app.extensions import db

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite", "postgresql": "database.dump"}


class BackupError(Exception):
    """The backup or the restore cannot go on; the message says why, in Russian."""


# --- create ----------------------------------------------------------------------------------------------

def create_backup(path):
    """Write the archive to ``path`` (through a temporary file beside it); the manifest."""
    path = Path(path)
    dialect = db.engine.dialect.name
    if dialect not in DATABASE_FILES:
        raise BackupError(f"Резервная копия базы {dialect} не поддерживается: только PostgreSQL и SQLite.")
    with tempfile.TemporaryDirectory(prefix="backup-") as work:
        database = Path(work) / DATABASE_FILES[dialect]
        tables = _dump_postgresql(database) if dialect == "postgresql" else _dump_sqlite(database)
        manifest = {"format": FORMAT, "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "database": {"dialect": dialect, "file": database.name, "sha256": file_sha256(database),
                                 "revision": _revision()},
                    "tables": tables, "files": []}
        partial = path.with_name(f".{path.name}.partial")
        try:
            with tarfile.open(partial, "w") as archive:
                archive.add(database, arcname=database.name)
                manifest["files"] = _add_files(archive)
                data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime = len(data), int(datetime.now(UTC).timestamp())
                archive.addfile(info, fileobj=io.BytesIO(data))
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    return manifest


def _dump_sqlite(target):
    """SQLite's online backup API: a consistent copy; the rows are counted in the copy."""
    source = sqlite3.connect(db.engine.url.database)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        source.close()
    try:
        return {name: copy.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in _table_names()}
    finally:
        copy.close()


def _dump_postgresql(target):
    """pg_dump of an exported snapshot; the rows are counted in that same snapshot."""
    with db.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.scalar(sa.text("SELECT pg_export_snapshot()"))
            tables = {name: connection.scalar(sa.text(f'SELECT count(*) FROM "{name}"')) for name in _table_names()}
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                  f"--file={target}", _libpq_url()])
    return tables


def _add_files(archive):
    root = upload_root()
    files = []
    if not root.exists():
        return files
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if not path.is_file() or key.startswith("tmp/"):
            continue
        archive.add(path, arcname=f"files/{key}", recursive=False)
        files.append({"path": key, "size": path.stat().st_size, "sha256": file_sha256(path)})
    return files


# --- restore ---------------------------------------------------------------------------------------------

def restore_backup(path):
    """Put the archive into this (empty) instance and check it against its manifest; the manifest."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Нет файла резервной копии {path}.")
    dialect = db.engine.dialect.name
    _ensure_empty_instance()
    with tarfile.open(path, "r") as archive, tempfile.TemporaryDirectory(prefix="restore-") as work:
        manifest = _read_manifest(archive)
        source = manifest["database"]
        if source["dialect"] != dialect:
            raise BackupError(f"Копия сделана из базы {source['dialect']}, а этот экземпляр работает на {dialect}: "
                              "восстановите её в базу того же вида.")
        database = Path(work) / source["file"]
        _extract(archive, source["file"], database)
        if file_sha256(database) != source["sha256"]:
            raise BackupError("Файл базы данных в копии повреждён: SHA-256 не совпадает с описью.")
        db.session.remove()
        db.engine.dispose()
        _load_postgresql(database) if dialect == "postgresql" else _load_sqlite(database)
        _restore_files(archive, manifest["files"])
    _check_tables(manifest["tables"])
    return manifest


def _ensure_empty_instance():
    tables = sa.inspect(db.engine).get_table_names()
    if tables:
        raise BackupError("База данных этого экземпляра не пустая (в ней уже есть таблицы): восстанавливают в новую "
                          "пустую базу, чтобы ничего не смешать и не потерять.")
    root = upload_root()
    if root.exists() and any(path.is_file() for path in root.rglob("*")):
        raise BackupError(f"Папка файлов {root} не пустая: восстанавливают в пустую папку.")


def _read_manifest(archive):
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError, AttributeError):
        raise BackupError("Это не резервная копия Наставничества: в архиве нет описи manifest.json.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Формат копии {manifest.get('format')} не поддерживается этой версией (нужен {FORMAT}).")
    return manifest


def _extract(archive, name, target):
    """Copy one member to ``target`` — by name, never by the path the archive claims (no traversal)."""
    try:
        member = archive.getmember(name)
    except KeyError:
        raise BackupError(f"В копии нет файла {name}, который указан в описи.") from None
    if not member.isfile():
        raise BackupError(f"{name} в копии — не файл.")
    target.parent.mkdir(parents=True, exist_ok=True)
    with archive.extractfile(member) as source, open(target, "wb") as handle:
        shutil.copyfileobj(source, handle, CHUNK)


def _load_sqlite(database):
    target = Path(db.engine.url.database)
    target.parent.mkdir(parents=True, exist_ok=True)
    copy = sqlite3.connect(target)
    source = sqlite3.connect(database)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()


def _load_postgresql(database):
    _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={_libpq_url()}",
          str(database)])


def _restore_files(archive, files):
    root = upload_root()
    for item in files:
        target = (root / item["path"]).resolve()
        if root.resolve() not in target.parents:
            raise BackupError(f"Путь {item['path']} в описи ведёт за пределы папки файлов.")
        _extract(archive, f"files/{item['path']}", target)
        if file_sha256(target) != item["sha256"]:
            raise BackupError(f"Файл {item['path']} в копии повреждён: SHA-256 не совпадает с описью.")


def _check_tables(expected):
    with db.engine.connect() as connection:
        found = {name: connection.scalar(sa.text(f'SELECT count(*) FROM "{name}"')) for name in expected}
    wrong = {name: (rows, found[name]) for name, rows in expected.items() if found[name] != rows}
    if wrong:
        details = "; ".join(f"{name}: в описи {rows}, восстановлено {got}" for name, (rows, got) in wrong.items())
        raise BackupError(f"После восстановления число строк не совпадает с описью: {details}.")


# --- helpers ---------------------------------------------------------------------------------------------

def _table_names():
    """The tables of this schema (the models' and Alembic's), as they are in the database."""
    return sorted(sa.inspect(db.engine).get_table_names())


def _revision():
    with db.engine.connect() as connection:
        if not sa.inspect(connection).has_table("alembic_version"):
            return None
        return connection.scalar(sa.text("SELECT version_num FROM alembic_version"))


def _libpq_url():
    """The database URL as pg_dump and pg_restore read it (no SQLAlchemy driver name)."""
    return db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def _run(command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(f"Не найдена программа {command[0]}: установите пакет postgresql-client "
                          "(`make install`).") from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} завершился с ошибкой: {result.stderr.strip()[-500:]}")

