"""Program years: the title and dates, the forms running, the stages of 4.9, one current year, closing."""
from datetime import date

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.errors import RuleError
from app.core.roles import Role
from app.extensions import db
from app.programs import services
from app.programs.models import ProgramStage, ProgramYearStatus
from tests.helpers import page_text


def test_first_year_becomes_current_and_a_later_one_when_chosen(bases_world):
    first = bases_world.year("2026/2027")
    second = bases_world.year("2027/2028", start=date(2027, 9, 1), end=date(2028, 8, 31))
    assert first.is_current and not second.is_current
    services.make_current(second)
    db.session.commit()
    assert services.current_year() is second and not first.is_current


@pytest.mark.parametrize("title,start,end,field", [
    ("2026-2027", date(2026, 9, 1), date(2027, 8, 31), "title"),
    ("2026/2028", date(2026, 9, 1), date(2027, 8, 31), "title"),
    ("2026/2027", date(2027, 9, 1), date(2027, 8, 31), "end_date"),
    ("2026/2027", date(2025, 9, 1), date(2027, 8, 31), "start_date"),
])
def test_title_and_dates_are_checked(bases_world, title, start, end, field):
    forms = bases_world.forms()
    with pytest.raises(RuleError) as refused:
        services.create_year(title=title, start_date=start, end_date=end, forms=list(forms.values()))
    assert refused.value.field == field


def test_a_year_runs_at_least_one_form_4_1(bases_world):
    with pytest.raises(RuleError) as refused:
        services.create_year(title="2026/2027", start_date=date(2026, 9, 1), end_date=date(2027, 8, 31), forms=[])
    assert refused.value.section == "4.1"


def test_the_same_year_twice_is_refused(bases_world):
    bases_world.year()
    with pytest.raises(RuleError, match="уже есть"):
        bases_world.year()


def test_stages_move_one_step_and_closing_needs_the_seventh_4_9(bases_world):
    year = bases_world.year()
    assert year.stage == ProgramStage.PREPARATION and year.stage.number == 1
    with pytest.raises(RuleError) as refused:
        services.change_stage(year, "back")
    assert refused.value.section == "4.9"
    with pytest.raises(RuleError, match="седьмом этапе"):
        services.close_year(year)
    for _ in range(6):
        services.change_stage(year, "next")
    assert year.stage == ProgramStage.COMPLETION
    with pytest.raises(RuleError, match="последний"):
        services.change_stage(year, "next")
    services.close_year(year)
    assert year.status == ProgramYearStatus.CLOSED
    with pytest.raises(RuleError, match="завершён"):
        services.change_stage(year, "back")
    services.reopen_year(year)
    db.session.commit()
    actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.target_type == "program_year")).all()
    assert actions.count("program_stage_changed") == 6 and "program_year_closed" in actions


def test_a_closed_year_refuses_new_records(bases_world):
    year = bases_world.year()
    person = bases_world.person()
    for _ in range(6):
        year.advance()
    year.close()
    db.session.commit()
    with pytest.raises(RuleError, match="завершён"):
        bases_world.mentee(person=person, year=year)


def test_a_form_with_participants_stays_in_the_year_4_1(bases_world):
    year = bases_world.year()
    bases_world.mentor(year=year)
    forms = bases_world.forms()
    with pytest.raises(RuleError) as refused:
        services.update_year(year, title=year.title, start_date=year.start_date, end_date=year.end_date,
                             forms=[forms["teacher_teacher"]])
    assert refused.value.section == "4.1" and "студент – студент" in refused.value.message


def test_curator_opens_a_year_on_the_page_and_errors_keep_the_input(client, auth, make_user, bases_world):
    forms = bases_world.forms()
    auth.login_as(make_user(Role.CURATOR))
    response = client.post("/programs/years/new", data={"title": "2026/2028", "start_date": "2026-09-01",
                                                        "end_date": "2027-08-31",
                                                        "forms": [str(forms["student_student"].id)]})
    assert response.status_code == 200
    assert "два года подряд" in page_text(response) and 'value="2026/2028"' in response.get_data(as_text=True)
    response = client.post("/programs/years/new", data={"title": "2026/2027", "start_date": "2026-09-01",
                                                        "end_date": "2027-08-31",
                                                        "forms": [str(forms["student_student"].id)]},
                           follow_redirects=True)
    text = page_text(response)
    assert "Учебный год 2026/2027 открыт." in text and "Подготовка условий для запуска Целевой модели" in text
    year = services.current_year()
    response = client.post(f"/programs/years/{year.id}/stage", data={"direction": "next"}, follow_redirects=True)
    assert "Этап программы изменён." in page_text(response)
    assert year.stage == ProgramStage.MENTEE_BASE


def test_year_pages_show_stages_to_readers_without_curator_buttons(client, auth, make_user, bases_world):
    year = bases_world.year()
    auth.login_as(make_user(Role.DIRECTOR))
    text = page_text(client.get(f"/programs/years/{year.id}"))
    assert "Формирование базы наставляемых" in text and "Перейти к этапу" not in text
    assert "Завершить учебный год" not in text
