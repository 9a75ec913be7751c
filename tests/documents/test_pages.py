"""The secretary's pages: issue from a form (prefilled from records), the register, a document, its versions."""
import re

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.roles import Role
from app.documents.kinds import get_kind
from app.documents.models import Document, DocumentStatus
from app.documents.prefill import Subject
from app.documents.services import issue_document
from app.extensions import db
from tests.documents.helpers import docx_text
from tests.helpers import page_text

CURATOR_FORM = {"doc_date": "2026-09-01", "academic_year": "2026/2027", "curator-last_name": "Морозова",
                "curator-first_name": "Ольга", "curator-middle_name": "Николаевна", "curator-gender": "female",
                "curator_position": "заместитель директора по УВР"}


@pytest.fixture
def curator_user(make_user):
    user = make_user(Role.CURATOR, Role.COMMISSION, email="morozova@kmt.test", last_name="Морозова",
                     first_name="Ольга", middle_name="Николаевна")
    user.position = "заместитель директора по УВР"
    db.session.commit()
    return user


def test_secretary_issues_an_order_prefilled_from_the_curators_account(client, auth, secretary, curator_user):
    auth.login_as(secretary)
    page = client.get(f"/documents/new/order_appoint_curator?provider=curator_account&record={curator_user.id}")
    html = page.get_data(as_text=True)
    assert re.search(r'name="curator-last_name"[^>]*value="Морозова"', html)
    assert 'value="заместитель директора по УВР"' in html
    response = client.post("/documents/new/order_appoint_curator", data={
        **CURATOR_FORM, "prefill_provider": "curator_account", "prefill_records": str(curator_user.id),
        "issue": "Выпустить документ"})
    assert response.status_code == 302
    document = db.session.scalars(select(Document)).one()
    assert document.number_text == "1-од" and document.status == DocumentStatus.ISSUED
    assert [(s.subject_type, s.subject_id, s.role) for s in document.subjects] == [("user", curator_user.id, "curator")]
    page = client.get(response.headers["Location"])
    assert "Документ выпущен: Приказ о назначении куратора наставнической деятельности № 1-од от 01.09.2026." in \
        page_text(page)
    assert "Морозова Ольга Николаевна" in page_text(page)


def test_missing_fields_are_marked_and_nothing_is_issued(client, auth, secretary):
    auth.login_as(secretary)
    response = client.post("/documents/new/order_appoint_curator", data={
        **CURATOR_FORM, "curator-last_name": "", "curator_position": "", "issue": "1"})
    text = page_text(response)
    assert response.status_code == 200 and "Форма не сохранена" in text
    assert "Заполните поле «Должность куратора»." in text and "Введите фамилию." in text
    assert db.session.scalars(select(Document)).first() is None


def test_a_rule_of_the_regulation_lands_next_to_its_table(client, auth, secretary):
    auth.login_as(secretary)
    data = {"doc_date": "2026-09-01", "academic_year": "2026/2027", "selection_deadline": "2026-09-25", "issue": "1"}
    members = [("Гордеева С.А.", "председатель комиссии"), ("Лебедев Д.И.", "член комиссии")]
    for index, (name, role) in enumerate(members):
        data.update({f"members-{index}-name": name, f"members-{index}-position": "преподаватель",
                     f"members-{index}-role": role})
    response = client.post("/documents/new/order_create_commission", data=data)
    assert "В конкурсной комиссии должно быть от 3 до 5 человек, указано: 2. (п. 4.13 Положения)" in page_text(response)
    assert db.session.scalars(select(Document)).first() is None


def test_a_missing_cell_in_a_filled_row_is_marked_in_that_cell(client, auth, secretary):
    auth.login_as(secretary)
    data = {"doc_date": "2026-09-01", "academic_year": "2026/2027", "protocol_number": "2",
            "protocol_date": "2026-09-20", "mentors-0-name": "Лебедев Дмитрий Игоревич", "mentors-0-place": "",
            "mentors-0-form": "студент – студент", "issue": "1"}
    html = client.post("/documents/new/order_approve_mentor_registry", data=data).get_data(as_text=True)
    assert re.search(r'name="mentors-0-place"[^>]*class="[^"]*is-invalid|class="[^"]*is-invalid[^"]*"[^>]*'
                     r'name="mentors-0-place"', html)
    assert "Заполните поле «Место работы (учёбы), должность»." in html


def test_add_rows_shows_more_rows_and_keeps_what_was_typed(client, auth, secretary):
    auth.login_as(secretary)
    response = client.post("/documents/new/order_awards", data={
        "doc_date": "2026-09-01", "academic_year": "2026/2027", "awardees-0-name": "Лебедев Д.И.",
        "add_rows": "Добавить строки"})
    html = response.get_data(as_text=True)
    assert 'name="awardees-4-name"' in html and 'value="Лебедев Д.И."' in html and "Форма не сохранена" not in html


def test_curator_saves_a_draft_and_the_secretary_issues_it(client, auth, secretary, curator_user):
    auth.login_as(curator_user)
    html = client.get("/documents/new/order_appoint_curator").get_data(as_text=True)
    assert 'name="draft"' in html and 'name="issue"' not in html
    assert client.post("/documents/new/order_appoint_curator", data={**CURATOR_FORM, "issue": "1"}).status_code == 403
    response = client.post("/documents/new/order_appoint_curator", data={**CURATOR_FORM, "draft": "1"})
    document = db.session.scalars(select(Document)).one()
    assert response.status_code == 302 and document.status == DocumentStatus.DRAFT and document.number is None
    assert "ПРОЕКТ" in docx_text(document.current_version.read_bytes())
    assert client.post(f"/documents/{document.id}/issue").status_code == 403
    auth.login_as(secretary)
    client.post(f"/documents/{document.id}/issue")
    db.session.refresh(document)
    assert document.status == DocumentStatus.ISSUED and document.number_text == "1-од"
    assert "ПРОЕКТ" not in docx_text(document.current_version.read_bytes())


def test_correction_form_starts_from_the_stored_data(client, auth, secretary):
    document = issue_document("order_awards", get_kind("order_awards").example_values(), secretary)
    db.session.commit()
    auth.login_as(secretary)
    html = client.get(f"/documents/{document.id}/correct").get_data(as_text=True)
    assert 'value="Лебедев Дмитрий Игоревич"' in html and 'name="awardees-3-name"' in html
    data = {"doc_date": "2026-09-01", "academic_year": "2026/2027", "publish_on_site": "y",
            "awardees-0-name": "Лебедев Дмитрий Игоревич", "awardees-0-role": "наставник",
            "awardees-0-award": "наградить грамотой", "awardees-0-merit": "за работу", "reason": "вид поощрения"}
    response = client.post(f"/documents/{document.id}/correct", data=data)
    assert response.status_code == 302
    db.session.refresh(document)
    assert [v.version_no for v in document.versions] == [1, 2] and document.versions[1].reason == "вид поощрения"
    assert "наградить грамотой" in docx_text(document.current_version.read_bytes())


def test_cancel_from_the_page_keeps_it_in_the_register(client, auth, secretary):
    document = issue_document("order_awards", get_kind("order_awards").example_values(), secretary)
    db.session.commit()
    auth.login_as(secretary)
    client.post(f"/documents/{document.id}/cancel", data={"reason": ""})
    assert db.session.get(Document, document.id).status == DocumentStatus.ISSUED
    response = client.post(f"/documents/{document.id}/cancel", data={"reason": "издан ошибочно"},
                           follow_redirects=True)
    assert "Он остаётся в реестре со статусом «отменён»." in page_text(response)
    register = page_text(client.get("/documents/?status=cancelled"))
    assert "1-од" in register and "отменён" in register


def test_docx_download_is_the_stored_file_every_time_and_audited(client, auth, secretary):
    document = issue_document("letter_of_thanks", get_kind("letter_of_thanks").example_values(), secretary)
    db.session.commit()
    auth.login_as(secretary)
    first = client.get(f"/documents/{document.id}/versions/1/docx")
    second = client.get(f"/documents/{document.id}/versions/1/docx")
    assert first.data == second.data == document.current_version.read_bytes()
    assert first.headers["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''%D0%91%D0%BB%D0%B0%D0%B3" in first.headers["Content-Disposition"]
    assert first.headers["X-Content-Type-Options"] == "nosniff"
    assert client.get(f"/documents/{document.id}/versions/9/docx").status_code == 404
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "document_downloaded")).all()
    assert len(events) == 2


def test_register_search_and_filters(client, auth, secretary, make_user):
    values = get_kind("order_appoint_curator").example_values()
    first = issue_document("order_appoint_curator", values, secretary,
                           subjects=[Subject("user", 1, "curator", "Морозова О.Н.")])
    issue_document("partner_agreement", get_kind("partner_agreement").example_values(), secretary)
    issue_document("letter_of_thanks", {**get_kind("letter_of_thanks").example_values(), "doc_date": "2027-05-20"},
                   secretary)
    db.session.commit()
    auth.login_as(make_user(Role.DIRECTOR))
    everything = page_text(client.get("/documents/"))
    assert "Всего: 3" in everything and "Белова И.С." in everything
    assert "Всего: 1" in page_text(client.get("/documents/?q=Морозова"))
    assert "Всего: 1" in page_text(client.get("/documents/?q=1/26"))
    assert "Всего: 1" in page_text(client.get("/documents/?q=КМЗ"))
    assert "Всего: 1" in page_text(client.get("/documents/?register=orders"))
    assert "Всего: 1" in page_text(client.get("/documents/?kind=letter_of_thanks"))
    assert "Всего: 2" in page_text(client.get("/documents/?date_to=2026-12-31"))
    assert "Всего: 1" in page_text(client.get("/documents/?date_from=2027-01-01"))
    assert "Всего: 3" in page_text(client.get(f"/documents/?issued_by={secretary.id}"))
    assert "Всего: 3" in page_text(client.get("/documents/?scan=no&kind=nonsense&status=bad&date_from=вчера"))
    assert "Всего: 0" in page_text(client.get("/documents/?scan=yes"))
    assert first.number_text in page_text(client.get("/documents/?status=issued"))


def test_register_lists_with_a_fixed_number_of_queries(client, auth, secretary, app):
    from sqlalchemy import event
    for _ in range(3):
        issue_document("letter_of_thanks", get_kind("letter_of_thanks").example_values(), secretary,
                       subjects=[Subject("person", 1, "student", "Черных А.В.")])
    db.session.commit()
    auth.login_as(secretary)
    statements = []

    def count(*args):
        statements.append(1)

    counts = []
    for extra in (0, 6):
        for _ in range(extra):
            issue_document("letter_of_thanks", get_kind("letter_of_thanks").example_values(), secretary)
        db.session.commit()
        statements.clear()
        event.listen(db.engine, "before_cursor_execute", count)
        client.get("/documents/")
        event.remove(db.engine, "before_cursor_execute", count)
        counts.append(len(statements))
    assert counts[0] == counts[1]


def test_document_pages_have_no_inline_script_or_style(client, auth, secretary, make_user):
    document = issue_document("commission_protocol", get_kind("commission_protocol").example_values(), secretary)
    db.session.commit()
    auth.login_as(secretary)
    paths = ["/documents/", "/documents/new", "/documents/new/commission_protocol", f"/documents/{document.id}",
             f"/documents/{document.id}/correct"]
    auth.login_as(make_user(Role.SECRETARY, Role.ADMIN))
    paths += ["/documents/templates", "/documents/templates/commission_protocol"]
    for path in paths:
        html = client.get(path).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert not re.search(r"\son[a-z]+=", html), path
        assert not re.search(r"\sstyle=", html), path


def test_document_page_shows_the_data_in_words_and_the_versions(client, auth, secretary):
    document = issue_document("order_replace_mentor", get_kind("order_replace_mentor").example_values(), secretary)
    db.session.commit()
    auth.login_as(secretary)
    text = page_text(client.get(f"/documents/{document.id}"))
    assert "Новый наставник Лебедев Дмитрий Игоревич" in text
    assert "Период наставничества: начало 15.09.2026" in text
    assert "версия 1 (из поставки)" in text and "SHA-256" in text


def test_navigation_of_each_role(client, auth, make_user):
    for roles, visible, hidden in [
        ((Role.SECRETARY,), ["Реестр документов", "Выпустить документ"], ["Шаблоны документов"]),
        ((Role.CURATOR,), ["Реестр документов", "Выпустить документ"], ["Шаблоны документов"]),
        ((Role.DIRECTOR,), ["Реестр документов"], ["Выпустить документ", "Шаблоны документов"]),
        ((Role.ADMIN,), ["Шаблоны документов"], ["Реестр документов", "Выпустить документ"]),
        ((Role.COMMISSION,), [], ["Реестр документов", "Шаблоны документов"]),
    ]:
        auth.login_as(make_user(*roles))
        nav = client.get("/").get_data(as_text=True).split('data-testid="main-nav"')[1].split("</ul>\n      <ul")[0]
        for label in visible:
            assert label in nav, (roles, label)
        for label in hidden:
            assert label not in nav, (roles, label)


def test_register_search_folds_case_and_yo_and_follows_the_number_a_draft_is_given(client, auth, secretary):
    """Issue 12: the search looks in one folded column the services keep in step (SQLite's ILIKE folded no Cyrillic
    letter; PostgreSQL answers it from a trigram index)."""
    from app.documents.services import issue_draft

    draft = issue_document("order_appoint_curator", get_kind("order_appoint_curator").example_values(), secretary,
                           draft=True, subjects=[Subject("user", 1, "curator", "Семёнова О.Н.")])
    db.session.commit()
    auth.login_as(secretary)
    assert "Всего: 1" in page_text(client.get("/documents/?q=семенова"))
    assert "Всего: 1" in page_text(client.get("/documents/?q=СЕМЁНОВА О.Н"))
    assert "Всего: 0" in page_text(client.get("/documents/?q=100%25"))
    issue_draft(draft, secretary)
    db.session.commit()
    assert draft.number_text and "Всего: 1" in page_text(client.get(f"/documents/?q={draft.number_text.upper()}"))
