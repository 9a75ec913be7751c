"""Headers, cookies and assets: no inline script, nothing from the internet, personal pages not cached."""
import re

from app.core.roles import Role
from app.core.security import safe_next_url


def test_security_headers_on_every_page(client):
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_pages_have_no_inline_script_and_no_external_assets(client, auth, make_user):
    auth.login_as(make_user(Role.ADMIN))
    for path in ["/login", "/", "/admin/users", "/admin/users/new", "/admin/audit/", "/admin/settings/"]:
        html = client.get(path).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert not re.search(r"\son[a-z]+=", html), path
        assert not re.search(r"\sstyle=", html), path
        assert not re.search(r'(src|href)="(https?:)?//', html), path


def test_bootstrap_is_served_locally(client):
    html = client.get("/login").get_data(as_text=True)
    for asset in re.findall(r'(?:href|src)="(/[^"]+\.(?:css|js))"', html):
        assert client.get(asset).status_code == 200, asset


def test_session_cookie_is_httponly_and_lax(client, auth, make_user):
    make_user(Role.STAFF, email="staff@kmt.ru")
    response = auth.login("staff@kmt.ru")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_session_cookie_is_secure_when_configured(app, client, auth, make_user):
    app.config["SESSION_COOKIE_SECURE"] = True
    make_user(Role.STAFF, email="staff@kmt.ru")
    assert "Secure" in auth.login("staff@kmt.ru").headers["Set-Cookie"]


def test_signed_in_pages_are_not_cached(client, auth, make_user):
    auth.login_as(make_user(Role.ADMIN))
    assert client.get("/admin/users").headers["Cache-Control"] == "no-store"


def test_safe_next_url():
    assert safe_next_url("/admin/users?page=2") == "/admin/users?page=2"
    for bad in ["https://evil.example", "//evil.example", "/\\evil.example", "evil", "", None, "/\nx"]:
        assert safe_next_url(bad) is None
