"""WCAG 2.1 AA on every page of the URL map, at 1280 px and on a 390 px phone, as the role that uses the page: axe-core
finds no critical or serious violation, and no page is wider than the phone.

One browser, one context per role, one tab each; the roles are shared out between SHARDS tests, each seeding the
world once and checking its roles' pages on it. Set A11Y_REPORT=path.json to keep every finding (moderate and minor
too) with its counts per page (path.1.json, path.2.json: one per shard), and A11Y_PAGES=/bases/,/people/ to check
only the pages whose URL contains one of those parts.
"""
import json
import os
from collections import Counter, defaultdict

import pytest

from tests.e2e import axe
from tests.e2e.a11y_world import ACCOUNTS, DEMO_PASSWORD, seed_world
from tests.e2e.conftest import log_in, wait_for_scripts
from tests.e2e.page_map import all_pages

#: The pages' markup is the same on both databases: checked once (the role matrix opens every page on both).
pytestmark = [pytest.mark.browser, pytest.mark.one_database]


#: The pages are checked in this many tests, each a share of the roles: the workers check them side by side instead
#: of one of them walking every page while the other has finished.
SHARDS = 2


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_page_passes_axe_on_desktop_and_phone(app, browser, live_server, shard):
    seed_world(app)
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 3600  # the browser keeps CSS and JS instead of asking again per page
    pages = all_pages(app)
    only = [part for part in os.environ.get("A11Y_PAGES", "").split(",") if part]
    if only:
        pages = [page for page in pages if any(part in page.url for part in only)]
    by_role = defaultdict(list)
    for page in pages:
        by_role[page.role].append(page)
    by_role = _share(by_role, shard)
    pages = [page for role_pages in by_role.values() for page in role_pages]

    findings, problems = [], []
    for role, role_pages in sorted(by_role.items(), key=lambda item: str(item[0])):
        context = browser.new_context(base_url=live_server, locale="ru-RU", viewport=axe.DESKTOP)
        context.set_default_timeout(15_000)
        axe.prepare(context)
        tab = context.new_page()
        csp = []
        tab.on("console", lambda message, csp=csp: csp.append(message.text)
               if "Content Security Policy" in message.text else None)
        if role is None:
            findings += _check_login_errors(tab)
        else:
            log_in(tab, ACCOUNTS[str(role)], DEMO_PASSWORD)
        for page in role_pages:
            response = tab.goto(page.url)
            if response is None or response.status != 200 or tab.url != live_server + page.url:
                problems.append(f"{page.name}: did not open (status {response and response.status}, at {tab.url})")
                continue
            wait_for_scripts(tab)
            findings += axe.check(tab, page.name, "desktop")
            tab.set_viewport_size(axe.PHONE)
            findings += axe.check(tab, page.name, "phone") + axe.overflow(tab, page.name)
            tab.set_viewport_size(axe.DESKTOP)
        context.close()
        problems += [f"{role}: blocked by the CSP: {text}" for text in csp]

    _report(pages, findings, shard)
    failing = [str(finding) for finding in findings if finding.impact in axe.FAILING]
    assert not problems, "\n".join(problems)
    assert not failing, f"{len(failing)} critical or serious violations:\n" + "\n".join(failing)


def _share(by_role, shard):
    """This shard's roles and their pages: the roles with the most pages first, each to the lighter shard."""
    loads, shares = [0] * SHARDS, [{} for _ in range(SHARDS)]
    for role, role_pages in sorted(by_role.items(), key=lambda item: (-len(item[1]), str(item[0]))):
        lightest = loads.index(min(loads))
        shares[lightest][role] = role_pages
        loads[lightest] += len(role_pages)
    return shares[shard]


def _check_login_errors(tab):
    """The login form, sent empty, with its errors shown."""
    tab.goto("/login")
    wait_for_scripts(tab)
    tab.get_by_role("button", name="Войти").click()
    tab.wait_for_load_state()
    wait_for_scripts(tab)
    return axe.check(tab, "/login sent empty (anonymous)", "desktop")


def _report(pages, findings, shard):
    """A11Y_REPORT=a11y.json writes a11y.1.json, a11y.2.json…: one report per shard."""
    path = os.environ.get("A11Y_REPORT")
    if not path:
        return
    stem, dot, extension = path.rpartition(".")
    path = f"{stem}.{shard + 1}.{extension}" if dot else f"{path}.{shard + 1}"
    counts = defaultdict(Counter)
    for finding in findings:
        counts[f"{finding.page} [{finding.viewport}]"][finding.impact] += len(finding.targets) or 1
    totals = Counter()
    for page_counts in counts.values():
        totals.update(page_counts)
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"pages": len(pages), "totals": dict(totals), "by_page": {k: dict(v) for k, v in counts.items()},
                   "findings": [vars(f) for f in findings]}, out, ensure_ascii=False, indent=1)
