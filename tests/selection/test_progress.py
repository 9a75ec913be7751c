"""Each candidate's way through stages 3 and 4 (4.12, 4.13): submitted, papers complete, before the commission,
selected or not, in the registry by order — with filters, for the secretary, the director and the curator."""
from datetime import date

from app.applications.services import withdraw_application
from app.extensions import db
from app.programs.services import current_year
from app.selection import commission, registry
from app.selection.progress import ProgressFilters, Stage, year_progress
from tests.helpers import page_text
from tests.selection.fixtures import cast


def test_the_progress_shows_where_each_candidate_stands(client, auth, meeting, candidate, on_agenda, people):
    candidate(papers=False, last_name="Андреев")
    candidate(last_name="Борисов")
    selected, rejected, curator = (candidate(last_name="Власов"), candidate(last_name="Гришин"),
                                   candidate(for_curator=True, last_name="Дёмина", gender="female"))
    leaving = candidate(last_name="Ершов")
    items = on_agenda(selected, rejected, curator)
    withdraw_application(leaving, on=date(2026, 9, 18), note="Передумал")
    for item, vote in zip(items, ("for", "against", "for"), strict=True):
        for name in ("director", "curator", "lebedev"):
            cast(item, people[name], vote)
    commission.close_meeting(meeting, actor=people["secretary"])
    registry.approve_registry(meeting, order_date=date(2026, 9, 22), entry_date=date(2026, 9, 22),
                              competencies={items[0].id: "Лидер"}, actor=people["secretary"])
    db.session.commit()

    stages = {row.application.person.last_name: row.stage for row in year_progress(current_year())}
    assert stages == {"Андреев": Stage.PAPERS_MISSING, "Борисов": Stage.READY, "Власов": Stage.ORDERED,
                      "Гришин": Stage.NOT_SELECTED, "Дёмина": Stage.SELECTED, "Ершов": Stage.WITHDRAWN}
    assert [r.application.person.last_name for r in year_progress(
        current_year(), ProgressFilters(candidacy="curator"))] == ["Дёмина"]

    auth.login_as(people["curator"])  # the curator follows the selection
    page = page_text(client.get("/selection/progress"))
    assert "Власов Иван Петрович приказ издан" in page and "Приказ № 2-од от 22.09.2026" in page
    assert "Гришин Иван Петрович не отобран" in page and "Протокол № 01 от 20.09.2026" in page
    page = page_text(client.get("/selection/progress?stage=papers_missing"))
    assert "Андреев" in page and "Борисов" not in page and "Всего: 1" in page
    auth.login_as(people["lebedev"])  # a member of the year's commission follows it too
    assert "Власов Иван Петрович приказ издан" in page_text(client.get("/selection/progress"))
    auth.login_as(people["orlov"])  # holds «член комиссии», not on this year's composition
    assert client.get("/selection/progress").status_code == 403


def test_the_progress_pages_in_sql_and_asks_the_same_queries_for_more_candidates(client, auth, composition, people,
                                                                                candidate, monkeypatch):
    """Issue 12: the page builds the rows of its page only; a status-decided stage is filtered in SQL, a stage the
    papers decide is judged first, then paged — the total counts them all either way."""
    from app.selection.routes import progress as route
    from tests.query_count import count_queries

    monkeypatch.setattr(route, "PER_PAGE", 2)
    candidate(papers=False, last_name="Андреев")
    candidate(last_name="Борисов")
    auth.login_as(people["curator"])

    def counts():
        client.get("/selection/progress")  # after a commit the first request loads again what it expired
        return count_queries(client, "/selection/progress"), count_queries(client, "/selection/progress?stage=ready")

    few = counts()
    for name in ("Васин", "Гусев", "Дуров"):
        candidate(last_name=name)
    leaving = candidate(last_name="Ершов")
    withdraw_application(leaving, on=date(2026, 9, 18), note="Передумал")
    db.session.commit()
    assert counts() == few
    first, second = page_text(client.get("/selection/progress")), page_text(client.get("/selection/progress?page=2"))
    assert "Андреев" in first and "Борисов" in first and "Васин" not in first and "Всего: 6" in first
    assert "Васин" in second and "Гусев" in second and "Андреев" not in second
    ready = page_text(client.get("/selection/progress?stage=ready&page=2"))
    assert "Всего: 4" in ready and "Дуров" in ready and "Андреев" not in ready and "Борисов" not in ready
    withdrawn = page_text(client.get("/selection/progress?stage=withdrawn"))
    assert "Всего: 1" in withdrawn and "Ершов" in withdrawn
