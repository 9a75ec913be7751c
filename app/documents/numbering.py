"""Register numbers without gaps or doubles, even when two secretaries issue at the same moment.

The next number comes from a counter row per (register, year), read with SELECT … FOR UPDATE on
PostgreSQL: a second transaction waits for the first to commit or roll back. The number is taken in
the transaction that issues the document, so a refused or failed issue gives its number back, and a
unique constraint on the documents (register, year, number) is the last guard. On SQLite (one writer
at a time) the row is created with an INSERT first, which takes the database's write lock before the
counter is read.
"""
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.documents.models import RegisterCounter
from app.documents.registers import REGISTERS, format_number
from app.extensions import db
from app.settings.services import get as get_setting

_INSERTS = {"postgresql": postgresql_insert, "sqlite": sqlite_insert}


def take_number(register_code: str, year: int) -> tuple[int, str]:
    """(number, formatted number) — the next of ``register_code`` in ``year``, held until commit."""
    register = REGISTERS[register_code]
    pattern = get_setting(register.setting_key)
    counter = _locked_counter(register_code, year)
    counter.last_number += 1
    db.session.flush()
    return counter.last_number, format_number(pattern, counter.last_number, year)


def _locked_counter(register_code, year):
    session = db.session
    insert = _INSERTS[session.get_bind().dialect.name]
    session.execute(insert(RegisterCounter).values(register=register_code, year=year, last_number=0)
                    .on_conflict_do_nothing(index_elements=["register", "year"]))
    statement = (select(RegisterCounter).where(RegisterCounter.register == register_code,
                                               RegisterCounter.year == year)
                 .with_for_update().execution_options(populate_existing=True))
    return session.scalars(statement).one()
