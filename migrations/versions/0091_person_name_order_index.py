"""the people list's order (name, then id) in one index: a deep page walks it instead of sorting everyone (issue 12)

The index on the name alone is replaced: the new one starts with it, so searches by name use it as before.

Revision ID: 0091
Revises: 0090
Create Date: 2026-12-03 13:05:00

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0091'
down_revision = '0090'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('ix_person_search_name')
        batch_op.create_index('ix_person_search_name_id', ['search_name', 'id'], unique=False)


def downgrade():
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('ix_person_search_name_id')
        batch_op.create_index('ix_person_search_name', ['search_name'], unique=False)
