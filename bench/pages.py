"""Every page a role reaches, timed at 1×, 3× and 10× a real college: p50/p95 and SQL statements per page.

    .venv/bin/python bench/pages.py                          # SQLite, sizes 1 3 10
    .venv/bin/python bench/pages.py --sizes 10 --database-url postgresql://postgres@127.0.0.1/bench_pages
    .venv/bin/python bench/pages.py --only papers,progress   # pages whose address contains one of these

The pages are those of the accessibility test (tests/e2e/page_map.py: every GET route of the URL map, its
parameters filled from the database, looked at by its main role), plus the lists with their filters, deep pages
and searches. Each request runs as a real one: its own application context and database session, the user
loaded from the session cookie of a real login (the test client keeps only the cookie between requests).

Each cell: the median and 95th percentile of the wall time, the median processor time of the process (SQLite runs
in it; PostgreSQL's own work is not counted), and the SQL statements of one request. On a shared machine the wall
time depends on what else runs; the processor time much less.

Goals (the process exits 1 when one is missed): p95 < 100 ms at the largest size; SQL statements per page the
same at every size (a page that shows a fixed number of rows asks a fixed number of queries).
"""
import argparse
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import event, select  # noqa: E402

from bench.seed import PASSWORD, prepare  # noqa: E402

GOAL_MS = 100
#: Samples per page: at most this many, fewer for a slow page (BUDGET_S of samples, at least MIN_SAMPLES; one
#: when the warm-up request alone took longer than BUDGET_S).
SAMPLES = 20
MIN_SAMPLES = 3
BUDGET_S = 3.0
#: Who signs in for a role: the demo college's accounts.
ACCOUNTS = {"admin": "admin@kmt.example", "director": "director@kmt.example", "curator": "curator@kmt.example",
            "secretary": "secretary@kmt.example", "staff": "staff@kmt.example",
            "commission": "commission@kmt.example"}


def list_variants():
    """(role, url) of lists with filters, deep pages and searches: what the URL map alone does not give."""
    from app.documents.models import Document
    from app.extensions import db
    from app.people.models import Person
    from app.programs.models import ProgramYear

    years = list(db.session.scalars(select(ProgramYear.id).order_by(ProgramYear.start_date)))
    people = db.session.scalar(select(db.func.count(Person.id)))
    documents = db.session.scalar(select(db.func.count(Document.id)))
    deep_people, deep_documents = max(people // 50 - 1, 1), max(documents // 50 - 1, 1)
    return [
        ("curator", "/people/?q=иванов"), ("curator", "/people/?category=student&sort=-birth"),
        ("curator", f"/people/?page={deep_people}"), ("curator", f"/people/?page={deep_people // 2}"),
        ("curator", "/bases/mentees/?year=all"), ("curator", "/bases/mentees/?year=all&q=семёнов"),
        ("curator", "/bases/mentees/?status=paired&sort=-entry"), ("curator", "/bases/mentees/?page=5"),
        ("curator", f"/bases/mentees/?year={years[0]}"), ("curator", "/bases/mentors/?year=all&sort=-entry"),
        ("curator", "/bases/mentors/?q=петров&category=student"),
        ("secretary", "/documents/?q=иванов"), ("secretary", "/documents/?q=приказ"),
        ("secretary", "/documents/?q=1-од"), ("secretary", f"/documents/?page={deep_documents}"),
        ("secretary", "/documents/?status=issued"),
        ("curator", "/applications/?year=all"), ("curator", "/applications/?q=а"),
        ("curator", "/applications/papers/?page=3"), ("curator", "/applications/papers/?role=mentee"),
        ("curator", "/applications/papers/?state=printed"), ("curator", f"/applications/papers/?year={years[1]}"),
        ("curator", "/selection/progress?page=2"), ("curator", "/selection/progress?q=а"),
        ("curator", "/selection/progress?stage=ready"),
        ("admin", "/admin/audit/?page=50"), ("admin", "/admin/audit/?action=document_issued"),
    ]


def pages_of(app):
    """[(role, url, endpoint)] of every page, resolved in the seeded college."""
    from tests.e2e.page_map import all_pages

    with app.app_context():
        pages = [(page.role.value if page.role else None, page.url, page.endpoint) for page in all_pages(app)]
        pages += [(role, url, "list") for role, url in list_variants()]
    return pages


def pages_in_child(seeded):
    """pages_of() in a process of its own: it imports the test suite (tests/e2e/page_map.py), whose fixtures'
    modules must not share the measuring process (with them loaded, it crashed in SQLite under load)."""
    found = subprocess.run([sys.executable, __file__, "--list-pages", seeded.url, str(seeded.upload_root)],
                           check=True, capture_output=True, text=True)
    return [tuple(page) for page in json.loads(found.stdout.splitlines()[-1])]


def login(client, role):
    """A real sign-in: the login form, its tokens, the POST; afterwards only the session cookie travels."""
    client.cookie_jar.clear() if hasattr(client, "cookie_jar") else None
    page = client.get("/login").get_data(as_text=True)
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*type="hidden"[^>]*value="([^"]*)"', page))
    fields.update(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page))
    fields.update(email=ACCOUNTS[role], password=PASSWORD)
    answer = client.post("/login", data=fields)
    assert answer.status_code == 302, f"{role} could not sign in: {answer.status_code}"


class SqlCounter:
    def __init__(self, engine):
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._count)

    def _count(self, *args):
        self.count += 1


def measure(seeded, only):
    """{url: {p50, p95, max, sql, status, endpoint, samples}} at this college size."""
    from app.extensions import db

    app = seeded.app()
    pages = pages_in_child(seeded)
    if only:
        pages = [page for page in pages if any(word in page[1] for word in only)]
    with app.app_context():
        counter = SqlCounter(db.engine)
    clients = {}
    results = {}
    gc.collect()
    for role, url, endpoint in pages:
        if role is None:
            client = app.test_client()
        else:
            if role not in clients:
                clients[role] = app.test_client()
                login(clients[role], role)
            client = clients[role]
        print(f"  {url}", file=sys.stderr, flush=True)
        started = time.perf_counter()
        first = client.get(url)  # warm: the template compiled, the settings cache filled
        least = MIN_SAMPLES if time.perf_counter() - started < BUDGET_S else 1  # a page of seconds: one sample
        timings, cpu, sql = [], [], []
        spent = time.perf_counter()
        while len(timings) < SAMPLES and (len(timings) < least or time.perf_counter() - spent < BUDGET_S):
            before = counter.count
            started, cpu_started = time.perf_counter(), time.process_time()
            answer = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
            sql.append(counter.count - before)
        timings.sort()
        results[url] = {"endpoint": endpoint, "role": role, "status": answer.status_code, "first": first.status_code,
                        "p50": statistics.median(timings),
                        "p95": timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))],
                        "max": timings[-1], "cpu": statistics.median(cpu), "sql": max(sql),
                        "samples": len(timings)}
    return results


def report(by_size, dialect):
    """The table, and the goals missed (a list of Russian lines)."""
    sizes = sorted(by_size)
    largest = sizes[-1]
    urls = list(by_size[largest])
    head = "".join(f" {f'p50/p95/CPU {s:g}×, мс':>26} {'SQL':>4}" for s in sizes)
    print(f"\n{'Страница (роль)':<62}{head}")
    missed = []
    for url in urls:
        cells = ""
        for size in sizes:
            row = by_size[size].get(url)
            cells += (f" {row['p50']:>9.1f}/{row['p95']:>8.1f}/{row.get('cpu', 0):>7.1f} {row['sql']:>4}" if row
                      else f" {'—':>26} {'':>4}")
        row = by_size[largest][url]
        flags = []
        if row["status"] >= 400:
            flags.append(f"ответ {row['status']}")
        if row["p95"] >= GOAL_MS:
            flags.append(f"p95 {row['p95']:.0f} мс ≥ {GOAL_MS}")
        sqls = {by_size[s][url]["sql"] for s in sizes if url in by_size[s]}
        if len(sqls) > 1:
            flags.append(f"SQL растёт с размером: {sorted(sqls)}")
        print(f"{(url + ' (' + str(row['role']) + ')')[:61]:<62}{cells}  {'; '.join(flags) or 'да'}")
        missed += [f"{url}: {flag}" for flag in flags]
    print(f"\n{len(urls)} страниц, {dialect}; цель: p95 < {GOAL_MS} мс при {largest:g}×, SQL не зависит от размера; "
          f"средняя загрузка машины ({os.cpu_count()} ядра) за 1/5/15 мин: "
          + " ".join(f"{load:.2f}" for load in os.getloadavg()))
    return missed


def main():
    if sys.argv[1:2] == ["--list-pages"]:
        from bench.seed import Seeded
        print(json.dumps(pages_of(Seeded(0, sys.argv[2], sys.argv[3]).app())))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,3,10", help="college sizes, comma-separated (default 1,3,10)")
    parser.add_argument("--database-url", help="PostgreSQL (dropped and created again for each size)")
    parser.add_argument("--any-snapshot", action="store_true",
                        help="measure on the newest seeded snapshot even if the code changed since (migrated)")
    parser.add_argument("--only", default="", help="only pages whose address contains one of these words")
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]
    only = [word for word in args.only.split(",") if word]
    by_size = {}
    dialect = "PostgreSQL" if args.database_url else "SQLite"
    for size in sizes:
        seeded = prepare(size, args.database_url, any_snapshot=args.any_snapshot)
        by_size[size] = measure(seeded, only)
        seeded.discard()
    missed = report(by_size, dialect)
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / f"pages-{dialect.lower()}.json").write_text(
        json.dumps({f"{size:g}": rows for size, rows in by_size.items()}, ensure_ascii=False, indent=1))
    if missed:
        print(f"Не достигнуто целей: {len(missed)}.")
        sys.exit(1)
    print("Все цели достигнуты.")


if __name__ == "__main__":
    main()
