"""A candidate's file for the commission (4.13, Приложение 5): the application, how he was put forward, the
portfolio and his signed papers — served to those who decide on him through the meeting, and to nobody else."""
from datetime import date

from app.applications import nominations
from app.extensions import db
from app.programs.services import current_year
from app.selection.candidate_file import candidate_file
from tests.factories import make_person, standard_forms
from tests.helpers import page_text


def test_a_member_reads_the_candidates_file_and_downloads_his_portfolio_and_scans(client, auth, meeting, candidate,
                                                                                   on_agenda, people):
    person = make_person(last_name="Выдвинутов", first_name="Пётр", birth_date=date(2004, 4, 4), study_group="ТМ-31")
    nominations.nominate("collective", current_year(), people["staff"], on=date(2026, 9, 4),
                         nominated_by="инициативной группы преподавателей отделения машиностроения",
                         presentation="Просим выдвинуть в наставники студента, победителя областной олимпиады.",
                         candidates=[(person, standard_forms()["student_student"])])
    db.session.commit()
    [item] = on_agenda(candidate(someone=person))
    file = candidate_file(item)
    portfolio = next(row for _, _, files in file.entries for row in files)
    scan = next(scan for _, scans, _ in file.entries for scan in scans)
    auth.login_as(people["lebedev"])
    path = f"/selection/meetings/{meeting.id}/candidates/{item.id}"
    page = page_text(client.get(path))
    for expected in ("Выдвинутов Пётр Петрович, студент группы ТМ-31", "Форма наставничества студент – студент",
                     "Портфолио 8 л.", "Выдвижение коллективом сотрудников 04.09.2026",
                     "По представлению инициативной группы преподавателей отделения машиностроения",
                     "победителя областной олимпиады", "все документы собраны", "Портфолио, версия 1",
                     "Скан подписанного, версия 1", "способность развивать других"):
        assert expected in page, expected
    response = client.get(f"{path}/files/{portfolio.id}")
    assert response.status_code == 200 and response.data == portfolio.path.read_bytes()
    assert client.get(f"{path}/scans/{scan.id}").status_code == 200

    other = candidate()  # not on this agenda: his papers are not reachable through the meeting
    other_file = next(row for _, _, files in candidate_file(on_agenda(other)[0]).entries for row in files)
    assert client.get(f"{path}/files/{other_file.id}").status_code == 404
    auth.login_as(people["orlov"])
    assert client.get(f"{path}/files/{portfolio.id}").status_code == 403
    assert client.get(f"/applications/files/{portfolio.id}").status_code == 403  # the bases stay closed to him
