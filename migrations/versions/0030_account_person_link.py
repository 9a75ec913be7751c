"""an account's link to its holder's card among the people: a commission member never scores himself (4.13)

Revision ID: 0030
Revises: 0020
Create Date: 2026-11-25 05:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0030'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('person_id', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_user_account_person_id'), ['person_id'])
        batch_op.create_foreign_key(batch_op.f('fk_user_account_person_id_person'), 'person', ['person_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_user_account_person_id_person'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_user_account_person_id'), type_='unique')
        batch_op.drop_column('person_id')
