"""Browser tests: Playwright drives Debian's Chromium against the app served on a free local port.

The server runs in a thread of the test process with the test's app and database; tests wait on
what the page shows (Playwright's auto-waiting `expect`), never on sleeps.
"""
import os
import threading

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_server(app):
    """The app on 127.0.0.1 and a free port; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture
def page(browser, live_server):
    # Reduced motion: Bootstrap then skips its transitions, which Playwright would wait out before each click.
    context = browser.new_context(base_url=live_server, locale="ru-RU", accept_downloads=True, reduced_motion="reduce")
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page
    context.close()
    assert not [e for e in errors if "Content Security Policy" in e], errors


def wait_for_scripts(page):
    """Wait until app.js has run (after Bootstrap): menus opened before that would not open."""
    page.locator("html[data-js-ready]").wait_for(state="attached")


def log_in(page, email, password):
    page.goto("/login")
    page.get_by_label("Электронная почта").fill(email)
    page.get_by_label("Пароль", exact=True).fill(password)
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url(lambda url: "/login" not in url)
    wait_for_scripts(page)


def open_menu(page, group, item):
    """Open a group of the main menu and follow one of its links, as a user would."""
    wait_for_scripts(page)
    nav = page.get_by_test_id("main-nav")
    nav.get_by_role("button", name=group).click()
    nav.get_by_role("link", name=item).click()
