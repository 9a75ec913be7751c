"""every mentee-row mentor link becomes a pairing with the same dates and state; the column goes

A mentee in a pair with his mentor (status paired) gets an active pair from the later of the two entry dates to his
«Дата завершения программы» (or the year's end); one who completed gets a completed pair ending on his end date; one
who withdrew a pair ended early then («выбытие наставляемого»). Downgrade puts the links back from the pairings.

Revision ID: 0061
Revises: 0060
Create Date: 2026-12-03 12:45:00

"""
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0061'
down_revision = '0060'
branch_labels = None
depends_on = None

STATES = {"paired": "active", "completed": "completed", "withdrawn": "ended_early", "waiting": "active"}


def _date(value):
    if value is None or hasattr(value, "year"):
        return value
    return datetime.strptime(str(value)[:10], "%Y-%m-%d").date()


def upgrade():
    connection = op.get_bind()
    now = datetime.now(timezone.utc)
    pairing = sa.table(
        "pairing", sa.column("id", sa.Integer), sa.column("kind", sa.String), sa.column("program_year_id", sa.Integer),
        sa.column("mentorship_form_id", sa.Integer), sa.column("mentor_id", sa.Integer),
        sa.column("starts_on", sa.Date), sa.column("planned_end_on", sa.Date), sa.column("ended_on", sa.Date),
        sa.column("state", sa.String), sa.column("end_reason", sa.Text), sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime))
    member = sa.table(
        "pairing_member", sa.column("pairing_id", sa.Integer), sa.column("mentee_id", sa.Integer),
        sa.column("joined_on", sa.Date), sa.column("left_on", sa.Date), sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime))
    rows = connection.execute(sa.text(
        "SELECT e.id, e.program_year_id, e.entry_date, e.end_date, e.status, m.id, m.mentorship_form_id, "
        "m.entry_date, y.end_date FROM mentee_participation e "
        "JOIN mentor_participation m ON m.id = e.mentor_id JOIN program_year y ON y.id = e.program_year_id "
        "WHERE e.mentor_id IS NOT NULL ORDER BY e.id")).all()
    for (mentee_id, year_id, entry, end, status, mentor_id, form_id, mentor_entry, year_end) in rows:
        entry, end, mentor_entry, year_end = _date(entry), _date(end), _date(mentor_entry), _date(year_end)
        start = max(entry, mentor_entry)
        state = STATES.get(status, "active")
        ended = end if state in ("completed", "ended_early") else None
        planned = end or year_end
        if planned <= start:
            planned = year_end if year_end > start else start
        pairing_id = connection.execute(pairing.insert().values(
            kind="pair", program_year_id=year_id, mentorship_form_id=form_id, mentor_id=mentor_id, starts_on=start,
            planned_end_on=planned, ended_on=ended, state=state,
            end_reason="выбытие наставляемого" if state == "ended_early" else None, created_at=now,
            updated_at=now).returning(pairing.c.id)).scalar_one()
        connection.execute(member.insert().values(pairing_id=pairing_id, mentee_id=mentee_id, joined_on=start,
                                                  left_on=ended, created_at=now, updated_at=now))
    with op.batch_alter_table('mentee_participation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentee_participation_mentor_id'))
        batch_op.drop_constraint(batch_op.f('fk_mentee_participation_mentor_id_mentor_participation'),
                                 type_='foreignkey')
        batch_op.drop_column('mentor_id')


def downgrade():
    with op.batch_alter_table('mentee_participation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mentor_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_mentee_participation_mentor_id_mentor_participation'),
                                    'mentor_participation', ['mentor_id'], ['id'], ondelete='RESTRICT')
        batch_op.create_index(batch_op.f('ix_mentee_participation_mentor_id'), ['mentor_id'], unique=False)
    connection = op.get_bind()
    links = connection.execute(sa.text(
        "SELECT pm.mentee_id, p.mentor_id FROM pairing_member pm JOIN pairing p ON p.id = pm.pairing_id "
        "ORDER BY pm.id")).all()
    for mentee_id, mentor_id in links:  # the latest pairing wins, as the bases showed it
        connection.execute(sa.text("UPDATE mentee_participation SET mentor_id = :mentor WHERE id = :mentee"),
                           {"mentor": mentor_id, "mentee": mentee_id})
    for table in ("pairing_change", "pairing_agreement", "pairing_member"):
        connection.execute(sa.text(f"DELETE FROM {table}"))
    connection.execute(sa.text("UPDATE pairing SET replaced_by_id = NULL"))
    connection.execute(sa.text("DELETE FROM pairing"))
