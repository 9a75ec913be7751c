"""The audit log speaks Russian: every detail's name and every coded value in words (no `kind`, `True`, `None`)."""
import re

from sqlalchemy import select

from app.audit.models import AuditEvent
from app.audit.vocabulary import field_label, value_text
from app.core.roles import Role
from app.extensions import db
from app.settings import services as settings
from tests.helpers import page_text

LATIN = re.compile(r"[A-Za-z]")
#: A code as services record it: «personal_data», «order_appoint_curator», «mentee».
CODE = re.compile(r"^[a-z][a-z0-9_]*$")


def _untranslated(details, found, action):
    for key, value in (details or {}).items():
        label = field_label(key)
        if LATIN.search(label.replace("SHA-256", "")):
            found.add(f"{action}: поле {key}")
        values = value.values() if isinstance(value, dict) and set(value) <= {"before", "after"} else [value]
        for item in values:
            if isinstance(item, dict):
                _untranslated(item, found, action)
                continue
            for part in item if isinstance(item, list) else [item]:
                if isinstance(part, dict):
                    _untranslated(part, found, action)
                elif isinstance(part, str) and CODE.match(part) and value_text(key, part) == part:
                    found.add(f"{action}: {key} = {part}")
                elif part is None or isinstance(part, bool):
                    assert value_text(key, part) in ("—", "да", "нет")


def test_every_detail_of_the_demo_colleges_log_is_in_russian(demo_college, client, auth, make_user):
    assert demo_college.result.exit_code == 0, demo_college.result.output
    settings.update({"college.full_name_dative": "учреждению (исправлено)", "college.director_gender": "male"})
    db.session.commit()
    auth.login_as(make_user(Role.CURATOR))
    for base in ("mentees", "mentors", "people"):
        assert client.get(f"/excel/export/{base}.xlsx?status=active&q=ов").status_code == 200
    found = set()
    for event in db.session.scalars(select(AuditEvent)):
        _untranslated(event.details, found, event.action)
    assert not found, "\n".join(sorted(found))
    auth.login_as(make_user(Role.ADMIN))
    page = page_text(client.get("/admin/audit/?action=settings_changed"))
    assert "Полное наименование: дательный (кому?): — → учреждению (исправлено)" in page
    assert "Пол директора: женский → мужской" in page
    for word in ("True", "False", "None", "kind:", "college."):
        assert word not in page
