"""Pages of the document engine, one module per job: the register, issuing, a document, templates."""
from app.documents.routes import archives, document, issue, register, templates  # noqa: F401
