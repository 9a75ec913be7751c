"""Phone screenshots (390×844) of the busiest pages, from the demo college in a throw-away database.

    .venv/bin/python scripts/phone_screenshots.py [docs/screenshots]

Each page is shot whole (every action on it, as a phone user scrolls to it), as the role that uses it.
"""
import logging
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from app import create_app  # noqa: E402
from app.extensions import db  # noqa: E402
from tests.conftest import make_test_config  # noqa: E402
from tests.e2e import axe  # noqa: E402
from tests.e2e.a11y_world import ACCOUNTS, DEMO_PASSWORD, seed_world  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, log_in, wait_for_scripts  # noqa: E402
from tests.e2e.page_map import RESOLVERS  # noqa: E402


def pages():
    """(file name, role, URL) of the five pages staff use most."""
    mentee = RESOLVERS["mentee_id"]()["mentee_id"]
    person = RESOLVERS["person_id"]()["person_id"]
    candidate = RESOLVERS["item_id"]()
    return [
        ("1-mentee-base", "curator", "/bases/mentees/?status=waiting"),
        ("2-mentee", "curator", f"/bases/mentees/{mentee}"),
        ("3-person", "curator", f"/people/{person}"),
        ("4-document-register", "secretary", "/documents/?kind=order_appoint_curator"),
        ("5-commission-review", "curator",
         f"/selection/meetings/{candidate['meeting_id']}/candidates/{candidate['item_id']}"),
    ]


def main(folder):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    tmp = Path(tempfile.mkdtemp())
    app = create_app(make_test_config(f"sqlite:///{tmp / 'demo.sqlite'}", tmp))
    with app.app_context():
        db.create_all()
        seed_world(app)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, role, url in pages():
                context = browser.new_context(base_url=base, viewport=axe.PHONE, locale="ru-RU")
                tab = context.new_page()
                log_in(tab, ACCOUNTS[role], DEMO_PASSWORD)
                tab.goto(url)
                wait_for_scripts(tab)
                path = folder / f"{name}.png"
                tab.screenshot(path=str(path), full_page=True)
                print(f"{path}: {url} ({role})")
                context.close()
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
