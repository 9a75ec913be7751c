"""The criteria of Приложение 1 for a demo database built without migrations."""
from app.selection.services import ensure_standard_criteria


def seed(context):
    ensure_standard_criteria()
