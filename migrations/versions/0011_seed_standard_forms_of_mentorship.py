"""seed the regulation's three forms of mentorship (4.1)

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25 02:40:00

The values are written out here on purpose (a migration must not change when the code does); the
same three are in app/programs/services.py STANDARD_FORMS for databases built without migrations.
"""
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

FORMS = [
    {"code": "student_student", "name": "студент – студент", "position": 10, "allows_groups": False,
     "mentor_categories": ["student", "graduate"], "mentee_categories": ["student"]},
    {"code": "teacher_teacher", "name": "преподаватель – преподаватель", "position": 20, "allows_groups": False,
     "mentor_categories": ["college_staff"], "mentee_categories": ["new_teacher", "teacher"]},
    {"code": "employer_student", "name": "работодатель – студент", "position": 30, "allows_groups": True,
     "mentor_categories": ["partner_employee"], "mentee_categories": ["student"]},
]

mentorship_form = sa.table(
    "mentorship_form",
    sa.column("code", sa.String), sa.column("name", sa.String), sa.column("description", sa.Text),
    sa.column("mentor_categories", sa.JSON), sa.column("mentee_categories", sa.JSON),
    sa.column("allows_groups", sa.Boolean), sa.column("active", sa.Boolean), sa.column("position", sa.Integer),
    sa.column("created_at", sa.DateTime), sa.column("updated_at", sa.DateTime),
)


def upgrade():
    now = datetime.now(UTC).replace(tzinfo=None)  # UTCDateTime stores naive UTC
    op.bulk_insert(mentorship_form, [{**form, "description": None, "active": True, "created_at": now,
                                      "updated_at": now} for form in FORMS])


def downgrade():
    op.execute(mentorship_form.delete().where(mentorship_form.c.code.in_([form["code"] for form in FORMS])))
