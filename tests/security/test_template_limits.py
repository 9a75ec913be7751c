"""Issue 11, finding 5: an administrator's template is filled for its preview within limits — range and power
sizes in the sandbox, the text it produces, the time it takes — and one that exceeds them is refused with a
message naming the limit; the version in use stays as it was."""
import io

import pytest
from sqlalchemy import select

from app.core.roles import Role
from app.documents.models import DocumentTemplate
from app.extensions import db
from tests.documents.helpers import make_docx
from tests.helpers import page_text

KIND = "letter_of_thanks"


@pytest.fixture
def admin(client, auth, make_user):
    user = make_user(Role.ADMIN, email="templates@security.test")
    auth.login_as(user)
    return user


def active_version():
    db.session.expire_all()
    return db.session.scalars(select(DocumentTemplate.version_no).where(DocumentTemplate.kind == KIND,
                                                                        DocumentTemplate.active.is_(True))).first()


@pytest.mark.parametrize("source,limit", [
    ("{% for x in range(10**9) %}{{ x }}{% endfor %}", "range"),
    ("{{ 10**(10**6) }}", "степен"),
    ("{{ 'a'*10**8 }}", "100 000 знаков"),
    ("{% for a in range(300) %}{% for b in range(300) %}{% for c in range(300) %}{{ a }}{% endfor %}{% endfor %}"
     "{% endfor %}", "ограничение"),
    ("{% for a in range(10000) %}{% for b in range(100) %}{{ 'ы' * 1000 }}{% endfor %}{% endfor %}", "МБ текста"),
    ("{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}", "ограничение времени"),
])
def test_a_template_beyond_the_limits_is_refused_naming_the_limit(app, client, admin, source, limit):
    if "времени" in limit or "range(300)" in source:
        app.config["TEMPLATE_CHECK_SECONDS"] = 1  # the default is 5 s; such loops outlast either
    client.get(f"/documents/templates/{KIND}")  # the shipped file becomes version 1
    before = active_version()
    response = client.post(f"/documents/templates/{KIND}/upload",
                           data={"file": (io.BytesIO(make_docx(source)), "Шаблон.docx"), "comment": ""},
                           content_type="multipart/form-data")
    assert response.status_code == 422
    text = page_text(response)
    assert "ограничение" in text and limit in text
    assert active_version() == before == 1
    assert db.session.scalar(select(DocumentTemplate).where(DocumentTemplate.version_no == 2)) is None
