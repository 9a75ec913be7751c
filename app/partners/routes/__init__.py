"""The partners' pages, one module per job: the agreements (Приложение 2), the organisations and the list of 8.4."""
from app.partners.routes import agreements, partners  # noqa: F401
