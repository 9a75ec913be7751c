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
