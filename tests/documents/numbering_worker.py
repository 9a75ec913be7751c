"""A separate process that issues orders, for the numbering concurrency test (PostgreSQL).

    python -m tests.documents.numbering_worker DATABASE_URL UPLOAD_ROOT COUNT START_FILE

Writes START_FILE.ready-<pid> once it is set up, waits until START_FILE exists (so two workers start
together), issues COUNT orders, each in its own transaction, and prints the numbers it got as JSON.
"""
import json
import os
import sys
import time
from pathlib import Path


def main(database_url, upload_root, count, start_file):
    from sqlalchemy import select

    from app import create_app
    from app.accounts.models import User
    from app.core.roles import Role
    from app.documents.kinds import get_kind
    from app.documents.services import issue_document
    from app.extensions import db
    from tests.conftest import POSTGRES_TEST_ENGINE_OPTIONS

    app = create_app({"TESTING": True, "SECRET_KEY": "worker", "SQLALCHEMY_DATABASE_URI": database_url,
                      "UPLOAD_ROOT": upload_root, "SQLALCHEMY_ENGINE_OPTIONS": POSTGRES_TEST_ENGINE_OPTIONS})
    with app.app_context():
        user = db.session.scalars(select(User).where(User.role_rows.any(role=Role.SECRETARY))).first()
        values = get_kind("order_appoint_curator").example_values()
        Path(f"{start_file}.ready-{os.getpid()}").touch()
        deadline = time.monotonic() + 60
        while not Path(start_file).exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        numbers = []
        for _ in range(count):
            document = issue_document("order_appoint_curator", values, user)
            db.session.commit()
            numbers.append(document.number)
        db.engine.dispose()
    print(json.dumps(numbers))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
