"""a nomination may carry the curator's candidacy (4.13: «Выдвижение наставника/ков и куратора»)

Existing nominations put forward mentors only: their candidates keep for_curator false.

Revision ID: 0080
Revises: 0042
Create Date: 2026-12-03 11:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0080'
down_revision = '0042'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('nomination_candidate', schema=None) as batch_op:
        batch_op.add_column(sa.Column('for_curator', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('nomination_candidate', schema=None) as batch_op:
        batch_op.drop_column('for_curator')
