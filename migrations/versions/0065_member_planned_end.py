"""a group member's own planned end (4.7: an extension order for one mentee of a group)

Nullable: every existing member follows his pairing's planned end, as before.

Revision ID: 0065
Revises: 0100
Create Date: 2026-12-03 13:45:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0065'
down_revision = '0100'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('pairing_member', schema=None) as batch_op:
        batch_op.add_column(sa.Column('planned_end_on', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('pairing_member', schema=None) as batch_op:
        batch_op.drop_column('planned_end_on')
