"""The pages issue 12 named, timed with another checkout's code on the same seeded college: before/after.

    git archive <commit> | tar -x -C /tmp/before
    .venv/bin/python bench/before_after.py /tmp/before 10      # that code, then this one, on the 10× snapshot

Each side runs in a process of its own on its own copy of the newest snapshot of that size, one side after the
other: the same pages, 3 samples each after a warm-up; the figures are the median wall time and processor time,
in ms, and the SQL statements of one request. On a shared machine the processor time of the request (SQLite runs
in the process) is the figure to compare: the wall time depends on what else runs.
"""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [("curator", "/applications/papers/"), ("curator", "/selection/progress"),
         ("curator", "/selection/progress?stage=ready"), ("secretary", "/documents/?q=иванов"),
         ("secretary", "/documents/?q=1-од"), ("curator", "/applications/?year=all"),
         ("curator", "/people/?page=200"), ("curator", "/people/?page=100")]


def measure(code_root, size):
    """Run in a child: {url: [p50, max, sql]} with the code of ``code_root``."""
    sys.path.insert(0, code_root)
    sys.path.insert(1, str(ROOT))
    import app  # noqa: F401  (now, from code_root: bench's modules put this checkout first on the path)
    assert app.__file__.startswith(code_root), app.__file__
    from sqlalchemy import event

    from bench.pages import login
    from bench.seed import prepare
    seeded = prepare(size, any_snapshot=True, quiet=True)
    app = seeded.app()
    from app.extensions import db
    count = [0]
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda *a: count.__setitem__(0, count[0] + 1))
    clients, results = {}, {}
    for role, url in PAGES:
        if role not in clients:
            clients[role] = app.test_client()
            login(clients[role], role)
        client = clients[role]
        client.get(url)
        timings, cpu, sql = [], [], 0
        for _ in range(3):
            before, started, cpu_started = count[0], time.perf_counter(), time.process_time()
            assert client.get(url).status_code == 200, url
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
            sql = count[0] - before
        timings.sort()
        cpu.sort()
        results[url] = [timings[1], cpu[1], sql]
    seeded.discard()
    return results


def main():
    if sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2], float(sys.argv[3]))))
        return
    other, size = sys.argv[1], sys.argv[2]
    sides = {}
    for name, root in (("до", other), ("после", str(ROOT))):
        env = {**os.environ, "PYTHONPATH": root}
        found = subprocess.run([sys.executable, __file__, "--child", root, size], check=True, capture_output=True,
                               text=True, env=env, cwd=root)
        sides[name] = json.loads(found.stdout.splitlines()[-1])
    print(f"\n{'Страница':<40} {'до: время / CPU, мс, SQL':>30} {'после: время / CPU, мс, SQL':>32}")
    for _, url in PAGES:
        cells = [f"{sides[s][url][0]:>10.0f} / {sides[s][url][1]:>7.0f} {sides[s][url][2]:>5}" for s in ("до", "после")]
        print(f"{url:<40} {cells[0]:>30} {cells[1]:>32}")
    load = os.getloadavg()
    print(f"{size}×, SQLite; средняя загрузка машины ({os.cpu_count()} ядра): "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
