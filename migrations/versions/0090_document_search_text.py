"""the register's search on one folded column (issue 12): number, heading, summary and subjects' labels, with a
trigram index on PostgreSQL

Existing documents get the column filled from what they hold, folded as app.core.search.search_key folds it.

Revision ID: 0090
Revises: 0065
Create Date: 2026-12-03 12:40:00

"""
import re

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0090'
down_revision = '0065'
branch_labels = None
depends_on = None

document = sa.table('document', sa.column('id', sa.Integer), sa.column('number_text', sa.String),
                    sa.column('title', sa.String), sa.column('summary', sa.String),
                    sa.column('search_text', sa.Text))
subject = sa.table('document_subject', sa.column('id', sa.Integer), sa.column('document_id', sa.Integer),
                   sa.column('label', sa.String))


def _fold(parts):
    """app.core.search.search_key as of this revision: lower case, ё as е, single spaces."""
    text = " | ".join(parts)
    return re.sub(r"\s+", " ", text.lower().replace("ё", "е")).strip()


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_text', sa.Text(), nullable=False, server_default=''))
    connection = op.get_bind()
    labels = {}
    for document_id, label in connection.execute(
            sa.select(subject.c.document_id, subject.c.label).order_by(subject.c.id)):
        labels.setdefault(document_id, []).append(label)
    rows = [{"key": row.id, "text": _fold([row.number_text or "", row.title or "", row.summary or "",
                                           *labels.get(row.id, [])])}
            for row in connection.execute(sa.select(document.c.id, document.c.number_text, document.c.title,
                                                    document.c.summary))]
    if rows:
        connection.execute(document.update().where(document.c.id == sa.bindparam("key"))
                           .values(search_text=sa.bindparam("text")), rows)
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index('ix_document_search_text', ['search_text'], unique=False, postgresql_using='gin',
                              postgresql_ops={'search_text': 'gin_trgm_ops'})


def downgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index('ix_document_search_text', postgresql_using='gin',
                            postgresql_ops={'search_text': 'gin_trgm_ops'})
        batch_op.drop_column('search_text')
