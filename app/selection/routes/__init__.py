"""The selection's pages: criteria (Приложение 1), the commission and its meetings (4.13), their candidates and
reviews, the papers that follow, the candidates' progress."""
from app.selection.routes import candidates, commission, criteria, papers, progress  # noqa: F401
