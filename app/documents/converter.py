"""DOCX -> PDF by a warm LibreOffice: one unoserver per installation, shared by every app process.

A cold ``soffice --convert-to pdf`` takes about a second; a warm one about a tenth (docs/design.md "Documents").
So the first conversion starts unoserver — under the Python that has LibreOffice's ``uno`` module, the
``.venv-uno`` the Makefile builds — on 127.0.0.1 and free ports, with its own LibreOffice profile,
in its own process group. Its address is written to a state file; a file lock makes sure only one
process starts it, and every process (gunicorn workers, the CLI) then talks to the same server.

Every conversion has a timeout. A server that died is started again on the next conversion; one that
hung is killed — its whole process group, or soffice would be left behind.

unoserver ignores SIGTERM and leaves its soffice a zombie, so it runs under converter_supervisor.py, which leads
the group, stops it on SIGTERM (SIGKILL after a grace period), reaps every child, and ends the converter when its
owner — the process that started it — has gone. The owner is in the state file too, so a converter whose owner
died (and that somehow outlived it) is stopped by the next start. ``processes()`` finds what is left of a
converter by its folder in the command lines, as an administrator would.
"""
import fcntl
import http.client
import json
import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import xmlrpc.client
from contextlib import contextmanager
from pathlib import Path

from app.documents.converter_supervisor import start_ticks

#: The keeper every converter runs under (a standalone script: it runs under the converter's Python).
SUPERVISOR = Path(__file__).with_name("converter_supervisor.py")
#: Seconds the keeper gives unoserver and soffice after SIGTERM before SIGKILL.
GRACE_SECONDS = 1
#: ``ensure_running``'s default owner: the calling process.
OWN = object()

#: The unoserver API this client speaks (unoserver 3.x).
API_VERSION = "3"
HOST = "127.0.0.1"

log = logging.getLogger(__name__)

#: Popen objects of the servers this process started, so it can reap them.
_CHILDREN: dict[int, subprocess.Popen] = {}


class ConverterError(Exception):
    """The PDF could not be made; the message says why, in Russian, for the user."""


class _TimeoutTransport(xmlrpc.client.Transport):
    def __init__(self, timeout):
        super().__init__()
        self._timeout = timeout

    def make_connection(self, host):
        connection = super().make_connection(host)
        connection.timeout = self._timeout
        return connection


class PdfConverter:
    def __init__(self, state_dir, python, timeout=60.0, start_timeout=90.0):
        self.state_dir = Path(state_dir)
        self.python = str(python)
        self.timeout = float(timeout)
        self.start_timeout = float(start_timeout)

    @property
    def state_path(self):
        return self.state_dir / "server.json"

    @property
    def log_path(self):
        return self.state_dir / "unoserver.log"

    # Converting -----------------------------------------------------------------------------------

    def convert(self, docx: bytes) -> bytes:
        """The PDF of ``docx``; starts or restarts the server as needed (owned by this process); ConverterError on
        failure."""
        for attempt in (1, 2):
            server = self.ensure_running()
            try:
                return self._call(server, "convert", None, docx, None, "pdf", None, [], True, None, None).data
            except TimeoutError:
                self._stop_locked(server)
                raise ConverterError(f"LibreOffice не ответил за {self.timeout:.0f} с; преобразование прервано, "
                                     "конвертер будет перезапущен.") from None
            except xmlrpc.client.Fault as fault:
                log.warning("LibreOffice refused a conversion: %s", fault.faultString)
                raise ConverterError("LibreOffice не смог преобразовать документ: файл DOCX открывается в Word, но "
                                     "LibreOffice его не читает. Скачайте DOCX; если PDF нужен, сообщите "
                                     "администратору (подробности — в журнале сервера).") from None
            except (OSError, http.client.HTTPException, xmlrpc.client.ProtocolError) as error:
                self._stop_locked(server)
                if attempt == 2:
                    log.warning("The PDF converter does not answer: %r", error)
                    raise ConverterError("конвертер LibreOffice не отвечает; попробуйте через минуту.") from None
        raise AssertionError("unreachable")

    def _call(self, server, method, *args, timeout=None):
        proxy = xmlrpc.client.ServerProxy(f"http://{HOST}:{server['port']}", allow_none=True,
                                          transport=_TimeoutTransport(timeout or self.timeout))
        with proxy:
            return getattr(proxy, method)(*args)

    # The server's life ----------------------------------------------------------------------------

    def ensure_running(self, owner=OWN):
        """The running server's state; starts one (once, under the lock) if there is none alive, or if the one
        there outlived its owner. ``owner``: the pid the new one ends with (this process by default; None: none)."""
        server = self._read_state()
        if server and _alive(server["pid"]) and _owner_alive(server):
            return server
        with self._lock():
            server = self._read_state()
            if server and _alive(server["pid"]) and _owner_alive(server):
                return server
            if server:
                self._kill(server)
            return self._start(os.getpid() if owner is OWN else owner)

    def status(self):
        """The state of a live server, or None."""
        server = self._read_state()
        return server if server and _alive(server["pid"]) else None

    def stop(self):
        """Stop the server and its LibreOffice (the whole process group); True if one was running."""
        with self._lock():
            server = self._read_state()
            if not server:
                return False
            self._kill(server)
            return True

    def processes(self):
        """Live processes whose command line names the converter's folder (its keeper, unoserver, soffice)."""
        folder = str(self.state_dir.resolve()).encode()
        found = []
        for pid in _pids():
            if pid == os.getpid():
                continue
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if folder in command and _member_alive(pid, None):
                found.append(pid)
        return found

    def _stop_locked(self, server):
        with self._lock():
            current = self._read_state()
            if current and current["pid"] == server["pid"]:
                self._kill(current)

    def _start(self, owner):
        self.state_dir.mkdir(parents=True, exist_ok=True)
        if not Path(self.python).exists():
            raise ConverterError(f"не установлен конвертер PDF ({self.python}): выполните `make install`, он создаёт "
                                 ".venv-uno с unoserver.")
        port, uno_port = _free_port(), _free_port()
        profile = self.state_dir / f"profile-{port}-{secrets.token_hex(4)}"
        keeper = [self.python, str(SUPERVISOR), "--owner", str(owner or 0), "--owner-start",
                  start_ticks(owner) if owner else "", "--grace", str(GRACE_SECONDS), "--"]
        command = [*keeper, self.python, "-m", "unoserver.server", "--interface", HOST, "--port", str(port),
                   "--uno-interface", HOST, "--uno-port", str(uno_port), "--user-installation", str(profile),
                   "--conversion-timeout", str(max(int(self.timeout), 1))]
        with open(self.log_path, "ab") as log:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                       start_new_session=True, close_fds=True)
        _CHILDREN[process.pid] = process
        server = {"pid": process.pid, "port": port, "uno_port": uno_port, "profile": str(profile),
                  "started_at": time.time(), "owner": owner or None,
                  "owner_start": start_ticks(owner) if owner else None}
        try:
            self._wait_until_ready(server, process)
        except ConverterError:
            self._kill(server)
            raise
        self._write_state(server)
        return server

    def _wait_until_ready(self, server, process):
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                log.warning("unoserver exited with %s at start; see %s", process.returncode, self.log_path)
                raise ConverterError("LibreOffice не запустился; подробности — в журнале сервера.")
            try:
                info = self._call(server, "info", timeout=5)
            except (OSError, http.client.HTTPException, xmlrpc.client.Error):
                time.sleep(0.25)
                continue
            if info.get("api") != API_VERSION:
                raise ConverterError(f"версия unoserver {info.get('unoserver')} не подходит (нужен API "
                                     f"{API_VERSION}).")
            return
        log.warning("unoserver did not answer within %s s; see %s", self.start_timeout, self.log_path)
        raise ConverterError(f"LibreOffice не запустился за {self.start_timeout:.0f} с; подробности — в журнале "
                             "сервера.")

    def _kill(self, server):
        """SIGTERM to the group (the keeper stops it, reaping its children); SIGKILL to whatever is left after the
        keeper's grace period (or of a converter started without one); the profile goes with the server."""
        pid = server["pid"]
        try:
            os.killpg(pid, signal.SIGTERM)
            _wait(lambda: not _group_alive(pid), GRACE_SECONDS + 0.5)
            os.killpg(pid, signal.SIGKILL)
            _wait(lambda: not _group_alive(pid), 5.0)
        except ProcessLookupError:
            pass
        child = _CHILDREN.pop(pid, None)
        if child is not None:
            child.poll()
        shutil.rmtree(server.get("profile") or "", ignore_errors=True)
        current = self._read_state()
        if current and current["pid"] == pid:
            self.state_path.unlink(missing_ok=True)

    # State file and lock --------------------------------------------------------------------------

    @contextmanager
    def _lock(self):
        self.state_dir.mkdir(parents=True, exist_ok=True)
        with open(self.state_dir / "lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _read_state(self):
        try:
            return json.loads(self.state_path.read_text())
        except (OSError, ValueError):
            return None

    def _write_state(self, server):
        temporary = self.state_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(server))
        os.replace(temporary, self.state_path)


def _owner_alive(server):
    """The converter's owner is still there (a converter without an owner runs until stopped)."""
    owner = server.get("owner")
    if not owner:
        return True
    ticks = start_ticks(owner)
    return bool(ticks) and _member_alive(owner, None) and ticks == (server.get("owner_start") or ticks)


def _alive(pid):
    """The server process exists, is not a zombie, and is unoserver (not a reused pid)."""
    child = _CHILDREN.get(pid)
    if child is not None and child.poll() is not None:
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] not in ("Z", "X") and b"unoserver" in command


def _wait(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)


def _group_alive(pgid):
    """A live (not zombie) process is left in the group (zombies of an absent parent count for killpg)."""
    child = _CHILDREN.get(pgid)
    if child is not None:
        child.poll()
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return any(_member_alive(pid, pgid) for pid in _pids())


def _pids():
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def _member_alive(pid, pgid):
    """The process is alive (not a zombie) and, unless ``pgid`` is None, in that process group."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()
    except OSError:
        return False
    return (pgid is None or int(fields[2]) == pgid) and fields[0] not in ("Z", "X")


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


