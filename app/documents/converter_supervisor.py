"""The PDF converter's keeper: unoserver and its LibreOffice end when it ends, and it ends with its owner.

Run as a script (standard library only, any Python 3):

    python converter_supervisor.py --owner PID [--owner-start TICKS] [--grace 3] -- python -m unoserver.server …

unoserver ignores SIGTERM, and when it is killed its soffice is left a zombie. So the converter is started through
this keeper, which leads the converter's process group and is a child subreaper (orphaned descendants become its
children). It ends the group — SIGTERM, then SIGKILL after ``--grace`` seconds — and reaps every child when:
it gets SIGTERM, SIGINT or SIGHUP; the owner (the process that started the converter: a gunicorn worker, a test
worker, `make run`'s shell) has gone; or unoserver has exited. ``--owner 0`` means no owner: the converter runs
until it is stopped (`flask --app wsgi documents converter start` without ``--owner``).
"""
import argparse
import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36
POLL_SECONDS = 0.25


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--owner", type=int, default=0)
    parser.add_argument("--owner-start", default="", help="the owner's start time (/proc stat field 22)")
    parser.add_argument("--grace", type=float, default=3.0)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    _become_subreaper()
    stopping = []
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(number, lambda signum, frame: stopping.append(signum))
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL)  # same process group: ours
    while not stopping and child.poll() is None and _owner_alive(args.owner, args.owner_start):
        _reap()
        time.sleep(POLL_SECONDS)
    _stop_group(args.grace)
    return 0


def _become_subreaper():
    with contextlib.suppress(OSError, AttributeError):  # not Linux: orphans go to init, which reaps them
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _stat(pid):
    """The fields of /proc/PID/stat after the command name (state first), or [] when there is no such process."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()
    except OSError:
        return []


def start_ticks(pid):
    """The process's start time in clock ticks since boot: a pid reused by another process has another one."""
    fields = _stat(pid)
    return fields[19] if len(fields) > 19 else ""


def _owner_alive(owner, owner_start):
    if not owner:
        return True
    fields = _stat(owner)
    return bool(fields) and fields[0] not in ("Z", "X") and (not owner_start or fields[19] == owner_start)


def _members():
    """Live processes of our group, ourselves left out."""
    group, me, found = os.getpgid(0), os.getpid(), []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == me:
            continue
        fields = _stat(name)
        if fields and int(fields[2]) == group and fields[0] not in ("Z", "X"):
            found.append(int(name))
    return found


def _signal_all(number):
    for pid in _members():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, number)


def _reap():
    """Collect every exited child (our own and the orphans we adopted as a subreaper)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _stop_group(grace):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _signal_all(signal.SIGTERM)
    deadline = time.monotonic() + grace
    while _members() and time.monotonic() < deadline:
        _reap()
        time.sleep(0.05)
    _signal_all(signal.SIGKILL)
    deadline = time.monotonic() + 5
    while _members() and time.monotonic() < deadline:
        _reap()
        time.sleep(0.05)
    _reap()


if __name__ == "__main__":
    sys.exit(main())
