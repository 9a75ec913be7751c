"""Pages of candidates and their papers, one module per job: applications, nominations, papers (gaps, uploads)."""
from app.applications.routes import candidates, nominations, papers  # noqa: F401
