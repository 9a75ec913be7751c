"""Health check, Russian error pages, each role's own navigation."""
import pytest

from app.core.roles import Role
from tests.helpers import page_text


def test_healthz_reports_the_database(client, app):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["status"] == "ok" and response.json["database"] == "ok"
    assert response.json["dialect"] in {"sqlite", "postgresql"}


def test_healthz_reports_an_unreachable_database(client, app, monkeypatch):
    from app.extensions import db

    def broken(*args, **kwargs):
        raise RuntimeError("connection refused")

    monkeypatch.setattr(db.session, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json["database"] == "unavailable"


def test_404_is_a_russian_page(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404 and "Страница не найдена" in page_text(response)


def test_403_is_a_russian_page(client, auth, make_user):
    auth.login_as(make_user(Role.STAFF))
    response = client.get("/admin/users")
    assert response.status_code == 403 and "Доступ запрещён" in page_text(response)


@pytest.mark.own_app
def test_500_is_a_russian_page(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.route("/boom")
    def boom():
        raise RuntimeError("boom")

    response = client.get("/boom")
    assert response.status_code == 500 and "Внутренняя ошибка" in page_text(response)


@pytest.mark.parametrize("role,visible,hidden", [
    (Role.ADMIN, ["Пользователи", "Журнал аудита", "Настройки"], []),
    (Role.STAFF, [], ["Пользователи", "Журнал аудита", "Настройки"]),
    (Role.CURATOR, [], ["Пользователи", "Журнал аудита"]),
])
def test_each_role_sees_its_own_navigation(client, auth, make_user, role, visible, hidden):
    auth.login_as(make_user(role))
    html = client.get("/").get_data(as_text=True)
    nav = html.split('data-testid="main-nav"')[1].split("</ul>\n      <ul")[0]
    for label in visible:
        assert label in nav
    for label in hidden:
        assert label not in nav


def test_settings_page_changes_the_college_details(client, auth, make_user):
    auth.login_as(make_user(Role.ADMIN))
    page = client.get("/admin/settings/")
    assert "ГАПОУ СО «КМТ»" in page_text(page)
    from app.settings import services
    from app.settings.registry import SPECS
    from forms.settings import field_name
    data = {field_name(key): services.get(key) for key in SPECS}
    data[field_name("college.short_name")] = "ГАПОУ СО «КМТ» (тест)"
    response = client.post("/admin/settings/", data=data, follow_redirects=True)
    assert "Настройки сохранены." in page_text(response)
    assert "ГАПОУ СО «КМТ» (тест)" in page_text(client.get("/"))
    data[field_name("college.short_name")] = ""
    response = client.post("/admin/settings/", data=data)
    assert "Настройки сохранены" not in page_text(response)
    assert services.get("college.short_name") == "ГАПОУ СО «КМТ» (тест)"
