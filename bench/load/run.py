"""The load test: gunicorn on PostgreSQL seeded at 10×, 50 staff with 5–15 s between actions, then the saturation
point without pauses; bounded in users, time and requests, on the loopback only.

    .venv/bin/python bench/load/run.py                  # 10×, postgresql://postgres@127.0.0.1/bench_load
    .venv/bin/python bench/load/run.py --size 1 --seconds 60 --database-url postgresql://…

Goals (exit 1 when one is missed), for the run with pauses: no errors, p95 < 300 ms, every person added, scan
uploaded and order issued found in the database afterwards. The saturation run reports requests per second,
its p95 and the CPU the workers spent per request (the server's, measured from /proc through psutil).
"""
import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402  (installed with locust)

from bench.seed import PASSWORD, prepare  # noqa: E402

PORT = 8765
P95_GOAL_MS = 300
WORKERS = 2


def start_server(seeded, folder):
    env = {**os.environ, "DATABASE_URL": seeded.url, "UPLOAD_ROOT": str(seeded.upload_root), "SECRET_KEY": "bench",
           "INSTANCE_PATH": str(folder / "instance"), "LOGIN_RATE_LIMIT": "100000 per minute"}
    server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gunicorn"), "-w", str(WORKERS), "-b",
                               f"127.0.0.1:{PORT}", "--timeout", "60", "--log-level", "warning", "wsgi:app"],
                              cwd=ROOT, env=env, start_new_session=True)
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    stop_server(server)
    raise SystemExit("gunicorn did not answer /healthz in 60 s")


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def cpu_seconds(server):
    process = psutil.Process(server.pid)
    total = 0.0
    for each in [process, *process.children(recursive=True)]:
        times = each.cpu_times()
        total += times.user + times.system
    return total


def run_locust(folder, name, users, seconds, think, sizes):
    """(stats of the Aggregated row, the ledger of what was made)."""
    ledger = folder / f"{name}-ledger.json"
    env = {**os.environ, "LOAD_THINK": str(think), "LOAD_LEDGER": str(ledger), "LOAD_PASSWORD": PASSWORD,
           "LOAD_PEOPLE": str(sizes["people"]), "LOAD_DOCUMENTS": str(sizes["documents"])}
    subprocess.run([str(ROOT / ".venv" / "bin" / "locust"), "-f", str(ROOT / "bench" / "load" / "locustfile.py"),
                    "--headless", "-u", str(users), "-r", str(max(users // 10, 1)), "-t", f"{seconds}s",
                    "--host", f"http://127.0.0.1:{PORT}", "--csv", str(folder / name), "--only-summary",
                    "--stop-timeout", "20", "--loglevel", "WARNING"], env=env, check=False)
    with open(folder / f"{name}_stats.csv") as handle:
        rows = list(csv.DictReader(handle))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    return ({"requests": int(total["Request Count"]), "failures": int(total["Failure Count"]),
             "p50_ms": float(total["50%"]), "p95_ms": float(total["95%"]), "rps": float(total["Requests/s"]),
             "by_page": {row["Name"]: {"requests": int(row["Request Count"]), "p95_ms": float(row["95%"])}
                         for row in rows if row["Name"] != "Aggregated"}},
            json.loads(ledger.read_text()) if ledger.exists() else {"people": [], "scans": [], "issued": 0})


def found(seeded, ledger, issued_before):
    """How many of the ledger's submissions are in the database."""
    from sqlalchemy import func, select

    from app.documents.models import Document, SignedScan
    from app.extensions import db
    from app.people.models import Person
    with seeded.app().app_context():
        people = db.session.scalar(select(func.count(Person.id)).where(Person.last_name.in_(ledger["people"])))
        scans = db.session.scalar(select(func.count(SignedScan.id)).where(
            SignedScan.original_name.in_(ledger["scans"]))) if ledger["scans"] else 0
        issued = db.session.scalar(select(func.count(Document.id)).where(
            Document.kind == "order_appoint_curator")) - issued_before
    return {"people": (people, len(ledger["people"])), "scans": (scans, len(ledger["scans"])),
            "issued": (issued, ledger["issued"])}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=10)
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/bench_load"))
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120, help="length of the run with pauses")
    parser.add_argument("--saturation-users", type=int, default=20)
    parser.add_argument("--saturation-seconds", type=int, default=45)
    parser.add_argument("--any-snapshot", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    seeded = prepare(args.size, args.database_url, any_snapshot=args.any_snapshot)
    from sqlalchemy import func, select

    from app.documents.models import Document
    from app.extensions import db
    from app.people.models import Person
    with seeded.app().app_context():
        sizes = {"people": db.session.scalar(select(func.max(Person.id))),
                 "documents": db.session.scalar(select(func.max(Document.id)))}
        issued_before = db.session.scalar(select(func.count(Document.id)).where(
            Document.kind == "order_appoint_curator"))
    server = start_server(seeded, folder)
    try:
        cpu = cpu_seconds(server)
        paced, ledger = run_locust(folder, "paced", args.users, args.seconds, 1, sizes)
        paced["cpu_ms_per_request"] = (cpu_seconds(server) - cpu) * 1000 / max(paced["requests"], 1)
        made = found(seeded, ledger, issued_before)
        cpu = cpu_seconds(server)
        saturated, _ = run_locust(folder, "saturation", args.saturation_users, args.saturation_seconds, 0, sizes)
        saturated["cpu_ms_per_request"] = (cpu_seconds(server) - cpu) * 1000 / max(saturated["requests"], 1)
    finally:
        stop_server(server)
        seeded.discard()
    load = os.getloadavg()
    print(f"\nНагрузка на gunicorn ({WORKERS} sync-воркера, {args.size:g}×, PostgreSQL), средняя загрузка машины "
          f"({os.cpu_count()} ядра): {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"{args.users} сотрудников с паузами 5–15 с, {args.seconds} с: {paced['requests']} запросов, "
          f"{paced['rps']:.1f}/с, ошибок {paced['failures']}, p50 {paced['p50_ms']:.0f} мс, "
          f"p95 {paced['p95_ms']:.0f} мс (цель < {P95_GOAL_MS}), "
          f"CPU сервера {paced['cpu_ms_per_request']:.0f} мс на запрос")
    for what, (have, made_count) in made.items():
        print(f"  {what}: сделано {made_count}, найдено в базе {have}")
    print(f"Насыщение, {args.saturation_users} пользователей без пауз, {args.saturation_seconds} с: "
          f"{saturated['requests']} запросов, {saturated['rps']:.1f}/с, ошибок {saturated['failures']}, "
          f"p95 {saturated['p95_ms']:.0f} мс, CPU сервера {saturated['cpu_ms_per_request']:.0f} мс на запрос")
    slow = sorted(((row["p95_ms"], name) for name, row in paced["by_page"].items()), reverse=True)[:5]
    print("Самые медленные (p95, с паузами): " + "; ".join(f"{name} {p95:.0f} мс" for p95, name in slow))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "load.json").write_text(json.dumps(
        {"paced": paced, "saturation": saturated, "found": made, "load_average": load}, ensure_ascii=False, indent=1))
    missed = []
    if paced["failures"]:
        missed.append("ошибки")
    if paced["p95_ms"] >= P95_GOAL_MS:
        missed.append(f"p95 {paced['p95_ms']:.0f} мс")
    missed += [f"{what}: найдено {have} из {made_count}" for what, (have, made_count) in made.items()
               if have != made_count]
    if missed:
        print("Не достигнуто: " + "; ".join(missed))
        sys.exit(1)
    print("Все цели достигнуты.")


if __name__ == "__main__":
    main()
