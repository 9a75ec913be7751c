"""Every user changes his own password; other sessions end."""
from app.accounts.models import User
from app.core.roles import Role
from app.extensions import db
from tests.helpers import page_text


def test_user_changes_own_password(client, auth, make_user, app):
    user = make_user(Role.STAFF, email="staff@kmt.test")
    auth.login("staff@kmt.test")
    other_browser = app.test_client()
    other_browser.post("/login", data={"email": "staff@kmt.test", "password": "test-parol-123"})
    assert other_browser.get("/").status_code == 200

    response = client.post("/account/password", data={
        "current_password": "test-parol-123", "new_password": "novyi-parol-2026", "confirm": "novyi-parol-2026"},
        follow_redirects=True)
    assert "Пароль изменён" in page_text(response)
    assert client.get("/").status_code == 200
    assert other_browser.get("/").status_code == 302
    assert db.session.get(User, user.id).check_password("novyi-parol-2026")


def test_wrong_current_password_is_refused(client, auth, make_user):
    user = make_user(Role.STAFF, email="staff@kmt.test")
    auth.login_as(user)
    response = client.post("/account/password", data={
        "current_password": "wrong-password-1", "new_password": "novyi-parol-2026", "confirm": "novyi-parol-2026"})
    assert "Текущий пароль введён неверно." in page_text(response)
    assert db.session.get(User, user.id).check_password("test-parol-123")


def test_mismatched_confirmation_is_refused(client, auth, make_user):
    auth.login_as(make_user(Role.STAFF))
    response = client.post("/account/password", data={
        "current_password": "test-parol-123", "new_password": "novyi-parol-2026", "confirm": "other-parol-2026"})
    assert "Пароли не совпадают." in page_text(response)
