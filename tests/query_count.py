"""Count the SQL statements a request runs: a list page must not run more for more rows."""
from sqlalchemy import event

from app.extensions import db


def count_queries(client, path, **kwargs):
    """Statements executed while answering GET ``path`` (the page must answer 200)."""
    statements = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", remember)
    try:
        response = client.get(path, **kwargs)
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    assert response.status_code == 200, path
    return len(statements)
