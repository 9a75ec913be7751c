"""Issue 11, finding 2: a session ends on the server — copies of the old cookies open nothing afterwards.

Each test logs in through the real form with «Запомнить меня», copies the ``session`` and ``remember_token``
cookies as an attacker with access to the browser would, ends the session, and replays each copy from a fresh
client.
"""
import pytest

from app.core.roles import Role
from tests.helpers import TEST_PASSWORD

PROTECTED = "/documents/"
COOKIES = ("session", "remember_token")


def _logged_in_cookies(client, user):
    response = client.post("/login", data={"email": user.email, "password": TEST_PASSWORD, "remember": "y"})
    assert response.status_code == 302
    assert client.get(PROTECTED).status_code == 200
    return {name: client.get_cookie(name).value for name in COOKIES}


def _opens(app, cookies):
    """Whether a fresh browser holding only ``cookies`` gets the protected page."""
    fresh = app.test_client()
    for name, value in cookies.items():
        fresh.set_cookie(name, value)
    response = fresh.get(PROTECTED)
    return response.status_code == 200


@pytest.fixture
def secretary(make_user):
    return make_user(Role.SECRETARY, email="replay@security.test")


@pytest.mark.parametrize("kept", [("session",), ("remember_token",), COOKIES])
def test_old_cookies_open_nothing_after_logout(app, client, secretary, kept):
    cookies = _logged_in_cookies(client, secretary)
    assert _opens(app, {name: cookies[name] for name in kept})  # the copy works while the session lasts
    assert client.post("/logout").status_code == 302
    assert not _opens(app, {name: cookies[name] for name in kept})


@pytest.mark.parametrize("kept", [("session",), ("remember_token",)])
def test_old_cookies_open_nothing_after_a_password_change(app, client, secretary, kept):
    cookies = _logged_in_cookies(client, secretary)
    response = client.post("/account/password", data={"current_password": TEST_PASSWORD,
                                                       "new_password": "novyi-parol-2026",
                                                       "confirm": "novyi-parol-2026"})
    assert response.status_code == 302
    assert client.get(PROTECTED).status_code == 200  # the browser that changed it stays signed in
    assert not _opens(app, {name: cookies[name] for name in kept})


def test_logging_in_again_after_logout_works(app, client, secretary):
    _logged_in_cookies(client, secretary)
    client.post("/logout")
    assert client.get(PROTECTED).status_code == 302
    _logged_in_cookies(client, secretary)
