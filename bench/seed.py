"""A college of SIZE× the real one, for the benchmarks: `bench/seed.py 10` fills 10,000 people, 3 program years,
20,000 issued documents and 56,000 audit events.

    .venv/bin/python bench/seed.py 10                                   # SQLite, bench/.cache/… (printed)
    .venv/bin/python bench/seed.py 10 --database-url postgresql://postgres@127.0.0.1/bench_10

How the data are made. What a rule decides goes through the services: the demo college (accounts in every role,
partners and their agreements, two years, pairs, nominations, candidates, a commission meeting) is seeded by the
demo seeders; the papers of the current year's participants are printed and signed by
``app.applications.paperwork.complete_paperwork``, candidates apply by ``submit_application``, orders are issued by
``issue_document``. Only what no rule shapes is inserted in bulk, in the rules' shape (bench_bases.py's): the
people, their parents, the rows of the bases, audit events beyond those the services recorded. One shortcut: a
kind's Word file is rendered for real once and its bytes reused for the next documents of that kind (docxtpl
costs ~30 ms a document; the rows, numbers, subjects, scans and audit events are the services' own).

The seeded database is kept as a snapshot keyed by SIZE, the database kind and a hash of the code (app/,
migrations/, this file): a rerun with unchanged code restores it in seconds (`--fresh` seeds again).

Parts, in order (``PARTS``): demo, states, years, people, bases, papers, candidates, documents, audit. The domains
to come add theirs to ``PARTS`` here (a function ``part(ctx)``): pairs (2,000 pairs at 10×, through the pairs'
services), questionnaires (5,000 answers at 10×).
"""
import argparse
import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

#: The real college (1×): people on the cards, and per year the rows of the bases.
REAL = {"students": 800, "teachers": 150, "graduates": 30, "partner_employees": 20,
        "mentees_per_year": 340, "student_mentors_per_year": 85, "teacher_mentors_per_year": 10,
        "employer_mentors_per_year": 5, "candidates": 30, "documents": 2_000, "audit_events": 5_600}
PASSWORD = "bench-parol-1"
SURNAMES = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков",
            "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов"]
NAMES = ["Александр", "Дмитрий", "Максим", "Илья", "Артём", "Кирилл", "Никита", "Егор", "Матвей", "Иван"]
PATRONYMICS = ["Александрович", "Сергеевич", "Андреевич", "Владимирович", "Николаевич", "Игоревич"]
CACHE = Path(os.environ.get("BENCH_CACHE") or ("/dev/shm/nastavnichestvo-bench" if Path("/dev/shm").is_dir()
                                               else ROOT / "bench" / ".cache"))


def code_hash():
    """What the seeded data depend on: the application's code, its migrations and this seed."""
    digest = hashlib.sha256()
    for folder in ("app", "migrations", "forms", "doc_templates"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


def bench_config(url, upload_root):
    return {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "UPLOAD_ROOT": str(upload_root),
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000", "DOCUMENTS_BACKGROUND_JOBS": False,
            "PDF_CONVERTER_DIR": str(Path(upload_root).parent / "converter"), "RATELIMIT_ENABLED": False}


class Seeded:
    """Where a seeded college is: its database address and upload folder."""

    def __init__(self, size, url, upload_root):
        self.size, self.url, self.upload_root = size, url, Path(upload_root)

    def discard(self):
        """Remove this run's files (the snapshot stays; a PostgreSQL database stays until the next run drops it)."""
        shutil.rmtree(self.upload_root.parent, ignore_errors=True)

    def app(self, **overrides):
        from app import create_app
        return create_app({**bench_config(self.url, self.upload_root), **overrides})


def prepare(size, database_url=None, fresh=False, quiet=False, any_snapshot=False, resume=None):
    """A college of ``size``× in ``database_url`` (a fresh SQLite file by default), from the snapshot if any.

    ``any_snapshot``: the newest snapshot of this size even if the code changed since (migrated to the head):
    for measuring a change to a page without seeding again.
    """
    say = (lambda *a: None) if quiet else print
    if resume is not None:
        return _resume(size, database_url, Path(resume), say)
    dialect = "postgresql" if database_url and database_url.startswith("postgres") else "sqlite"
    key = f"{dialect}-{size:g}-{code_hash()}"
    snapshot = CACHE / key
    if any_snapshot and not (snapshot / "done").exists():
        found = sorted(CACHE.glob(f"{dialect}-{size:g}-*/done"), key=lambda path: path.stat().st_mtime)
        snapshot = found[-1].parent if found else snapshot
    work = CACHE / f"run-{key}-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    url = database_url or f"sqlite:///{work / 'college.sqlite'}"
    if (snapshot / "done").exists() and not fresh:
        started = time.perf_counter()
        _restore(snapshot, url, work)
        seeded = Seeded(size, url, work / "uploads")
        if snapshot.name != key:
            _migrate(seeded)
        say(f"Колледж {size:g}×: из снимка {snapshot} ({time.perf_counter() - started:.1f} с)")
        return seeded
    started = time.perf_counter()
    seeded = Seeded(size, url, work / "uploads")
    counts = seed(seeded, say)
    shutil.rmtree(snapshot, ignore_errors=True)
    snapshot.mkdir(parents=True)
    _save(snapshot, url, work)
    (snapshot / "done").write_text(repr(counts))
    say(f"Колледж {size:g}× засеян за {time.perf_counter() - started:.0f} с: "
        + ", ".join(f"{name} {count}" for name, count in counts.items()))
    return seeded


def _migrate(seeded):
    from flask_migrate import upgrade
    with seeded.app().app_context():
        upgrade(directory=str(ROOT / "migrations"))


def _save(snapshot, url, work):
    if url.startswith("sqlite"):
        _sqlite_copy(work / "college.sqlite", snapshot / "college.sqlite")
    else:
        subprocess.run(["pg_dump", "-Fc", "-f", str(snapshot / "college.dump"), _libpq(url)], check=True)
    shutil.copytree(work / "uploads", snapshot / "uploads", copy_function=os.link)


def _restore(snapshot, url, work):
    if url.startswith("sqlite"):
        _sqlite_copy(snapshot / "college.sqlite", work / "college.sqlite")
    else:
        _recreate_pg(url)
        subprocess.run(["pg_restore", "--no-owner", "-d", _libpq(url), str(snapshot / "college.dump")], check=True)
        # A restored database has no planner statistics; a database in use has them.
        subprocess.run(["psql", "-q", "-d", _libpq(url), "-c", "ANALYZE"], check=True)
    shutil.copytree(snapshot / "uploads", work / "uploads", copy_function=os.link)


def _sqlite_copy(source, target):
    """SQLite's own backup (a database in WAL may have pages not yet in its main file)."""
    with sqlite3.connect(source) as from_, sqlite3.connect(target) as to:
        from_.backup(to)


def _libpq(url):
    return url.replace("postgresql+psycopg://", "postgresql://")


def _recreate_pg(url):
    parts = urlsplit(_libpq(url))
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    subprocess.run(["psql", "-q", "-d", admin, "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
                    "-c", f'CREATE DATABASE "{name}"'], check=True, capture_output=True)


# --- seeding -------------------------------------------------------------------------------------------------

class Context:
    def __init__(self, size, say):
        self.size, self.say = size, say
        self.chance = random.Random(12)
        self.demo = None
        self.years = []

    def n(self, key):
        return int(REAL[key] * self.size)


def seed(seeded, say, done=()):
    """Run the parts not in ``done``; each whole part is written down in the run folder's «parts» file."""
    from flask_migrate import upgrade

    from app.extensions import db

    if not seeded.url.startswith("sqlite") and not done:
        _recreate_pg(seeded.url)
    app = seeded.app()
    ctx = Context(seeded.size, say)
    ledger = seeded.upload_root.parent / "parts"
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        if done:
            ctx.demo, ctx.years = _demo_from_database(), _years()
        with _rendered_once():
            for name, part in PARTS:
                if name in done:
                    continue
                started = time.perf_counter()
                part(ctx)
                db.session.commit()
                with open(ledger, "a") as handle:
                    handle.write(name + "\n")
                say(f"  {name}: {time.perf_counter() - started:.1f} с")
        return _counts()


def _resume(size, database_url, work, say):
    """Finish an interrupted seed in its run folder (the parts its «parts» file does not list), then snapshot it."""
    url = database_url or f"sqlite:///{work / 'college.sqlite'}"
    seeded = Seeded(size, url, work / "uploads")
    done = (work / "parts").read_text().split()
    say(f"Колледж {size:g}×: продолжение после частей {', '.join(done)}")
    counts = seed(seeded, say, done)
    snapshot = CACHE / f"{'postgresql' if database_url else 'sqlite'}-{size:g}-{code_hash()}"
    shutil.rmtree(snapshot, ignore_errors=True)
    snapshot.mkdir(parents=True)
    _save(snapshot, url, work)
    (snapshot / "done").write_text(repr(counts))
    say("Засеяно: " + ", ".join(f"{name} {count}" for name, count in counts.items()))
    return seeded


def _demo_from_database():
    """What the later parts read of the demo's context, found again in a resumed database."""
    from app.accounts.models import User
    from app.demo import DemoContext
    from app.extensions import db
    from app.programs.models import ProgramYear
    from app.programs.services import current_year, standard_form_by_code
    context = DemoContext(PASSWORD)
    context.users = {user.email.split("@")[0]: user for user in db.session.scalars(select(User))}
    year = current_year()
    context.data.update(forms=standard_form_by_code(), current_year=year, clerk=context.users["secretary"],
                        previous_year=db.session.scalar(select(ProgramYear).where(ProgramYear.id != year.id)
                                                        .order_by(ProgramYear.start_date.desc())))
    return context


def _years():
    from app.extensions import db
    from app.programs.models import ProgramYear
    return list(db.session.scalars(select(ProgramYear).order_by(ProgramYear.start_date)))


class _rendered_once:
    """Each (kind, template) rendered by docxtpl once; its next documents reuse the bytes (see the docstring)."""

    def __enter__(self):
        from app.documents import services
        self.services, self.original, cache = services, services.render_version, {}

        def render_version(kind, template, context):
            key = (kind.code, template.id)
            if key not in cache:
                cache[key] = self.original(kind, template, context)
            return cache[key]

        services.render_version = render_version

    def __exit__(self, *exc):
        self.services.render_version = self.original


def part_demo(ctx):
    """The demo college through the services: accounts, partners, agreements, two years, pairs, candidates."""
    from app.demo import run_seeders
    ctx.demo = run_seeders(PASSWORD)


def part_states(ctx):
    """What the demo does not leave behind and pages show (the accessibility test's world, tests/e2e/a11y_world.py):
    a closed and an open commission meeting with candidates, a nomination ready for its orders, a ZIP of the
    register, an Excel upload with a bad row."""
    from tests.e2e import a11y_world
    users = ctx.demo.users
    a11y_world._meetings(users)
    a11y_world._nomination_ready_for_its_orders(users["secretary"])
    a11y_world._archive(users["secretary"])
    a11y_world._upload(users["staff"])


def part_years(ctx):
    """A third, older year (2024/2025), so lists have three to filter by."""
    from app.extensions import db
    from app.programs import services as programs
    from app.programs.models import ProgramYear
    forms = ctx.demo.data["forms"]
    programs.create_year(title="2024/2025", start_date=date(2024, 9, 1), end_date=date(2025, 8, 31),
                         forms=list(forms.values()))
    db.session.flush()
    ctx.years = list(db.session.scalars(select(ProgramYear).order_by(ProgramYear.start_date)))


def part_people(ctx):
    """People and minors' parents in bulk: a card has no rule beyond its fields."""
    from app.core.search import search_key
    from app.extensions import db
    from app.partners.models import PartnerOrganisation
    from app.people.models import LegalRepresentative, Person
    partner_ids = list(db.session.scalars(select(PartnerOrganisation.id).order_by(PartnerOrganisation.id)))
    now = ctx.years[0].created_at
    rows = []
    plan = [("student", ctx.n("students")), ("teacher", ctx.n("teachers")), ("graduate", ctx.n("graduates")),
            ("partner_employee", ctx.n("partner_employees"))]
    number = 0
    for category, count in plan:
        for _ in range(count):
            number += 1
            last, first, middle = (ctx.chance.choice(SURNAMES), ctx.chance.choice(NAMES),
                                   ctx.chance.choice(PATRONYMICS))
            extra = {"student": {"study_group": f"ТМ-{21 + number % 6}",
                                 "birth_date": date(2006 + number % 5, 1 + number % 12, 1 + number % 28)},
                     "teacher": {"position": "преподаватель", "birth_date": date(1975, 1, 1)},
                     "graduate": {"position": "мастер", "birth_date": date(2002, 1, 1)},
                     "partner_employee": {"position": "инженер", "birth_date": date(1980, 1, 1),
                                          "organisation_id": partner_ids[number % len(partner_ids)]}}[category]
            rows.append({"last_name": last, "first_name": first, "middle_name": middle, "gender": "male",
                         "category": category, "phone": f"+7 (912) {number % 1000:03d}-{number // 1000:02d}-00",
                         "name_forms": {}, "search_name": search_key(last, first, middle), "created_at": now,
                         "updated_at": now, **extra})
    for start in range(0, len(rows), 2000):
        db.session.execute(insert(Person), rows[start:start + 2000])
    students = db.session.execute(select(Person.id, Person.birth_date).where(
        Person.category == "student", Person.created_at == now)).all()
    parents = [{"person_id": person_id, "last_name": "Родителева", "first_name": "Анна", "middle_name": "Ивановна",
                "gender": "female", "relation": "mother", "phone": "+7 (922) 000-00-00", "name_forms": {},
                "created_at": now, "updated_at": now} for person_id, _ in students]
    for start in range(0, len(parents), 2000):
        db.session.execute(insert(LegalRepresentative), parents[start:start + 2000])


def part_bases(ctx):
    """Rows of the mentor and mentee bases of each year, in bulk in the rules' shape (two mentees a student
    mentor, a form each category may take part in); the current year's people get their papers next."""
    from app.bases.models import MenteeParticipation, MentorParticipation
    from app.extensions import db
    from app.people.models import Person
    forms = ctx.demo.data["forms"]
    now = ctx.years[0].created_at
    ids = {category: list(db.session.scalars(select(Person.id).where(Person.category == category,
                                                                     Person.created_at == now).order_by(Person.id)))
           for category in ("student", "teacher", "graduate", "partner_employee")}
    for index, year in enumerate(ctx.years):
        entry = year.start_date + timedelta(days=14)
        common = {"program_year_id": year.id, "entry_date": entry, "created_at": now, "updated_at": now}
        students = ids["student"][index * ctx.n("student_mentors_per_year"):]
        mentors = [{**common, "person_id": person_id, "category": "student", "status": "registered",
                    "mentorship_form_id": forms["student_student"].id, "competencies": "Лидер группы",
                    "registered_on": entry, "registry_basis": "Приказ № 1"}
                   for person_id in students[-ctx.n("student_mentors_per_year"):]]
        mentors += [{**common, "person_id": person_id, "category": "college_staff", "status": "registered",
                     "mentorship_form_id": forms["teacher_teacher"].id, "competencies": "Стаж 15 лет",
                     "registered_on": entry, "registry_basis": "Приказ № 1"}
                    for person_id in ids["teacher"][:ctx.n("teacher_mentors_per_year")]]
        db.session.execute(insert(MentorParticipation), mentors)
        mentor_ids = list(db.session.scalars(select(MentorParticipation.id).where(
            MentorParticipation.program_year_id == year.id, MentorParticipation.created_at == now)
            .order_by(MentorParticipation.id)))
        mentees = []
        for number, person_id in enumerate(students[:ctx.n("mentees_per_year")]):
            mentor_id = mentor_ids[number // 2] if number < 2 * len(mentor_ids) else None
            if number // 2 >= ctx.n("student_mentors_per_year"):
                mentor_id = None  # the staff mentors mentor teachers (teacher_teacher): no student pairs
            form = forms["student_student"] if mentor_id else None
            mentees.append({**common, "person_id": person_id, "category": "student", "main_request": "Адаптация",
                            "mentor_id": mentor_id, "mentorship_form_id": form.id if form else None,
                            "status": "paired" if mentor_id else ctx.chance.choice(["waiting", "withdrawn"])})
        db.session.execute(insert(MenteeParticipation), mentees)


def part_papers(ctx):
    """The current year's participants' papers, printed and signed through the services; one in ten is left
    without them and one in ten with the first paper printed, not signed — the gaps list has rows."""
    from app.applications.checklist import participations_in
    from app.applications.paperwork import complete_paperwork
    from app.consents.services import print_consent
    from app.extensions import db
    year = ctx.demo.data["current_year"]
    clerk = ctx.demo.data["clerk"]
    rows = [row for row in participations_in(year) if row[0].created_at == ctx.years[0].created_at]
    started = time.perf_counter()
    for number, (person, role, on_date, _) in enumerate(rows):
        if number % 10 == 9:
            continue
        if number % 10 == 8:
            kind = "personal_data_parent" if person.is_minor_on(on_date) else "personal_data"
            print_consent(kind, person, clerk, role=role, year=year, on=on_date,
                          representative=person.representatives[0] if person.representatives else None)
        else:
            complete_paperwork(person, role, year, on_date, clerk)
        if number % 200 == 199:
            db.session.commit()
            ctx.say(f"    документы участников: {number + 1} из {len(rows)} "
                    f"({time.perf_counter() - started:.0f} с)")


def part_candidates(ctx):
    """Candidates of the current year apply through the services; two in three hand in every paper."""
    from app.applications.paperwork import complete_paperwork
    from app.applications.services import default_values, submit_application
    from app.bases.models import MentorParticipation
    from app.extensions import db
    from app.people.models import Person
    year = ctx.demo.data["current_year"]
    clerk = ctx.demo.data["clerk"]
    form = ctx.demo.data["forms"]["teacher_teacher"]
    taken = set(db.session.scalars(select(MentorParticipation.person_id).where(
        MentorParticipation.program_year_id == year.id)))
    teachers = [person for person in db.session.scalars(
        select(Person).where(Person.category == "teacher").order_by(Person.id.desc())) if person.id not in taken]
    on = min(date.today(), year.end_date, year.start_date + timedelta(days=20))
    for number, person in enumerate(teachers[:ctx.n("candidates")]):
        if number % 3:
            complete_paperwork(person, "candidate", year, on, clerk, form=form)
        else:
            submit_application(person, year, clerk, **{
                **default_values(person, year), "mentorship_form": form, "portfolio_pages": 5,
                "regulation_acknowledged": True, "personal_data_consent": True, "applied_on": on,
                "personal_data_consent_on": on, "email": f"candidate{person.id}@kmt.example",
                "phone": person.phone or "+7 (343) 432-00-00"})


def part_documents(ctx):
    """Orders issued through ``issue_document`` until the register holds 2,000 documents per 1×."""
    from app.documents.kinds import all_kinds
    from app.documents.models import Document
    from app.documents.services import issue_document
    from app.extensions import db
    clerk = ctx.demo.data["clerk"]
    kinds = [kind for kind in all_kinds() if kind.numbered and _example(kind) is not None]
    have = db.session.scalar(select(func.count(Document.id)))
    number = 0
    while have < ctx.n("documents"):
        kind = kinds[number % len(kinds)]
        issue_document(kind.code, _example(kind), clerk)
        have += 1
        number += 1
        if number % 500 == 0:
            db.session.commit()


def _example(kind):
    from app.core.errors import RuleError
    try:
        values = kind.example_values()
        kind.clean(values)
        return values
    except (RuleError, KeyError, ValueError, TypeError):  # a kind whose example needs records: not a filler
        return None


def part_audit(ctx):
    """The audit log topped up to 5,600 events per 1× with copies of the services' own events, spread in time."""
    from app.audit.models import AuditEvent
    from app.extensions import db
    events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    have, target = len(events), ctx.n("audit_events")
    rows = []
    for number in range(max(target - have, 0)):
        event = events[number % len(events)]
        rows.append({"created_at": event.created_at - timedelta(minutes=number), "actor_id": event.actor_id,
                     "action": event.action, "target_type": event.target_type, "target_id": event.target_id,
                     "ip_address": "127.0.0.1", "details": event.details})
    for start in range(0, len(rows), 5000):
        db.session.execute(insert(AuditEvent), rows[start:start + 5000])


#: The parts of a college, in order. Pairs and questionnaires add theirs here once their domains exist.
PARTS = [("demo", part_demo), ("states", part_states), ("years", part_years), ("people", part_people),
         ("bases", part_bases), ("papers", part_papers), ("candidates", part_candidates), ("documents", part_documents),
         ("audit", part_audit)]


def _counts():
    from app.audit.models import AuditEvent
    from app.bases.models import MenteeParticipation, MentorParticipation
    from app.consents.models import Consent
    from app.documents.models import Document, SignedScan
    from app.extensions import db
    from app.people.models import Person
    from app.programs.models import ProgramYear
    models = {"people": Person, "years": ProgramYear, "mentees": MenteeParticipation, "mentors": MentorParticipation,
              "consents": Consent, "documents": Document, "scans": SignedScan, "audit": AuditEvent}
    return {name: db.session.scalar(select(func.count()).select_from(model)) for name, model in models.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=float, help="times the real college (1, 3, 10, 30)")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"),
                        help="PostgreSQL to fill (it is dropped and created again); SQLite by default")
    parser.add_argument("--fresh", action="store_true", help="seed again even if a snapshot exists")
    parser.add_argument("--resume", metavar="RUN_FOLDER", help="finish an interrupted seed in its run folder")
    args = parser.parse_args()
    seeded = prepare(args.size, args.database_url, fresh=args.fresh, resume=args.resume)
    print(f"База: {seeded.url}\nФайлы: {seeded.upload_root}")


if __name__ == "__main__":
    main()
