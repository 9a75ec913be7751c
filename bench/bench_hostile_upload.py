"""Benchmark of issue 11, finding 1: the Excel "dimension bomb" against gunicorn while others use the intranet.

A 4.7 KB .xlsx claiming A1:XFD1048576 with its last row at 1,048,576 once cost ~25 minutes of CPU; two at once
left both gunicorn workers dead and /healthz unanswered for three minutes. Here gunicorn runs with 2 sync
workers (SQLite in a temporary instance), two clients upload the attack file at the same moment, again and
again, while a third polls /healthz.

The second attack is the finding's other file: a million rows of a space each (5 MB, 70 MB of sheet XML), which
once took 40 s and was stored.

Goals: each attack upload is refused in under 1 s (its 95th percentile), and /healthz keeps answering in
under 1 s (its 95th percentile, and no request failing) meanwhile. Exits 1 when a goal is missed.

    .venv/bin/python bench/bench_hostile_upload.py [--rounds 10]
"""
import argparse
import http.cookiejar
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.security.hostile import dimension_bomb, whitespace_rows  # noqa: E402

UPLOAD_GOAL_S = 1.0
HEALTH_GOAL_S = 1.0
PASSWORD = "bench-parol-2026"
EMAIL = "curator@bench.test"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Client:
    """A browser's worth of urllib: cookies, the CSRF token from the page, multipart posts."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path, timeout=60):
        with self.opener.open(self.base + path, timeout=timeout) as response:
            return response.status, response.read().decode()

    def csrf(self, path):
        _, page = self.get(path)
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)

    def post(self, path, fields, files=None, timeout=60):
        boundary = uuid.uuid4().hex
        body = b""
        for name, value in fields.items():
            body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").encode()
        for name, (filename, data) in (files or {}).items():
            body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
                     "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(self.base + path, data=body, method="POST",
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        with self.opener.open(request, timeout=timeout) as response:
            return response.status, response.read().decode()

    def login(self):
        token = self.csrf("/login")
        status, page = self.post("/login", {"csrf_token": token, "email": EMAIL, "password": PASSWORD})
        assert "Выйти" in page or status == 200, "login failed"


def prepare_instance(folder):
    env = {**os.environ, "INSTANCE_PATH": str(folder), "SECRET_KEY": "bench", "DATABASE_URL":
           f"sqlite:///{folder / 'bench.sqlite'}", "UPLOAD_ROOT": str(folder / "uploads")}
    flask = [sys.executable, "-m", "flask", "--app", "wsgi"]
    subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([*flask, "create-user", EMAIL, "--role", "curator"], cwd=ROOT, env=env, check=True,
                   input=PASSWORD + "\n", text=True, capture_output=True)
    return env


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="rounds of two simultaneous attack uploads")
    args = parser.parse_args()
    attacks = [("dimension bomb", dimension_bomb(), args.rounds),
               ("a million whitespace rows", whitespace_rows(1_000_000), max(args.rounds // 2, 1))]
    folder = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    env = prepare_instance(folder)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--workers", "2", "--timeout", "30", "--bind",
                               f"127.0.0.1:{port}", "wsgi:app"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                Client(base).get("/healthz", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        results = [(name, len(attack), *run(base, attack, rounds)) for name, attack, rounds in attacks]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    ok = True
    for name, size, uploads, health, failures in results:
        report(name, size, uploads, health, failures)
        ok = ok and (not failures and percentile(uploads, 0.95) < UPLOAD_GOAL_S
                     and percentile(health, 0.95) < HEALTH_GOAL_S)
    print("OK" if ok else "ЦЕЛЬ НЕ ДОСТИГНУТА")
    return 0 if ok else 1


def run(base, attack, rounds):
    attackers = [Client(base), Client(base)]
    for client in attackers:
        client.login()
    uploads, health, failures = [], [], []
    done = threading.Event()

    def poll_health():
        poller = Client(base)
        while not done.is_set():
            started = time.monotonic()
            try:
                poller.get("/healthz", timeout=10)
                health.append(time.monotonic() - started)
            except (OSError, urllib.error.URLError) as error:
                failures.append(f"/healthz: {error}")
            time.sleep(0.02)

    def attack_once(client, barrier):
        token = client.csrf("/excel/import")
        barrier.wait()
        started = time.monotonic()
        try:
            _, page = client.post("/excel/import", {"csrf_token": token, "kind": "people", "program_year": ""},
                                  {"file": ("атака.xlsx", attack)})
            uploads.append(time.monotonic() - started)
            if "нет ни одной заполненной строки" not in page and "Файл не принят" not in page:
                failures.append("the attack file was not refused")
        except (OSError, urllib.error.URLError) as error:
            failures.append(f"upload: {error}")

    poller = threading.Thread(target=poll_health)
    poller.start()
    try:
        for _ in range(rounds):
            barrier = threading.Barrier(2)
            threads = [threading.Thread(target=attack_once, args=(client, barrier)) for client in attackers]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        done.set()
        poller.join()
    return uploads, health, failures


def report(name, size, uploads, health, failures):
    print(f"{name}: {size:,} bytes; {len(uploads)} uploads, two at a time, against gunicorn (2 sync workers)")
    print(f"  refused in: median {statistics.median(uploads) * 1000:.0f} ms, p95 "
          f"{percentile(uploads, 0.95) * 1000:.0f} ms, max {max(uploads) * 1000:.0f} ms (goal < "
          f"{UPLOAD_GOAL_S * 1000:.0f} ms)")
    print(f"  /healthz meanwhile: {len(health)} requests, median {statistics.median(health) * 1000:.0f} ms, p95 "
          f"{percentile(health, 0.95) * 1000:.0f} ms, max {max(health) * 1000:.0f} ms (goal < "
          f"{HEALTH_GOAL_S * 1000:.0f} ms)")
    for failure in failures[:10]:
        print(f"  FAILED: {failure}")


if __name__ == "__main__":
    sys.exit(main())
