"""Nomination (4.13): by the administration (draft order and approval sheet) or by a collective (представление);
either way the candidate's own application is still needed (4.5, Приложение 1)."""
from datetime import date

import pytest
from sqlalchemy import select

from app.applications import nominations, services
from app.applications.gate import ensure_documents_complete
from app.applications.models import Nomination, NominationKind, PresentationScan
from app.audit.models import AuditEvent
from app.core.errors import RuleError
from app.core.roles import Role
from app.documents.models import SignedScan
from app.extensions import db
from tests.applications.fixtures import upload
from tests.documents.helpers import docx_text, flat, make_pdf, make_png
from tests.helpers import page_text


def text_of(document):
    return flat(docx_text(document.current_version.read_bytes()))


@pytest.fixture
def curator(make_user):
    user = make_user(Role.CURATOR, email="morozova@kmt.test", last_name="Морозова", first_name="Ольга",
                     middle_name="Николаевна")
    user.position = "заместитель директора по УВР"
    db.session.commit()
    return user


def test_the_administration_prepares_a_draft_order_and_the_approval_sheet_4_13(bases_world, curator):
    year = bases_world.year()
    forms = bases_world.forms()
    teacher = bases_world.teacher(last_name="Лебедев", first_name="Дмитрий", middle_name="Игоревич")
    student = bases_world.person(last_name="Черных", first_name="Алексей", middle_name="Викторович",
                                 study_group="ТМ-23")
    nomination = nominations.nominate(NominationKind.ADMINISTRATION, year, curator, curator=curator,
                                      on=date(2026, 9, 2), approval_deadline=date(2026, 9, 10),
                                      candidates=[(teacher, forms["teacher_teacher"]),
                                                  (student, forms["student_student"])])
    db.session.commit()
    order, sheet = nomination.order_document, nomination.approval_sheet
    assert order.status == "draft" and order.number is None and sheet.status == "issued"
    order_text = text_of(order)
    assert "ПРОЕКТ" in order_text and "О выдвижении наставников на 2026/2027 учебный год" in order_text
    assert "2 | Черных Алексей Викторович | ГАПОУ СО «КМТ», группа ТМ-23 | студент – студент" in order_text
    assert "на основании представления" not in order_text
    sheet_text = text_of(sheet)
    assert "проекта приказа «О выдвижении наставников на 2026/2027 учебный год»" in sheet_text
    assert "Лебедев Дмитрий Игоревич | преподаватель | потенциальный наставник" in sheet_text
    assert "Черных Алексей Викторович | студент группы ТМ-23 | потенциальный наставник" in sheet_text
    assert ("Морозова Ольга Николаевна | заместитель директора по УВР | куратор наставнической деятельности"
            in sheet_text)
    assert "в срок до «10» сентября 2026 г." in sheet_text
    # His own wish is still needed: the nomination stands in for no paper of his (4.5, Приложение 1).
    with pytest.raises(RuleError, match="«Заявление кандидата в наставники \\(Приложение 5\\)» — нет"):
        ensure_documents_complete(teacher, "candidate", year, date(2026, 9, 15))
    application = services.submit_application(teacher, year, curator, mentorship_form=forms["teacher_teacher"],
                                              **{**services.default_values(teacher, year), "portfolio_pages": 5,
                                                 "regulation_acknowledged": True, "personal_data_consent": True,
                                                 "email": "lebedev@kmt.example"})
    assert application.nomination == nomination and application.how_put_forward == "выдвинут администрацией"


def test_a_collective_puts_forward_by_its_presentation_4_13(bases_world, make_user):
    year = bases_world.year()
    forms = bases_world.forms()
    staff = make_user(Role.STAFF)
    student = bases_world.person(study_group="ТМ-23")
    application = services.submit_application(student, year, staff, mentorship_form=forms["student_student"],
                                              **{**services.default_values(student, year), "portfolio_pages": 3,
                                                 "regulation_acknowledged": True, "personal_data_consent": True,
                                                 "email": "st@kmt.example"})
    with pytest.raises(RuleError, match="кто выдвигает") as error:
        nominations.nominate(NominationKind.COLLECTIVE, year, staff, presentation="Просим выдвинуть",
                             candidates=[(student, forms["student_student"])])
    assert error.value.field == "nominated_by"
    nomination = nominations.nominate(NominationKind.COLLECTIVE, year, staff, on=date(2026, 9, 4),
                                      nominated_by="совета техникума", presentation="Просим выдвинуть студента.",
                                      candidates=[(student, forms["student_student"])])
    db.session.commit()
    assert application.nomination == nomination and nomination.approval_sheet is None
    assert ("на основании представления совета техникума от 04.09.2026" in text_of(nomination.order_document))


def test_a_nomination_is_refused_with_the_rule_named(bases_world, curator):
    year = bases_world.year(codes=("student_student", "teacher_teacher"))
    forms = bases_world.forms()
    teacher = bases_world.teacher()
    with pytest.raises(RuleError, match="хотя бы одного кандидата"):
        nominations.nominate(NominationKind.ADMINISTRATION, year, curator, curator=curator, candidates=[])
    with pytest.raises(RuleError, match="Выберите куратора") as error:
        nominations.nominate(NominationKind.ADMINISTRATION, year, curator, curator=None,
                             candidates=[(teacher, forms["teacher_teacher"])])
    assert error.value.section == "4.13"
    with pytest.raises(RuleError) as error:
        nominations.nominate(NominationKind.ADMINISTRATION, year, curator, curator=curator,
                             candidates=[(teacher, forms["student_student"])])
    assert error.value.section == "4.4"
    nominations.nominate(NominationKind.ADMINISTRATION, year, curator, curator=curator,
                         candidates=[(teacher, forms["teacher_teacher"])])
    with pytest.raises(RuleError, match="уже выдвинут в 2026/2027") as error:
        nominations.nominate(NominationKind.COLLECTIVE, year, curator, nominated_by="методического совета",
                             presentation="Просим", candidates=[(teacher, forms["teacher_teacher"])])
    assert error.value.section == "4.13"


def test_staff_nominate_on_the_page(client, auth, staff, curator, bases_world):
    year = bases_world.year()
    forms = bases_world.forms()
    teacher = bases_world.teacher(last_name="Выдвиженцева", gender="female", first_name="Ольга",
                                  middle_name="Петровна")
    auth.login_as(staff)
    form = page_text(client.get("/applications/nominations/new?kind=administration"))
    assert "Выдвиженцева Ольга Петровна, преподаватель" in form and "Морозова Ольга Николаевна" in form
    data = {"kind": "administration", "program_year": str(year.id), "nominated_on": "2026-09-02",
            "order_title": "О выдвижении наставников на 2026/2027 учебный год", "curator": str(curator.id),
            "approval_deadline": "2026-09-10", "nominated_by": "", "presentation": "",
            "candidates-0-person": str(teacher.id), "candidates-0-mentorship_form": str(forms["teacher_teacher"].id)}
    response = client.post("/applications/nominations/new", data=data, follow_redirects=True)
    text = page_text(response)
    assert "подготовлен проект приказа и лист согласования" in text
    assert "нет — личное желание обязательно (п. 4.5)" in text
    assert db.session.query(Nomination).count() == 1
    assert "Выдвиженцева О.П." in page_text(client.get("/applications/nominations/"))


def administration_nomination(bases_world, curator, last_name="Согласующий"):
    year = bases_world.year()
    teacher = bases_world.teacher(last_name=last_name)
    form = bases_world.forms()["teacher_teacher"]
    nomination = nominations.nominate(NominationKind.ADMINISTRATION, year, curator, curator=curator,
                                      on=date(2026, 9, 2), candidates=[(teacher, form)])
    db.session.commit()
    return nomination


def collective_nomination(bases_world, user, year=None):
    year = year or bases_world.year()
    student = bases_world.person(last_name="Представленный", study_group="ТМ-23")
    nomination = nominations.nominate(NominationKind.COLLECTIVE, year, user, on=date(2026, 9, 4),
                                      nominated_by="методического совета",
                                      presentation="Просим выдвинуть студента наставником.",
                                      candidates=[(student, bases_world.forms()["student_student"])])
    db.session.commit()
    return nomination


def post_file(client, path, data, name):
    return client.post(path, data={"file": upload(data, name)}, content_type="multipart/form-data",
                       follow_redirects=True)


def test_the_signed_approval_sheet_is_filed_on_the_nomination_page_4_13(client, auth, staff, curator, make_user,
                                                                        bases_world):
    """The one sheet every candidate and the curator sign: its scan goes against the sheet, for no one of them."""
    nomination = administration_nomination(bases_world, curator)
    sheet = nomination.approval_sheet
    path = f"/applications/papers/nomination/{nomination.id}/scan"
    auth.login_as(staff)
    page = client.get(f"/applications/nominations/{nomination.id}").get_data(as_text=True)
    assert f'action="{path}"' in page
    text = page_text(post_file(client, path, make_pdf("approved"), "Лист согласования (подписан).pdf"))
    assert "Скан «Лист согласования (подписан).pdf» загружен (версия 1): документ подписан." in text
    assert "Скан, версия 1: «Лист согласования (подписан).pdf» — Кузнецова М.А." in text
    assert "подписан (скан загружен)" in text
    scan = db.session.scalar(select(SignedScan))
    assert scan.document_id == sheet.id and scan.subject_type is None and scan.subject_id is None
    db.session.expire_all()
    assert db.session.get(Nomination, nomination.id).printed_state == "signed"
    # The same roles and record checks as for any paper.
    for role in (Role.DIRECTOR, Role.COMMISSION, Role.ADMIN):
        auth.login_as(make_user(role))
        assert client.post(path, data={"file": upload(make_pdf("other"), "скан.pdf")},
                           content_type="multipart/form-data").status_code == 403, role
    auth.login_as(staff)
    assert client.post("/applications/papers/nomination/999/scan", data={"file": upload(make_pdf(), "с.pdf")},
                       content_type="multipart/form-data").status_code == 404
    collective = collective_nomination(bases_world, staff, year=nomination.program_year)
    refused = page_text(post_file(client, f"/applications/papers/nomination/{collective.id}/scan", make_pdf("x"),
                                  "скан.pdf"))
    assert "Документ ещё не распечатан" in refused
    assert db.session.query(SignedScan).count() == 1


def test_a_collectives_signed_presentation_is_filed_kept_in_versions_and_downloaded_4_13(client, auth, staff,
                                                                                         make_user, bases_world):
    nomination = collective_nomination(bases_world, staff)
    path = f"/applications/nominations/{nomination.id}/presentation"
    auth.login_as(staff)
    page = page_text(client.get(f"/applications/nominations/{nomination.id}"))
    assert "Представление коллектива на имя директора скан не загружен" in page
    assert "Скан подписанного представления ещё не загружен." in page
    refused = page_text(post_file(client, path, b"just text", "представление.pdf"))
    assert "не PDF, JPEG или PNG" in refused and db.session.query(PresentationScan).count() == 0
    text = page_text(post_file(client, path, make_pdf("presented"), "Представление методсовета.pdf"))
    assert "Скан представления «Представление методсовета.pdf» загружен (версия 1)." in text
    assert "Этот файл уже загружен к представлению: версия 1" in page_text(
        post_file(client, path, make_pdf("presented"), "копия.pdf"))
    text = page_text(post_file(client, path, make_png(), "второй лист.png"))
    assert "Скан, версия 2: «второй лист.png» — Кузнецова М.А." in text
    assert "Скан, версия 1: «Представление методсовета.pdf» — Кузнецова М.А." in text
    assert "подписанное загружено" in text
    scans = db.session.scalars(select(PresentationScan).order_by(PresentationScan.version_no)).all()
    assert [(scan.version_no, scan.content_type) for scan in scans] == [(1, "application/pdf"), (2, "image/png")]
    assert scans[0].uploaded_by_id == staff.id and scans[0].uploaded_at is not None
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "presentation_scan_uploaded")) is not None
    # Downloaded through the guarded route by those who read the nominations, each download audited.
    auth.login_as(make_user(Role.DIRECTOR))
    response = client.get(f"/applications/nominations/presentations/{scans[0].id}")
    assert response.status_code == 200 and response.data == make_pdf("presented")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"].startswith("attachment")
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "presentation_scan_downloaded"))
    assert event.target_type == "presentation_scan" and event.target_id == scans[0].id
    assert client.post(path, data={"file": upload(make_pdf("d"), "д.pdf")},
                       content_type="multipart/form-data").status_code == 403
    auth.login_as(make_user(Role.COMMISSION))
    assert client.get(f"/applications/nominations/presentations/{scans[0].id}").status_code == 403
    assert db.session.query(PresentationScan).count() == 2


def test_only_a_collectives_nomination_takes_a_presentation_4_13(bases_world, curator):
    nomination = administration_nomination(bases_world, curator)
    with pytest.raises(RuleError, match="прилагается к выдвижению коллективом") as error:
        nominations.file_presentation(nomination, upload(make_pdf(), "представление.pdf"), curator)
    assert error.value.section == "4.13"



def test_a_nomination_carries_the_curators_candidacy_4_13(bases_world, curator):
    """«Выдвижение наставника/ков и куратора»: one candidate (college staff) put forward as the curator."""
    year = bases_world.year()
    forms = bases_world.forms()
    teacher = bases_world.teacher(last_name="Соколова", first_name="Анна", middle_name="Викторовна", gender="female")
    mentor = bases_world.teacher(last_name="Лебедев", first_name="Дмитрий", middle_name="Игоревич")
    student = bases_world.person(last_name="Черных", study_group="ТМ-23")
    with pytest.raises(RuleError, match="сотрудник техникума") as refused:
        nominations.nominate(NominationKind.ADMINISTRATION, year, curator, curator=curator,
                             candidates=[(student, forms["student_student"], True)])
    assert refused.value.section == "4.13"
    with pytest.raises(RuleError, match="один кандидат"):
        nominations.nominate(NominationKind.ADMINISTRATION, year, curator, curator=curator,
                             candidates=[(teacher, forms["teacher_teacher"], True),
                                         (mentor, forms["teacher_teacher"], True)])
    nomination = nominations.nominate(NominationKind.ADMINISTRATION, year, curator, curator=curator,
                                      on=date(2026, 9, 2), candidates=[(teacher, forms["teacher_teacher"], True),
                                                                       (mentor, forms["teacher_teacher"])])
    db.session.commit()
    assert [row.for_curator for row in nomination.candidates] == [True, False]
    assert "1 | Соколова Анна Викторовна | ГАПОУ СО «КМТ», преподаватель | куратор наставнической деятельности" in (
        text_of(nomination.order_document))
    assert "Соколова Анна Викторовна | преподаватель | кандидат в кураторы наставнической деятельности" in (
        text_of(nomination.approval_sheet))
    assert services.default_values(teacher, year)["for_curator"] is True
    assert "for_curator" not in services.default_values(mentor, year)
