"""Issue 11, finding 7: the half-written file of an upload whose process died is reported at once — no process
holds it — and `storage check --repair` removes orphans after listing them."""
import fcntl
import os
import time

from app.core import storage


def _part(name, data=b"half of a scan"):
    path = storage.path_for(f"tmp/{name}.part")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_a_fresh_part_no_process_holds_is_reported_at_once(app, runner):
    _part("dead")
    result = runner.invoke(args=["storage", "check"])
    assert result.exit_code == 1
    assert "tmp/dead.part" in result.output


def test_a_part_being_written_is_told_apart_and_kept_by_repair(app, runner):
    dead, live = _part("dead"), _part("live")
    orphan = storage.save_bytes(b"a file whose row never committed", "scans", ".pdf")
    storage._pending_files(storage.db.session()).clear()  # as if its process died after the move
    storage.db.session.rollback()
    minutes_ago = time.time() - 2 * storage.UNCOMMITTED_GRACE
    os.utime(storage.path_for(orphan.key), (minutes_ago, minutes_ago))
    with open(live, "ab") as writer:
        fcntl.flock(writer, fcntl.LOCK_EX)  # what save_stream holds while it writes
        result = runner.invoke(args=["storage", "check"])
        assert "Загрузка идёт сейчас: 1" in result.output and "tmp/live.part" in result.output
        repaired = runner.invoke(args=["storage", "check", "--repair"])
    assert "tmp/dead.part" in repaired.output and orphan.key in repaired.output
    assert "Удалено файлов без записи в базе: 2" in repaired.output
    assert not dead.exists() and not storage.path_for(orphan.key).exists() and live.exists()


def test_the_writer_holds_its_part_while_writing(app):
    """The lock the check looks for: save_stream holds its .part while the chunks arrive."""
    seen = []

    def chunks():
        part = next(storage.path_for("tmp").glob("*.part"))
        with open(part, "rb") as probe:
            try:
                fcntl.flock(probe, fcntl.LOCK_SH | fcntl.LOCK_NB)
                seen.append("free")
            except BlockingIOError:
                seen.append("held")
        yield b"chunk"

    storage.save_stream(chunks(), "scans", ".pdf")
    assert seen == ["held"]
