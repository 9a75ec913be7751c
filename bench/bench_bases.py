"""Benchmark of the bases: list pages at 10,000 people and 3 program years, and the .xlsx export.

Goals: every list page answers in under 50 ms at the 95th percentile (Flask test client,
50 rows a page); exporting 10,000 rows to .xlsx takes under 5 s. The data are inserted in bulk
(not through the services: 10,000 people would take minutes) but keep the rules' shape: two
mentees per student mentor, groups only with employers, minors with a parent.

    .venv/bin/python bench/bench_bases.py                     # SQLite in a temporary folder
    .venv/bin/python bench/bench_bases.py --database-url postgresql://postgres@127.0.0.1/bench_x
"""
import random
import sys
import time
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.bases.models import MenteeParticipation, MentorParticipation  # noqa: E402
from app.core.search import search_key  # noqa: E402
from app.extensions import db  # noqa: E402
from app.partners.models import PartnerOrganisation  # noqa: E402
from app.people.models import LegalRepresentative, Person  # noqa: E402
from app.programs import services as programs  # noqa: E402
from bench.page_timing import bench_app, curator_client, time_pages  # noqa: E402

PEOPLE = 10_000
YEARS = [("2024/2025", 2024), ("2025/2026", 2025), ("2026/2027", 2026)]
MENTEES_PER_YEAR = 3_400
STUDENT_MENTORS_PER_YEAR = 900
EMPLOYER_MENTORS_PER_YEAR = 100
PAGE_GOAL_MS = 50
EXPORT_GOAL_S = 5
#: Requests timed per page. Python's full garbage collection (about 50 ms with this app's ~135,000
#: objects) falls on roughly 3 requests in 100: the p95 of 100 requests is the page's own speed, the
#: maximum shows the pauses.
REPEATS = 100
SURNAMES = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков",
            "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов"]
NAMES = ["Александр", "Дмитрий", "Максим", "Илья", "Артём", "Кирилл", "Никита", "Егор", "Матвей", "Иван"]
PATRONYMICS = ["Александрович", "Сергеевич", "Андреевич", "Владимирович", "Николаевич", "Игоревич"]


def main():
    app = bench_app("bench-bases-", __doc__.splitlines()[0])
    with app.app_context():
        started = time.perf_counter()
        years = seed()
        print(f"Данные: {PEOPLE} человек, {len(years)} учебных года, "
              f"{db.session.scalar(select(db.func.count(MenteeParticipation.id)))} записей базы наставляемых, "
              f"{db.session.scalar(select(db.func.count(MentorParticipation.id)))} — наставников "
              f"({time.perf_counter() - started:.1f} с), база: {db.engine.dialect.name}")
        client = curator_client(app)
        failed = measure_pages(client, years) + measure_exports(client)
    print("Все цели достигнуты." if not failed else f"Не достигнуто целей: {failed}.")


def seed():
    chance = random.Random(4)
    forms = programs.ensure_standard_forms()
    years = []
    for title, start in YEARS:
        year = programs.create_year(title=title, start_date=date(start, 9, 1), end_date=date(start + 1, 8, 31),
                                    forms=list(forms.values()))
        years.append(year)
    programs.make_current(years[-1])
    db.session.commit()
    now = years[0].created_at
    partners = [{"full_name": f"ООО «Предприятие {n}» полностью", "short_name": f"ООО «Предприятие {n}»",
                 "legal_address": "г. Красноуральск", "head_last_name": "Ершов", "head_first_name": "Виктор",
                 "head_middle_name": "Андреевич", "head_gender": "male", "head_position": "директор",
                 "head_basis": "Устава", "head_name_forms": {}, "active": True, "created_at": now, "updated_at": now,
                 "search_name": search_key(f"ООО «Предприятие {n}»")} for n in range(1, 21)]
    db.session.execute(insert(PartnerOrganisation), partners)
    partner_ids = list(db.session.scalars(select(PartnerOrganisation.id)))
    people = []
    for number in range(PEOPLE):
        last, first, middle = chance.choice(SURNAMES), chance.choice(NAMES), chance.choice(PATRONYMICS)
        last = f"{last}{'а' * (number % 3 == 0)}" if number % 3 else last
        if number < 8_000:
            category, extra = "student", {"study_group": f"ТМ-{21 + number % 6}",
                                          "birth_date": date(2006 + number % 4, 1 + number % 12, 1 + number % 28)}
        elif number < 9_500:
            category, extra = "teacher", {"position": "преподаватель", "birth_date": date(1975, 1, 1)}
        elif number < 9_800:
            category, extra = "graduate", {"position": "мастер", "birth_date": date(2002, 1, 1)}
        else:
            category, extra = "partner_employee", {"position": "инженер", "birth_date": date(1980, 1, 1),
                                                   "organisation_id": partner_ids[number % len(partner_ids)]}
        people.append({"last_name": last, "first_name": first, "middle_name": middle, "gender": "male",
                       "category": category, "phone": f"+7 (912) {number:03d}-00-00"[:18], "name_forms": {},
                       "search_name": search_key(last, first, middle), "created_at": now, "updated_at": now,
                       **extra})
    db.session.execute(insert(Person), people)
    ids = {category: list(db.session.scalars(select(Person.id).where(Person.category == category)
                                              .order_by(Person.id)))
           for category in ("student", "teacher", "graduate", "partner_employee")}
    db.session.execute(insert(LegalRepresentative), [
        {"person_id": person_id, "last_name": "Родителева", "first_name": "Анна", "middle_name": "Ивановна",
         "gender": "female", "relation": "mother", "phone": "+7 (922) 000-00-00", "name_forms": {},
         "created_at": now, "updated_at": now} for person_id in ids["student"][:3_000]])
    for index, year in enumerate(years):
        seed_year(year, forms, ids, index, now, chance)
    db.session.commit()
    return years


def seed_year(year, forms, ids, index, now, chance):
    entry = year.start_date + timedelta(days=14)
    students = ids["student"][index * 100:]
    mentor_people = students[-STUDENT_MENTORS_PER_YEAR:]
    common = {"program_year_id": year.id, "entry_date": entry, "created_at": now, "updated_at": now}
    mentors = [{**common, "person_id": person_id, "category": "student", "status": "registered",
                "mentorship_form_id": forms["student_student"].id, "competencies": "Лидер группы",
                "registered_on": entry, "registry_basis": "Приказ № 1"} for person_id in mentor_people]
    mentors += [{**common, "person_id": person_id, "category": "partner_employee", "status": "registered",
                 "mentorship_form_id": forms["employer_student"].id, "competencies": "Опыт 10 лет",
                 "registered_on": entry, "registry_basis": "Приказ № 1"}
                for person_id in ids["partner_employee"][:EMPLOYER_MENTORS_PER_YEAR]]
    db.session.execute(insert(MentorParticipation), mentors)
    mentor_ids = list(db.session.scalars(select(MentorParticipation.id).where(
        MentorParticipation.program_year_id == year.id).order_by(MentorParticipation.id)))
    mentees = []
    for number, person_id in enumerate(students[:MENTEES_PER_YEAR]):
        mentor_id = mentor_ids[number // 2] if number < 2 * len(mentor_ids) else None
        form = forms["student_student"] if mentor_id and number // 2 < STUDENT_MENTORS_PER_YEAR else (
            forms["employer_student"] if mentor_id else None)
        mentees.append({**common, "person_id": person_id, "category": "student", "main_request": "Адаптация",
                        "mentor_id": mentor_id, "mentorship_form_id": form.id if form else None,
                        "status": "paired" if mentor_id else chance.choice(["waiting", "withdrawn"])})
    db.session.execute(insert(MenteeParticipation), mentees)


def measure_pages(client, years):
    first = years[0]
    pages = [
        "/people/", "/people/?q=иванов", "/people/?category=student&sort=-birth", "/people/?page=150",
        "/bases/mentees/", "/bases/mentees/?year=all", "/bases/mentees/?year=all&q=семёнова",
        "/bases/mentees/?status=paired&sort=-entry", "/bases/mentees/?page=60", f"/bases/mentees/?year={first.id}",
        "/bases/mentors/", "/bases/mentors/?year=all&sort=-entry", "/bases/mentors/?q=петров&category=student",
        "/bases/mentors/?page=18", "/partners/", "/partners/social-partners", "/programs/years/",
        "/admin/mentorship-forms/",
    ]
    failed = time_pages(client, pages, repeats=REPEATS, goal_ms=PAGE_GOAL_MS)
    return failed


def measure_exports(client):
    print(f"\n{'Выгрузка':<48} {'строк':>8} {'время, с':>9}   цель < {EXPORT_GOAL_S} с")
    failed = 0
    for path in ("/excel/export/people.xlsx", "/excel/export/mentees.xlsx?year=all",
                 "/excel/export/mentors.xlsx?year=all"):
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            response = client.get(path)
            timings.append(time.perf_counter() - started)
            assert response.status_code == 200
        rows = sum(1 for _ in load_workbook(BytesIO(response.data), read_only=True).worksheets[0].iter_rows()) - 1
        worst = max(timings)
        ok = worst < EXPORT_GOAL_S
        failed += not ok
        print(f"{path:<48} {rows:>8} {worst:>9.2f}   {'да' if ok else 'НЕТ'}")
    return failed


if __name__ == "__main__":
    main()
