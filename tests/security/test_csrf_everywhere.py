"""Every POST route refuses a form without its CSRF token — found by walking the URL map, not from a list — and
changes nothing. The posts come from a signed-in user holding every role, so no role check answers first."""
import pytest
from werkzeug.routing.converters import AnyConverter, IntegerConverter

from app import create_app
from app.core.roles import Role
from tests.helpers import page_text
from tests.security.conftest import assert_nothing_stored, snapshot


def _post_rules():
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return sorted((rule.endpoint, rule) for rule in app.url_map.iter_rules() if "POST" in rule.methods)


def _path(rule):
    """The rule's path with any value its converters accept (the CSRF check comes before the view looks)."""
    values = {}
    for name, converter in rule._converters.items():
        if isinstance(converter, IntegerConverter):
            values[name] = 1
        elif isinstance(converter, AnyConverter):
            values[name] = sorted(converter.items)[0]
        else:
            values[name] = "x"
    return rule.build(values)[1]


POST_RULES = _post_rules()


def test_the_walk_finds_the_post_routes():
    endpoints = {endpoint for endpoint, _ in POST_RULES}
    assert len(POST_RULES) >= 60 and {"accounts.logout", "excel.import_upload", "people.person_new"} <= endpoints


@pytest.fixture
def everyone(make_user, auth):
    user = make_user(*Role, email="all-roles@security.test")
    auth.login_as(user)
    return user


def test_every_post_without_a_csrf_token_is_refused_and_changes_nothing(app, client, everyone):
    before = snapshot()
    answers = {}
    for endpoint, rule in POST_RULES:
        response = client.post(_path(rule), data={"anything": "1"}, csrf=False)
        answers[endpoint] = response.status_code
        if response.status_code == 400:
            assert "CSRF" in page_text(response) or "устарел" in page_text(response), endpoint
    wrong = {endpoint: status for endpoint, status in answers.items() if status != 400}
    assert not wrong, f"answered without a CSRF token: {wrong}"
    assert_nothing_stored(before)
