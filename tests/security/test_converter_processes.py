"""Issue 11, finding 8: the PDF converter ends with what started it, and leaves no process behind.

unoserver ignores SIGTERM and its soffice, orphaned, stays a zombie; a converter started by a test worker or by
`make run` outlived them. The stand-in in tests/security/stand_ins behaves the same way towards signals (without
LibreOffice, so each test takes a fraction of a second). Processes are looked for as an administrator would:
every process whose command line names the converter's folder (the profile is inside it).
"""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.documents.converter import PdfConverter

#: Processes, signals and reaping: no database is involved, checked once.
pytestmark = pytest.mark.one_database

ROOT = Path(__file__).resolve().parents[2]
STAND_INS = Path(__file__).resolve().parent / "stand_ins"


def converter_pids(folder):
    """Live (not zombie) processes whose command line names ``folder``."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            command = Path(f"/proc/{name}/cmdline").read_bytes()
            state = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[-1].split()[0]
        except OSError:
            continue
        if str(folder).encode() in command and state not in ("Z", "X"):
            found.append(int(name))
    return found


def exists(pid):
    """The process is there, a zombie included: a zombie is a process nobody reaped."""
    return Path(f"/proc/{pid}").exists()


def eventually(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def office_pid(folder):
    path = next(Path(folder).glob("soffice-*.pid"))
    return int(path.read_text())


@pytest.fixture
def stand_in_env(monkeypatch):
    path = os.pathsep.join([str(STAND_INS), str(ROOT), os.environ.get("PYTHONPATH", "")])
    monkeypatch.setenv("PYTHONPATH", path)
    return {**os.environ, "PYTHONPATH": path}


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "converter"
    yield folder
    for pid in converter_pids(folder):  # whatever a failing test left
        os.kill(pid, signal.SIGKILL)


@pytest.fixture
def converter(stand_in_env, folder):
    converter = PdfConverter(folder, sys.executable, timeout=5, start_timeout=15)
    yield converter
    converter.stop()


def test_stop_leaves_no_process_and_no_zombie(converter, folder):
    converter.ensure_running()
    office = office_pid(folder)
    assert len(converter_pids(folder)) >= 2
    converter.stop()
    assert converter_pids(folder) == []
    assert eventually(lambda: not exists(office), 5), "soffice was left a zombie"


def test_sigterm_ends_the_converter_and_its_office(converter, folder):
    """What a service manager (or `kill`) sends: handled, the group stopped, the children reaped."""
    server = converter.ensure_running()
    office = office_pid(folder)
    os.kill(server["pid"], signal.SIGTERM)
    assert eventually(lambda: converter_pids(folder) == [])
    assert eventually(lambda: not exists(office), 5), "soffice was left a zombie"


def test_a_converter_ends_with_the_process_that_started_it(stand_in_env, folder):
    """A gunicorn worker or a test worker converts, then dies: its converter goes with it."""
    script = ("import sys, time; from app.documents.converter import PdfConverter; "
              f"print(PdfConverter({str(folder)!r}, sys.executable, timeout=5).ensure_running()['pid'], flush=True); "
              "time.sleep(600)")
    owner = subprocess.Popen([sys.executable, "-c", script], env=stand_in_env, cwd=ROOT, stdout=subprocess.PIPE,
                             text=True)
    try:
        assert int(owner.stdout.readline())
        assert converter_pids(folder)
    finally:
        owner.kill()
        owner.wait()
    assert eventually(lambda: converter_pids(folder) == [])


def test_the_cli_start_with_an_owner_ends_with_it(app, runner, stand_in_env, folder):
    """`make run` starts the converter for its shell: SIGTERM to make's process group ends the shell, and so it."""
    app.config.update(PDF_CONVERTER_DIR=str(folder), PDF_CONVERTER_PYTHON=sys.executable)
    from app.documents.pdf import EXTENSION_KEY, make_converter

    app.extensions[EXTENSION_KEY] = make_converter(app.config)
    shell = subprocess.Popen(["sleep", "600"])
    try:
        result = runner.invoke(args=["documents", "converter", "start", "--owner", str(shell.pid)])
        assert result.exit_code == 0, result.output
        assert converter_pids(folder)
    finally:
        shell.terminate()
        shell.wait()
    assert eventually(lambda: converter_pids(folder) == [])


def test_a_converter_whose_owner_died_is_stopped_by_the_next_start(converter, stand_in_env, folder):
    """One left by a process that died (and not stopped by it): the next conversion finds and stops it."""
    folder.mkdir(parents=True, exist_ok=True)
    dead = subprocess.Popen(["true"])
    dead.wait()
    port = 0
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    old = subprocess.Popen([sys.executable, "-m", "unoserver.server", "--interface", "127.0.0.1", "--port", str(port),
                            "--user-installation", str(folder / "profile-old")], env=stand_in_env,
                           start_new_session=True)
    assert eventually(lambda: any(folder.glob("soffice-*.pid")))
    converter._write_state({"pid": old.pid, "port": port, "profile": str(folder / "profile-old"),
                            "owner": dead.pid, "started_at": time.time()})
    server = converter.ensure_running()
    assert server["pid"] != old.pid
    assert eventually(lambda: old.poll() is not None)
    assert not [pid for pid in converter_pids(folder) if b"profile-old" in Path(f"/proc/{pid}/cmdline").read_bytes()]
