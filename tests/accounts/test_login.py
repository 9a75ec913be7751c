"""Logging in and out: the generic error, CSRF, `next`, deactivated accounts, the attempt limit."""
import pytest
from sqlalchemy import select

from app.accounts import services
from app.audit.models import AuditEvent
from app.core.roles import Role
from app.extensions import db
from tests.helpers import page_text

GENERIC = "Неверный адрес электронной почты или пароль."


def events(action):
    return db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_login_page_is_russian(client):
    text = page_text(client.get("/login"))
    assert "Вход в систему" in text and "Пароль" in text


def test_login_with_right_password_opens_start_page_and_is_audited(client, auth, make_user):
    user = make_user(Role.CURATOR, email="curator@kmt.test")
    response = auth.login("Curator@KMT.test ")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "Здравствуйте, Мария Петровна!" in page_text(client.get("/"))
    [event] = events("login")
    assert event.actor_id == user.id and event.ip_address == "127.0.0.1"
    assert db.session.get(type(user), user.id).last_login_at is not None


@pytest.mark.parametrize("email,password", [("curator@kmt.test", "wrong-password-1"),
                                            ("nobody@kmt.test", "test-parol-123")])
def test_wrong_password_and_unknown_user_get_the_same_message(client, auth, make_user, email, password):
    make_user(Role.CURATOR, email="curator@kmt.test")
    response = auth.login(email, password)
    assert response.status_code == 200
    assert GENERIC in page_text(response)
    assert client.get("/").status_code == 302
    [event] = events("login_failed")
    assert event.details["email"] == email


def test_deactivated_user_cannot_log_in(client, auth, make_user):
    make_user(Role.CURATOR, email="gone@kmt.test", active=False)
    response = auth.login("gone@kmt.test")
    assert GENERIC in page_text(response)
    assert client.get("/").status_code == 302


def test_deactivating_ends_an_open_session(client, auth, make_user):
    admin = make_user(Role.ADMIN, email="admin@kmt.test")
    make_user(Role.ADMIN, email="admin2@kmt.test")
    auth.login("admin@kmt.test")
    assert client.get("/").status_code == 200
    services.deactivate_user(admin)
    db.session.commit()
    response = client.get("/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_login_without_csrf_token_is_refused_with_russian_page(client, make_user):
    make_user(Role.CURATOR, email="curator@kmt.test")
    response = client.post("/login", data={"email": "curator@kmt.test", "password": "test-parol-123"}, csrf=False)
    assert response.status_code == 400
    assert "Форма устарела" in page_text(response)
    assert client.get("/").status_code == 302


@pytest.mark.parametrize("target", ["https://evil.example/phish", "//evil.example/", "/\\evil.example",
                                    "javascript:alert(1)", "http:/evil.example"])
def test_next_pointing_off_site_is_ignored(client, auth, make_user, target):
    make_user(Role.CURATOR, email="curator@kmt.test")
    response = auth.login("curator@kmt.test", next=target)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_next_on_site_is_followed(client, auth, make_user):
    make_user(Role.CURATOR, email="curator@kmt.test")
    login_page = client.get("/account/password")
    assert "/login?next=%2Faccount%2Fpassword" in login_page.headers["Location"]
    response = auth.login("curator@kmt.test", next="/account/password")
    assert response.headers["Location"] == "/account/password"


def test_eleventh_attempt_within_a_minute_from_one_address_is_refused(client, auth, make_user):
    make_user(Role.CURATOR, email="curator@kmt.test")
    for attempt in range(10):
        assert auth.login(f"someone{attempt}@kmt.test", "wrong-password-1").status_code == 200
    response = auth.login("curator@kmt.test")
    assert response.status_code == 429
    assert "Слишком много попыток" in page_text(response)
    assert client.get("/").status_code == 302
    assert events("login_throttled")


def test_eleventh_attempt_on_one_account_from_many_addresses_is_refused(client, make_user):
    make_user(Role.CURATOR, email="curator@kmt.test")
    for attempt in range(10):
        client.post("/login", data={"email": "curator@kmt.test", "password": "wrong-password-1"},
                    environ_base={"REMOTE_ADDR": f"10.0.0.{attempt + 1}"})
    response = client.post("/login", data={"email": "curator@kmt.test", "password": "test-parol-123"},
                           environ_base={"REMOTE_ADDR": "10.0.1.1"})
    assert response.status_code == 429


def test_logout_ends_the_session(client, auth, make_user):
    make_user(Role.CURATOR, email="curator@kmt.test")
    auth.login("curator@kmt.test")
    response = auth.logout()
    assert response.headers["Location"] == "/login"
    assert client.get("/").status_code == 302
    assert events("logout")


def test_logout_needs_a_post_with_csrf(client, auth, make_user):
    make_user(Role.CURATOR, email="curator@kmt.test")
    auth.login("curator@kmt.test")
    assert client.get("/logout").status_code == 405
    assert client.post("/logout", csrf=False).status_code == 400
    assert client.get("/").status_code == 200
