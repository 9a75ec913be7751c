"""a candidate's application may be a candidacy for the curator (Приложение 1, last paragraph)

Revision ID: 0031
Revises: 0030
Create Date: 2026-11-25 05:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0031'
down_revision = '0030'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('candidate_application', schema=None) as batch_op:
        # Applications entered before this revision are mentor candidacies.
        batch_op.add_column(sa.Column('for_curator', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('candidate_application', schema=None) as batch_op:
        batch_op.drop_column('for_curator')
