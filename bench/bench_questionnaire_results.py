"""Benchmark of the questionnaires' results: 5,000 answers to one questionnaire (Приложение 8: 10 scales, 2 yes/no,
a frequency, 3 free answers — 80,000 answer rows), 3,000 people answering at the start and 2,000 of them at the end.

Goal: the results page (counts, averages, distributions, free answers, start against end) answers in under 100 ms
at the 95th percentile (Flask test client), with and without filters; the .xlsx export is timed too. The data are
inserted in bulk. Exits with status 1 when a goal is missed. Self-contained (not bench/seed.py).

    .venv/bin/python bench/bench_questionnaire_results.py                     # SQLite in a temporary folder
    .venv/bin/python bench/bench_questionnaire_results.py --database-url postgresql://postgres@127.0.0.1/bench_q
"""
import random
import secrets
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, insert, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core.search import search_key  # noqa: E402
from app.extensions import db  # noqa: E402
from app.people.models import Person  # noqa: E402
from app.programs import services as programs  # noqa: E402
from app.questionnaires import tallies  # noqa: E402
from app.questionnaires.models import Answer, AnswerKind, Dispatch, Invitation, Phase, Questionnaire, Response  # noqa: E402
from app.questionnaires.services import ensure_standard_questionnaires  # noqa: E402
from bench.page_timing import bench_app, curator_client, time_pages  # noqa: E402

START_ANSWERS = 3_000
END_ANSWERS = 2_000
PAGE_GOAL_MS = 100
EXPORT_GOAL_S = 5
REPEATS = 60
TEXTS = ["Поддержку наставника", "Опыт открытых уроков", "Новые методики", "Уверенность у доски", "Обратную связь"]


def main():
    app = bench_app("bench-questionnaires-", __doc__.splitlines()[0])
    with app.app_context():
        started = time.perf_counter()
        questionnaire, year = seed()
        answers = db.session.scalar(select(func.count(Answer.id)))
        responses = db.session.scalar(select(func.count(Response.id)))
        print(f"Данные: {responses} ответов на анкету «{questionnaire.title}», {answers} строк ответов "
              f"({time.perf_counter() - started:.1f} с), база: {db.engine.dialect.name}")
        client = curator_client(app)
        failed = measure(client, questionnaire, year)
    print("Все цели достигнуты." if not failed else f"Не достигнуто целей: {failed}.")
    sys.exit(1 if failed else 0)


def seed():
    chance = random.Random(14)
    forms = programs.ensure_standard_forms()
    year = programs.create_year(title="2026/2027", start_date=date(2026, 9, 1), end_date=date(2027, 8, 31),
                                forms=list(forms.values()))
    programs.make_current(year)
    ensure_standard_questionnaires()
    db.session.commit()
    questionnaire = db.session.scalar(select(Questionnaire).where(Questionnaire.code == "p8_mentee"))
    version = questionnaire.current_version
    now = datetime.now(UTC)
    db.session.execute(insert(Person), [
        {"last_name": f"Учителев{n}", "first_name": "Иван", "middle_name": "Петрович", "gender": "male",
         "category": "teacher", "position": "преподаватель", "birth_date": date(1985, 1, 1), "name_forms": {},
         "search_name": search_key(f"Учителев{n}", "Иван", "Петрович"), "created_at": now, "updated_at": now}
        for n in range(START_ANSWERS + 500)])
    people = list(db.session.scalars(select(Person.id).order_by(Person.id)))
    for phase, answering in ((Phase.START, START_ANSWERS), (Phase.END, END_ANSWERS)):
        dispatch = Dispatch(questionnaire=questionnaire, version=version, program_year=year, phase=phase,
                            target="form", mentorship_form_id=questionnaire.mentorship_form_id,
                            expires_on=date(2027, 8, 31))
        db.session.add(dispatch)
        db.session.flush()
        invited = people if phase == Phase.START else people[:END_ANSWERS + 300]
        db.session.execute(insert(Invitation), [
            {"dispatch_id": dispatch.id, "person_id": person_id, "mentorship_form_id": questionnaire.mentorship_form_id,
             "salt": "bench", "token_hash": secrets.token_hex(32), "created_at": now} for person_id in invited])
        invitations = list(db.session.scalars(select(Invitation.id).where(Invitation.dispatch_id == dispatch.id)
                                              .order_by(Invitation.id)))[:answering]
        db.session.execute(insert(Response), [
            {"invitation_id": invitation_id, "version_id": version.id, "submitted_at": now,
             "on_paper": index % 10 == 0} for index, invitation_id in enumerate(invitations)])
        response_ids = list(db.session.scalars(select(Response.id).join(Invitation)
                                               .where(Invitation.dispatch_id == dispatch.id)))
        rows = []
        for response_id in response_ids:
            for question in version.questions:
                if question.kind == AnswerKind.TEXT:
                    if chance.random() < 0.7:
                        rows.append({"response_id": response_id, "question_id": question.id,
                                     "text": chance.choice(TEXTS)})
                    continue
                options = [value for value, _ in question.kind.options]
                value = chance.choice(options[3:] if phase == Phase.END and len(options) > 5 else options)
                rows.append({"response_id": response_id, "question_id": question.id, "value": value})
        db.session.execute(insert(Answer), rows)
    tallies.rebuild(version)  # the running counts a submission keeps, made at once for the bulk-loaded answers
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("ANALYZE"))  # the statistics autovacuum keeps on a database in use
        db.session.commit()
    return questionnaire, year


def measure(client, questionnaire, year):
    form_id = questionnaire.mentorship_form_id
    base = f"/questionnaires/{questionnaire.id}/results"
    pages = [base, f"{base}?year_id={year.id}&phase=start", f"{base}?year_id={year.id}&phase=end&form_id={form_id}",
             f"{base}?phase=end"]
    failed = time_pages(client, pages, repeats=REPEATS, goal_ms=PAGE_GOAL_MS, width=60)
    started = time.perf_counter()
    export = client.get(f"{base}.xlsx")
    seconds = time.perf_counter() - started
    ok = export.status_code == 200 and seconds < EXPORT_GOAL_S
    failed += not ok
    print(f"\nВыгрузка результатов в .xlsx: {seconds:.2f} с ({len(export.data) // 1024} КБ), "
          f"цель < {EXPORT_GOAL_S} с: {'да' if ok else 'НЕТ'}")
    return failed


if __name__ == "__main__":
    main()
