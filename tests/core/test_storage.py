"""Stored files: generated names, temp-then-move, removed when the transaction rolls back."""
import pytest

from app.core import storage
from app.extensions import db


def test_saved_file_has_a_generated_name_and_its_hash(app):
    blob = storage.save_bytes(b"%PDF-1.4 scan", "scans", ".pdf")
    db.session.commit()
    path = storage.path_for(blob.key)
    assert path.read_bytes() == b"%PDF-1.4 scan"
    assert blob.key.startswith("scans/") and blob.key.endswith(".pdf")
    assert blob.size == 13 and blob.sha256 == storage.file_sha256(path)
    assert not list((storage.upload_root() / "tmp").iterdir())


def test_rolled_back_save_leaves_no_file(app):
    blob = storage.save_bytes(b"data", "scans", ".pdf")
    assert storage.path_for(blob.key).exists()
    db.session.rollback()
    assert not storage.path_for(blob.key).exists()


def test_unsafe_folders_suffixes_and_keys_are_refused(app):
    for folder, suffix in [("../etc", ""), ("scans", "/../x"), ("scans", ".pdf/evil")]:
        with pytest.raises(ValueError):
            storage.save_bytes(b"x", folder, suffix)
    with pytest.raises(ValueError):
        storage.path_for("../../etc/passwd")


def test_storage_check_reports_a_file_without_a_row(app, runner):
    blob = storage.save_bytes(b"lost", "scans", ".pdf")
    db.session.commit()
    result = runner.invoke(args=["storage", "check"])
    assert result.exit_code == 1
    assert "Файл без записи в базе: 1" in result.output and blob.key in result.output


def test_storage_check_reports_an_upload_that_never_finished(app, runner):
    """A part no process holds is a dead upload at once; one whose writer holds it is in progress (issue 11)."""
    import fcntl

    stale, fresh = storage.path_for("tmp/dead.part"), storage.path_for("tmp/live.part")
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    with open(fresh, "ab") as writer:
        fcntl.flock(writer, fcntl.LOCK_EX)
        result = runner.invoke(args=["storage", "check"])
    orphans, in_progress = result.output.split("Загрузка идёт сейчас")
    assert result.exit_code == 1 and "tmp/dead.part" in orphans and "tmp/live.part" in in_progress


def test_storage_check_on_an_empty_store(app, runner):
    result = runner.invoke(args=["storage", "check"])
    assert result.exit_code == 0 and "Все файлы на месте" in result.output
