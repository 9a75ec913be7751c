"""Filling templates safely: values escaped, a missing value named, a malicious template refused."""
import pytest

from app.core.errors import RuleError
from app.documents.context import build_context
from app.documents.kinds import get_kind
from app.documents.rendering import RenderError, render_docx
from app.documents.services import issue_document
from app.documents.template_check import check_template
from app.documents.template_store import upload_template
from app.extensions import db
from tests.documents.helpers import docx_text, make_docx

NASTY = "ООО «Рога & Копыта» <script>alert(1)</script> \"кавычки\" 'апостроф' {{ college }}"


def test_special_characters_come_out_intact(app, secretary):
    values = get_kind("partner_agreement").example_values()
    values["partner_name"] = NASTY
    values["partner_requisites"] = "ИНН 6618001234\nОГРН 1026601234567 & банк «Урал» < > »«"
    document = issue_document("partner_agreement", values, secretary)
    text = docx_text(document.current_version.read_bytes())
    assert NASTY in text
    assert "ИНН 6618001234\nОГРН 1026601234567 & банк «Урал» < > »«" in text
    assert "3.6. Настоящее Соглашение вступает в силу" in text  # nothing after the value was lost


def test_control_characters_are_dropped_not_breaking_the_file(app, secretary):
    values = {**get_kind("approval_sheet").example_values(), "order_title": "О назначении\x00 наставников\x0b"}
    document = issue_document("approval_sheet", values, secretary)
    assert "«О назначении наставников»" in docx_text(document.current_version.read_bytes())


def test_a_variable_missing_from_the_context_is_an_error_naming_it(app):
    template = make_docx("Куратор: {{ curator|name('genitive') }}, должность {{ curator_position }}")
    with pytest.raises(RenderError) as refused:
        render_docx(template, {"curator": {"last_name": "Морозова", "first_name": "Ольга", "gender": "female"}})
    assert refused.value.name == "curator_position"


def test_a_missing_attribute_is_named_too(app):
    with pytest.raises(RenderError) as refused:
        render_docx(make_docx("{{ college.rector }}"), {"college": {"name": "КМТ"}})
    assert refused.value.name == "rector"


def test_an_uploaded_template_fills_and_an_empty_optional_value_prints_nothing(app, secretary, admin_user):
    kind = get_kind("order_replace_mentor")
    template = make_docx("Основание: {{ reason_details }}. Прежний наставник: {{ former_mentor|name }}.")
    upload_template(kind, template, "замена.docx", admin_user)
    values = {**kind.example_values(), "reason_details": ""}
    document = issue_document("order_replace_mentor", values, secretary)
    assert "Основание: . Прежний наставник: Васильева Наталья Юрьевна." in docx_text(
        document.current_version.read_bytes())


def test_a_template_using_what_the_data_lacks_is_a_rule_error_naming_it(app, secretary, admin_user):
    kind = get_kind("letter_of_thanks")
    template = make_docx("{% if achievements == 'особый случай' %}{{ student.nickname }}{% endif %}")
    upload_template(kind, template, "письмо.docx", admin_user)  # fills with the examples, so it is accepted
    with pytest.raises(RuleError) as refused:
        issue_document("letter_of_thanks", {**kind.example_values(), "achievements": "особый случай"}, secretary)
    assert "«nickname»" in str(refused.value) and "версия 2" in str(refused.value)


@pytest.mark.parametrize("source", [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ college['__class__'] }}",
    "{{ college.name.__len__() }}",
])
def test_python_internals_are_refused_on_upload(app, source):
    with pytest.raises(RuleError, match="служебному атрибуту"):
        check_template(get_kind("letter_of_thanks"), make_docx(source))


def test_python_internals_are_refused_in_a_header_too(app):
    with pytest.raises(RuleError, match="колонтитул"):
        check_template(get_kind("letter_of_thanks"), make_docx("Текст", header="{{ ''.__class__ }}"))


def test_python_internals_are_refused_at_render_even_if_a_template_slipped_in(app):
    with pytest.raises(RenderError, match="недоступному"):
        render_docx(make_docx("{{ ''.__class__ }}"), {})
    with pytest.raises(RenderError):
        render_docx(make_docx("{{ college.name.format.__globals__ }}"), {"college": {"name": "x"}})


def test_a_variable_the_kind_does_not_provide_is_refused_on_upload(app):
    with pytest.raises(RuleError, match="нет у вида") as refused:
        check_template(get_kind("letter_of_thanks"), make_docx("{{ parent|name }} {{ salary }}"))
    assert "salary" in str(refused.value) and "achievements" in str(refused.value)


def test_broken_jinja_is_refused_with_the_place(app):
    with pytest.raises(RuleError, match="Ошибка в шаблоне") as refused:
        check_template(get_kind("letter_of_thanks"), make_docx("Текст {% if parent %} без конца"))
    assert "без конца" in str(refused.value)


def test_unknown_filter_and_includes_are_refused(app):
    with pytest.raises(RuleError, match="нет фильтра «shout»"):
        check_template(get_kind("letter_of_thanks"), make_docx("{{ parent|shout }}"))
    with pytest.raises(RuleError, match="подключает"):
        check_template(get_kind("letter_of_thanks"), make_docx("{% include 'x.docx' %}"))


def test_a_file_that_is_not_docx_is_refused(app):
    with pytest.raises(RuleError, match="не открывается как документ Word"):
        check_template(get_kind("letter_of_thanks"), b"%PDF-1.4 not a word file")


def test_template_that_does_not_fill_with_examples_is_refused(app):
    with pytest.raises(RuleError, match="примерными данными"):
        check_template(get_kind("letter_of_thanks"), make_docx("{{ parent.nickname }}"))


def test_optional_value_left_empty_prints_nothing(app):
    data = render_docx(make_docx("[{{ value }}]"), {"value": None})
    assert "[]" in docx_text(data)


def test_context_keeps_the_college_of_the_day(app):
    from app.settings import services as settings
    settings.update({"college.short_name": "ГАПОУ СО «КМТ-2»"})
    context = build_context({"doc_date": "2026-09-01"}, number_text="5-од")
    assert context["college"]["short_name"] == "ГАПОУ СО «КМТ-2»"
    assert context["college"]["director"]["last_name"] == "Елсукова" and context["number"] == "5-од"
    db.session.rollback()


@pytest.fixture
def admin_user(make_user):
    from app.core.roles import Role
    return make_user(Role.ADMIN, email="admin@kmt.test")
