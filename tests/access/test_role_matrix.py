"""Every registered route, for an anonymous visitor and for a user of each role (docs/design.md "Who uses it")."""
import pkgutil
from importlib import import_module

import pytest
import sqlalchemy as sa

import tests.access
from app.accounts.models import User
from app.core.roles import Role
from app.extensions import db
from tests.access.rules import NOT_REFUSED, PUBLIC
from tests.conftest import user_factory
from tests.isolation import shared_world

#: Endpoints that serve files of the framework, not pages of the intranet.
IGNORED_ENDPOINTS = {"static", "bootstrap.static"}

TABLES = [import_module(f"tests.access.{module.name}")
          for module in pkgutil.iter_modules(tests.access.__path__) if module.name.startswith("table_")]


def _all_rules():
    merged = {}
    for table in TABLES:
        for endpoint, access in table.RULES.items():
            assert endpoint not in merged, f"{endpoint} is listed twice"
            merged[endpoint] = access
    return merged


RULES = _all_rules()


@pytest.fixture(scope="module")
def seeded_world(worker_app, worker_engine, tmp_path_factory):
    """One user per role (that role only) plus whatever the domain tables seed: built once per worker, kept in a
    transaction that each test of this module enters through a savepoint (so a POST it makes is undone)."""
    def build():
        make_user = user_factory()
        world = {"make_user": make_user}
        world["users"] = {role: make_user(role, email=f"{role}@matrix.test") for role in Role}
        for table in TABLES:
            if hasattr(table, "seed"):
                table.seed(world)
        return world

    with shared_world(worker_app, worker_engine, tmp_path_factory.mktemp("matrix"), build) as sandbox:
        yield sandbox


@pytest.fixture
def db_sandbox(seeded_world):
    with seeded_world.savepoint() as sandbox:
        yield sandbox


@pytest.fixture
def world(app, make_user, seeded_world):
    """The seeded world, its users loaded into this test's session."""
    world = dict(seeded_world.data, make_user=make_user)
    world["users"] = {role: db.session.get(User, sa.inspect(user).identity)
                      for role, user in seeded_world.data["users"].items()}
    return world


def test_every_route_has_an_entry(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - IGNORED_ENDPOINTS
    missing = sorted(endpoints - RULES.keys())
    stale = sorted(RULES.keys() - endpoints)
    assert not missing, f"routes without an entry in tests/access/table_*.py: {missing}"
    assert not stale, f"entries for routes that no longer exist: {stale}"


def test_every_entry_uses_a_method_its_route_accepts(app):
    methods = {}
    for rule in app.url_map.iter_rules():
        methods.setdefault(rule.endpoint, set()).update(rule.methods)
    wrong = {endpoint: access.method for endpoint, access in RULES.items()
             if endpoint in methods and access.method not in methods[endpoint]}
    assert not wrong


@pytest.mark.parametrize("endpoint", sorted(RULES))
def test_route_answers_each_role_as_expected(endpoint, app, client, auth, world):
    access = RULES[endpoint]
    path = access.path.format(**world)
    outcomes = {"anonymous": _request(client, access, path)}
    for role, user in world["users"].items():
        auth.login_as(user)
        outcomes[role] = _request(client, access, path)
        with client.session_transaction() as session:
            session.clear()

    problems = []
    anonymous = outcomes.pop("anonymous")
    if access.roles == PUBLIC:
        if anonymous.status_code != access.anonymous_status:
            problems.append(f"anonymous: {anonymous.status_code}, expected {access.anonymous_status}")
    elif not _is_login_redirect(anonymous):
        problems.append(f"anonymous: {anonymous.status_code}, expected a redirect to the login page")
    for role, response in outcomes.items():
        if access.allows(role):
            if not _allowed_as_expected(access, response):
                problems.append(f"{role}: {response.status_code}, expected {access.allowed_status or 'not refused'}")
        elif response.status_code != 403:
            problems.append(f"{role}: {response.status_code}, expected 403")
    assert not problems, f"{endpoint} {access.method} {path}: " + "; ".join(problems)


def _request(client, access, path):
    if access.method == "GET":
        return client.get(path)
    return client.open(path, method=access.method, data=dict(access.data))


def _is_login_redirect(response):
    return response.status_code == 302 and "/login" in response.headers.get("Location", "")


def _allowed_as_expected(access, response):
    if access.allowed_status is NOT_REFUSED:
        return response.status_code < 500 and response.status_code not in (401, 403) and not _is_login_redirect(
            response)
    return response.status_code == access.allowed_status
