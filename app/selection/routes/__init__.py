"""The selection's pages: criteria (Приложение 1), the commission and its meetings (4.13)."""
from app.selection.routes import commission, criteria  # noqa: F401
