"""The administrator's templates: the reference page, upload with checks, preview, going back to a version."""
import io

import pytest
from sqlalchemy import select

from app.core.roles import Role
from app.documents.kinds import get_kind
from app.documents.models import DocumentTemplate
from app.documents.services import issue_document
from app.extensions import db
from tests.documents.helpers import docx_text, make_docx
from tests.helpers import page_text

KIND = "letter_of_thanks"


@pytest.fixture
def admin(client, auth, make_user):
    user = make_user(Role.ADMIN)
    auth.login_as(user)
    return user


def post_template(client, data, name="Письмо.docx", comment="крупнее шрифт"):
    return client.post(f"/documents/templates/{KIND}/upload", data={"file": (io.BytesIO(data), name),
                                                                    "comment": comment},
                       content_type="multipart/form-data", follow_redirects=True)


def test_reference_page_lists_every_variable_with_an_example(client, admin):
    text = page_text(client.get(f"/documents/templates/{KIND}"))
    for expected in ["achievements", "За что благодарим", "parent.last_name", "Черных", "student_group",
                     "college", "ГАПОУ СО «КМТ»", "{{ doc_date|date_long }}", "«08» сентября 2020 г.",
                     "Е.В. Елсуковой", "версия 1 (из поставки)"]:
        assert expected in text, expected


def test_template_list_shows_every_kind(client, admin):
    text = page_text(client.get("/documents/templates"))
    assert "Приказ о замене наставника" in text and "База наставников (Приложение 4)" in text


def test_an_edited_template_is_checked_and_used_for_new_documents_only(client, admin, secretary):
    old = issue_document(KIND, get_kind(KIND).example_values(), secretary)
    db.session.commit()
    edited = make_docx("Уважаемая {{ parent.first_name }}! Спасибо за {{ student|name('accusative') }}.")
    text = page_text(post_template(client, edited))
    assert "Шаблон проверен и используется: версия 2." in text
    new = issue_document(KIND, get_kind(KIND).example_values(), secretary)
    db.session.commit()
    assert "Спасибо за Черных Алексея Викторовича." in docx_text(new.current_version.read_bytes())
    assert "БЛАГОДАРСТВЕННОЕ ПИСЬМО" in docx_text(old.current_version.read_bytes())
    uploaded = db.session.scalars(select(DocumentTemplate).where(DocumentTemplate.version_no == 2)).one()
    assert (uploaded.original_name, uploaded.comment, uploaded.uploaded_by) == ("Письмо.docx", "крупнее шрифт", admin)


@pytest.mark.parametrize("data,message", [
    (make_docx("{{ ''.__class__ }}"), "служебному атрибуту"),
    (make_docx("{{ parent|name }} {{ bonus }}"), "bonus"),
    (make_docx("Уважаемые коллеги!", "{% for x in %}"),
     "Ошибка в шаблоне (основной текст): внутри скобок не хватает выражения (пусто перед «%}»). Место: абзац 2: "
     "«{% for x in %}»."),
    (make_docx("Первый абзац", "{% if achievements %}", "Текст"),
     "блок «if» не закрыт: не хватает {% endif %}. Место: абзац 2: «{% if achievements %}»."),
    (make_docx("Текст {{ parent|name }"), "лишний знак «}»: проверьте парные скобки {{ … }} и {% … %}. Место: абзац 1"),
    (make_docx("Абзац", "{{ parent|прописью }}"), "нет фильтра «прописью»"),
    (make_docx("{{ parent|name }}", "Премия: {{ bonus }}"), "bonus. Место: абзац 2: «Премия: {{ bonus }}»."),
    (b"not a docx", "не открывается как документ Word"),
    (b"", "Файл пустой"),
])
def test_a_bad_template_is_refused_with_the_reason_and_nothing_changes(client, admin, data, message):
    """The reason in Russian, the place as the administrator sees it in Word (no Jinja English, no XML lines)."""
    response = post_template(client, data)
    assert response.status_code == 422 and message in page_text(response)
    for english in ("Expected", "unexpected", "Encountered", "No filter", "(строка "):
        assert english not in page_text(response)
    assert [t.version_no for t in db.session.scalars(select(DocumentTemplate))] in ([], [1])


def test_preview_is_filled_with_the_examples(client, admin):
    response = client.get(f"/documents/templates/{KIND}/preview.docx")
    assert response.status_code == 200 and response.headers["Content-Disposition"].startswith("attachment;")
    assert "Уважаемая Татьяна Ивановна!" in docx_text(response.data)


def test_going_back_to_an_earlier_version(client, admin, secretary):
    post_template(client, make_docx("Новая редакция: {{ parent|name }}"))
    builtin = db.session.scalars(select(DocumentTemplate).where(DocumentTemplate.version_no == 1)).one()
    preview = client.get(f"/documents/templates/{KIND}/preview.docx?version={builtin.id}")
    assert "БЛАГОДАРСТВЕННОЕ ПИСЬМО" in docx_text(preview.data)
    response = client.post(f"/documents/templates/versions/{builtin.id}/activate", follow_redirects=True)
    assert "Используется версия 1 шаблона." in page_text(response)
    document = issue_document(KIND, get_kind(KIND).example_values(), secretary)
    assert document.current_version.template == builtin
    response = client.post(f"/documents/templates/versions/{builtin.id}/activate", follow_redirects=True)
    assert "уже используется" in page_text(response)


def test_a_version_can_be_downloaded_to_edit_in_word(client, admin):
    client.get(f"/documents/templates/{KIND}")
    builtin = db.session.scalars(select(DocumentTemplate)).one()
    response = client.get(f"/documents/templates/versions/{builtin.id}/download")
    assert response.data == builtin.read_bytes() and "attachment" in response.headers["Content-Disposition"]


def test_preview_of_another_kinds_version_is_not_found(client, admin):
    client.get(f"/documents/templates/{KIND}")
    builtin = db.session.scalars(select(DocumentTemplate)).one()
    assert client.get(f"/documents/templates/order_awards/preview.docx?version={builtin.id}").status_code == 404
    assert client.get("/documents/templates/no_such_kind").status_code == 404
