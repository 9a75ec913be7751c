"""Files are rows plus bytes: the row keeps name, type, size and SHA-256; the bytes live under UPLOAD_ROOT.

Bytes are written to a temporary name, flushed to disk and moved into place before the row commits.
If the transaction then rolls back, the file is removed again, so a refused or failed save leaves
neither a row without a file nor a file without a row. (A process killed between the move and the
commit can still leave a file behind: `flask --app wsgi storage check` reports it as orphaned.)
"""
import fcntl
import hashlib
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app
from sqlalchemy import String, event, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.extensions import db

CHUNK = 1024 * 1024


class StoredFileMixin:
    """Columns of a stored file; the model adds its own meaning (which scan, which document...)."""

    #: The name the user's file had (shown and offered on download), never used as a path.
    original_name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    #: Path relative to UPLOAD_ROOT, generated: "<folder>/<2 hex>/<uuid><suffix>".
    storage_key: Mapped[str] = mapped_column(String(255), unique=True)

    @property
    def path(self) -> Path:
        return path_for(self.storage_key)

    def read_bytes(self) -> bytes:
        return self.path.read_bytes()

    def attach(self, blob: "Blob"):
        """Point this row at bytes saved with save_bytes()/save_stream()."""
        self.storage_key = blob.key
        self.sha256 = blob.sha256
        self.size = blob.size


@dataclass(frozen=True)
class Blob:
    key: str
    sha256: str
    size: int


def upload_root() -> Path:
    return Path(current_app.config["UPLOAD_ROOT"])


def path_for(key: str) -> Path:
    root = upload_root().resolve()
    path = (root / key).resolve()
    if root not in path.parents:
        raise ValueError(f"storage key outside the upload root: {key!r}")
    return path


def save_bytes(data: bytes, folder: str, suffix: str = "") -> Blob:
    """Write ``data`` under a generated name in ``folder``; removed again if the transaction rolls back."""
    return save_stream([data], folder, suffix)


def save_stream(chunks, folder: str, suffix: str = "") -> Blob:
    """Like save_bytes, for an iterable of byte chunks (a large upload)."""
    if not folder.replace("_", "").replace("-", "").isalnum():
        raise ValueError(f"bad storage folder {folder!r}")
    if suffix and not (suffix.startswith(".") and suffix[1:].isalnum() and len(suffix) <= 10):
        raise ValueError(f"bad file suffix {suffix!r}")
    session = db.session()
    session.connection()  # begin the transaction whose rollback must take the file away again
    name = uuid.uuid4().hex
    key = f"{folder}/{name[:2]}/{name}{suffix}"
    final = path_for(key)
    temporary = path_for(f"tmp/{name}.part")
    temporary.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    try:
        with open(temporary, "xb") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)  # «being written»: `storage check` tells it from a dead upload's
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temporary, final)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _pending_files(session).append(final)
    return Blob(key=key, sha256=digest.hexdigest(), size=size)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _pending_files(session):
    return session.info.setdefault("storage_pending_files", [])


@event.listens_for(Session, "after_commit")
def _keep_files(session):
    session.info.pop("storage_pending_files", None)


@event.listens_for(Session, "after_soft_rollback")
def _remove_files_of_rolled_back_rows(session, previous_transaction):
    if previous_transaction.nested or previous_transaction.parent is not None:
        return  # a savepoint: the outer transaction decides
    for path in session.info.pop("storage_pending_files", []):
        Path(path).unlink(missing_ok=True)


#: A file in place without its row, younger than this, may belong to a transaction about to commit: --repair
#: leaves it (a .part is judged by its lock instead, at once).
UNCOMMITTED_GRACE = 60


@dataclass
class StorageReport:
    checked: int
    missing: list
    altered: list
    orphaned: list
    #: Parts of uploads being written right now (their writer holds them).
    in_progress: list = field(default_factory=list)

    @property
    def ok(self):
        return not (self.missing or self.altered or self.orphaned)


def stored_file_models():
    """Every mapped model that keeps files (subclasses of StoredFileMixin)."""
    return [mapper.class_ for mapper in db.Model.registry.mappers if issubclass(mapper.class_, StoredFileMixin)]


def check_storage() -> StorageReport:
    """Re-hash every stored file; report rows whose file is missing or altered, and files no row owns — among them
    the partial file of an upload whose process died (a tmp/*.part no process holds; one held is in progress)."""
    known = set()
    missing, altered, checked = [], [], 0
    for model in stored_file_models():
        for row in db.session.scalars(select(model)):
            known.add(row.storage_key)
            checked += 1
            path = row.path
            label = f"{model.__tablename__} №{row.id}: {row.original_name} ({row.storage_key})"
            if not path.exists():
                missing.append(label)
            elif file_sha256(path) != row.sha256:
                altered.append(label)
    orphaned, in_progress = [], []
    root = upload_root()
    if root.exists():
        for path in sorted(root.rglob("*")):
            key = path.relative_to(root).as_posix()
            if not path.is_file() or key in known:
                continue
            (in_progress if key.startswith("tmp/") and _held(path) else orphaned).append(key)
    return StorageReport(checked=checked, missing=missing, altered=altered, orphaned=orphaned,
                         in_progress=in_progress)


def remove_orphans(report: StorageReport):
    """Delete the files ``report`` found without a row (not those being written, nor one so young that its
    transaction may still commit); the keys removed."""
    removed = []
    for key in report.orphaned:
        path = path_for(key)
        if not key.startswith("tmp/") and time.time() - path.stat().st_mtime < UNCOMMITTED_GRACE:
            continue
        if key.startswith("tmp/") and _held(path):
            continue
        path.unlink(missing_ok=True)
        removed.append(key)
    return removed


def _held(path):
    """Whether a process holds the file's lock (save_stream does while it writes)."""
    try:
        with open(path, "rb") as probe:
            fcntl.flock(probe, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except FileNotFoundError:
        return False
    return False
