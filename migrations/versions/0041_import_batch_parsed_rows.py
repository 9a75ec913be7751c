"""an import keeps its rows, parsed once on upload, and their check (issue 11: the preview never re-reads the file)

Batches kept before this have neither: the next preview parses their file once and keeps both.

Revision ID: 0041
Revises: 0040
Create Date: 2026-12-03 08:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0041'
down_revision = '0040'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sheet', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('report', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.drop_column('report')
        batch_op.drop_column('sheet')
