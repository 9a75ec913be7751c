"""`flask db upgrade` on an empty database gives exactly the models' schema, on SQLite and PostgreSQL."""
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from app import create_app
from app.extensions import db
from app.selection.criteria_text import CRITERIA
from tests.conftest import make_test_config


def test_upgrade_builds_the_models_schema_and_downgrade_removes_it(empty_database_url, tmp_path):
    app = create_app(make_test_config(empty_database_url, tmp_path))
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, db.metadata)
        assert differences == []
        with db.engine.connect() as connection:
            forms = connection.execute(sa.text("SELECT code FROM mentorship_form ORDER BY position")).scalars().all()
            criteria = connection.execute(sa.text("SELECT count(*) FROM selection_criterion")).scalar()
        assert forms == ["student_student", "teacher_teacher", "employer_student"]  # 4.1
        assert criteria == len(CRITERIA)  # Приложение 1
        downgrade(revision="base")
        with db.engine.connect() as connection:
            left = set(sa.inspect(connection).get_table_names()) - {"alembic_version"}
        assert left == set()
        db.engine.dispose()
