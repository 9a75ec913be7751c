"""Issuing keeps everything as issued; corrections are versions; cancelling never deletes; links to records."""
import hashlib
import io

import pytest
from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from app.accounts.documents import user_as_person
from app.audit.models import AuditEvent
from app.core.errors import RuleError
from app.core.roles import Role
from app.core.storage import file_sha256
from app.documents.kinds import get_kind
from app.documents.models import Document, DocumentStatus, DocumentTemplate
from app.documents.pdf import ensure_pdf
from app.documents.prefill import Prefill, PrefillProvider, Subject, providers_for, register_prefill, run_prefill
from app.documents.scans import file_signed_scan
from app.documents.services import (
    cancel_document,
    correct_document,
    documents_for,
    issue_document,
)
from app.documents.template_store import activate_template, active_template, upload_template
from app.extensions import db
from app.settings import services as settings
from tests.documents.helpers import docx_text, make_docx, make_pdf

CURATOR = "order_appoint_curator"


def curator_values(**changes):
    return {**get_kind(CURATOR).example_values(), **changes}


def test_an_issued_document_keeps_template_data_file_and_hash(app, secretary):
    document = issue_document(CURATOR, curator_values(), secretary,
                              subjects=[Subject("user", 7, "curator", "Морозова О.Н.")])
    db.session.commit()
    version = document.current_version
    assert document.status == DocumentStatus.ISSUED and document.issued_by == secretary
    assert version.template.kind == CURATOR and version.template.version_no == 1
    assert version.context["curator"]["last_name"] == "Морозова" and version.context["number"] == "1-од"
    assert version.context["college"]["short_name"] == "ГАПОУ СО «КМТ»"
    assert version.sha256 == file_sha256(version.path) and version.size == len(version.read_bytes())
    assert version.original_name == ("Приказ о назначении куратора наставнической деятельности № 1-од — "
                                     "Морозова О.Н. — 01.09.2026.docx")
    assert document.summary == "Морозова О.Н."
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "document_issued")).one()
    assert event.target_id == document.id and event.details["number"] == "1-од"


def test_changed_settings_do_not_change_an_issued_document(app, secretary):
    document = issue_document(CURATOR, curator_values(), secretary)
    db.session.commit()
    before = document.current_version.read_bytes()
    settings.update({"college.short_name": "ГАПОУ СО «Новое имя»"})
    db.session.commit()
    assert document.current_version.read_bytes() == before
    assert document.current_version.context["college"]["short_name"] == "ГАПОУ СО «КМТ»"


def test_a_correction_is_a_new_version_pointing_to_the_one_it_replaces(app, secretary):
    document = issue_document(CURATOR, curator_values(), secretary)
    db.session.commit()
    first = document.current_version
    first_bytes = first.read_bytes()
    correct_document(document, curator_values(curator_position="методист"), secretary, "неверно указана должность")
    db.session.commit()
    second = document.current_version
    assert (second.version_no, second.replaces, second.reason) == (2, first, "неверно указана должность")
    assert document.number_text == "1-од" and second.context["number"] == "1-од"
    assert "(методист)" in docx_text(second.read_bytes())
    assert first.read_bytes() == first_bytes and "(заместитель директора" in docx_text(first_bytes)


def test_a_correction_needs_a_reason_and_keeps_the_year_of_its_number(app, secretary):
    document = issue_document(CURATOR, curator_values(), secretary)
    with pytest.raises(RuleError) as refused:
        correct_document(document, curator_values(), secretary, "  ")
    assert refused.value.field == "reason"
    with pytest.raises(RuleError) as refused:
        correct_document(document, curator_values(doc_date="2027-01-15"), secretary, "дата")
    assert refused.value.field == "doc_date"


def test_cancelled_is_kept_with_its_number_and_cannot_be_corrected(app, secretary):
    document = issue_document(CURATOR, curator_values(), secretary)
    cancel_document(document, secretary, "издан ошибочно")
    db.session.commit()
    assert db.session.get(Document, document.id).status == DocumentStatus.CANCELLED
    assert document.cancel_reason == "издан ошибочно" and document.number_text == "1-од"
    with pytest.raises(RuleError, match="уже отменён"):
        cancel_document(document, secretary, "ещё раз")
    with pytest.raises(RuleError, match="Отменённый"):
        correct_document(document, curator_values(), secretary, "исправить")
    assert issue_document(CURATOR, curator_values(), secretary).number_text == "2-од"


def test_cancel_needs_a_reason(app, secretary):
    document = issue_document(CURATOR, curator_values(), secretary)
    with pytest.raises(RuleError, match="причину"):
        cancel_document(document, secretary, "")


def test_only_a_draft_can_be_issued(app, secretary):
    document = issue_document(CURATOR, curator_values(), secretary)
    with pytest.raises(RuleError, match="только проект"):
        document.mark_issued(secretary, None)


def test_issued_documents_keep_their_template_version(app, secretary, make_user):
    admin = make_user(Role.ADMIN)
    kind = get_kind(CURATOR)
    old = issue_document(CURATOR, curator_values(), secretary)
    db.session.commit()
    short = make_docx("Приказ № {{ number }}: куратор {{ curator|name('accusative') }}, {{ curator_position }}, "
                      "{{ academic_year }}, {{ doc_date|date_long }}")
    new_template = upload_template(kind, short, "Приказ (новый).docx", admin, "короче")
    db.session.commit()
    new = issue_document(CURATOR, curator_values(), secretary)
    db.session.commit()
    assert old.current_version.template.version_no == 1 and new.current_version.template == new_template
    assert "Приказ № 2-од: куратор Морозову Ольгу Николаевну" in docx_text(new.current_version.read_bytes())
    builtin = db.session.scalars(select(DocumentTemplate).where(DocumentTemplate.kind == CURATOR,
                                                                DocumentTemplate.version_no == 1)).one()
    activate_template(builtin, admin)
    db.session.commit()
    assert active_template(kind) == builtin and not new_template.active
    assert "ПРИКАЗЫВАЮ" in docx_text(issue_document(CURATOR, curator_values(), secretary).current_version.read_bytes())


def test_a_newer_shipped_template_becomes_the_next_version(app, monkeypatch):
    from app.documents import template_store
    kind = get_kind(CURATOR)
    first = active_template(kind)
    monkeypatch.setattr(template_store, "builtin_file", lambda k: (make_docx("{{ curator|name }}"), "f" * 64))
    second = active_template(kind)
    assert second.version_no == 2 and second.active and not first.active


def test_going_back_to_an_earlier_shipped_template_lasts(app, monkeypatch, secretary):
    from app.documents import template_store
    kind = get_kind(CURATOR)
    first = active_template(kind)
    shipped = make_docx("{{ curator|name }}")
    monkeypatch.setattr(template_store, "builtin_file", lambda k: (shipped, hashlib.sha256(shipped).hexdigest()))
    assert active_template(kind).version_no == 2  # a release shipped a changed file
    template_store.activate_template(first, secretary)
    assert active_template(kind) == first and active_template(kind).version_no == 1


def test_documents_for_a_record(app, secretary):
    subject = Subject("person", 12, "mentor", "Лебедев Д.И.")
    first = issue_document(CURATOR, curator_values(doc_date="2026-09-01"), secretary, subjects=[subject])
    second = issue_document("letter_of_thanks", get_kind("letter_of_thanks").example_values(), secretary,
                            subjects=[subject, Subject("person", 13, "parent", "Черных Т.И.")])
    issue_document(CURATOR, curator_values(), secretary, subjects=[Subject("person", 99, "mentor", "Другой")])
    db.session.commit()
    assert documents_for("person", 12) == [second, first]
    assert documents_for("person", 12, kind=CURATOR) == [first]
    assert documents_for("person", 13) == [second] and documents_for("partner", 12) == []


def test_prefill_providers_of_other_domains(app, secretary):
    calls = []

    def fill(ids):
        calls.append(ids)
        return Prefill(values={"partner_short_name": "ООО «Тест»"},
                       subjects=[Subject("partner", 5, "partner", "ООО «Тест»")])

    provider = PrefillProvider("test_partner", "Партнёр", lambda: [("5", "ООО «Тест»")], fill)
    register_prefill("partner_agreement", provider)
    try:
        assert "test_partner" in [p.code for p in providers_for("partner_agreement")]  # the partners' own too
        assert run_prefill("partner_agreement", "test_partner", ["5"]).values["partner_short_name"] == "ООО «Тест»"
        with pytest.raises(RuleError, match="нет среди доступных"):
            run_prefill("partner_agreement", "test_partner", ["6"])
        with pytest.raises(RuleError, match="одну запись"):
            run_prefill("partner_agreement", "test_partner", ["5", "5"])
        with pytest.raises(RuleError, match="источника"):
            run_prefill("partner_agreement", "nobody", ["5"])
        assert calls == [["5"]]
    finally:
        from app.documents.prefill import _PROVIDERS
        _PROVIDERS["partner_agreement"].pop("test_partner")
    with pytest.raises(ValueError):
        register_prefill("no_such_kind", PrefillProvider("x", "x", list, list))


def test_curator_prefill_from_an_account(app, secretary, make_user):
    curator = make_user(Role.CURATOR, last_name="Морозова", first_name="Ольга", middle_name="Николаевна")
    curator.position = "заместитель директора по УВР"
    make_user(Role.STAFF, last_name="Лишняя")
    db.session.commit()
    options = providers_for(CURATOR)[0].options()
    assert [label for _, label in options] == ["Морозова Ольга Николаевна, заместитель директора по УВР"]
    prefill = run_prefill(CURATOR, "curator_account", [str(curator.id)])
    assert prefill.values["curator"]["gender"] == "female" and prefill.values["curator_position"].startswith("замест")
    assert prefill.subjects == [Subject("user", curator.id, "curator", "Морозова О.Н.")]


def test_commission_prefill_makes_the_director_the_chair(app, make_user):
    director = make_user(Role.DIRECTOR, Role.COMMISSION, last_name="Гордеева", first_name="Светлана",
                         middle_name="Александровна")
    member = make_user(Role.COMMISSION, last_name="Лебедев", first_name="Дмитрий", middle_name="Игоревич")
    prefill = run_prefill("order_create_commission", "commission_accounts", [str(member.id), str(director.id)])
    assert [row["role"] for row in prefill.values["members"]] == ["председатель комиссии", "член комиссии"]
    protocol = run_prefill("commission_protocol", "commission_accounts", [str(member.id), str(director.id)])
    assert protocol.values["chair"]["last_name"] == "Гордеева"
    assert user_as_person(member)["gender"] == "male"


def test_an_unknown_kind_is_refused(app, secretary):
    with pytest.raises(RuleError, match="Неизвестный вид"):
        issue_document("order_of_nothing", {}, secretary)


def test_storage_check_knows_every_file_the_engine_keeps(app, runner, secretary, fake_pdf):


    document = issue_document(CURATOR, curator_values(), secretary)
    ensure_pdf(document.current_version)
    file_signed_scan(document, FileStorage(io.BytesIO(make_pdf()), "скан.pdf"), secretary)
    db.session.commit()
    result = runner.invoke(args=["storage", "check"])
    assert result.exit_code == 0 and "Проверено файлов: 4" in result.output


def test_a_provider_may_hand_over_a_record_with_name_attributes(app, secretary):
    """Issue 4's Person (last_name, first_name, middle_name, gender as Gender, name_forms) fills a person field."""
    from app.core.names import Gender
    from forms.documents import form_data

    class Person:
        last_name, first_name, middle_name, gender = "Гусь", "Анна", "Петровна", Gender.FEMALE
        name_forms = {"genitive": "Гусь Анны Петровны"}

    values = curator_values(curator=Person())
    assert form_data(get_kind(CURATOR), values)["curator"]["gender"] == "female"
    document = issue_document(CURATOR, values, secretary)
    assert document.current_version.context["curator"]["name_forms"] == {"genitive": "Гусь Анны Петровны"}
    assert "Гусь Анну Петровну" in docx_text(document.current_version.read_bytes())
