"""one-time form tokens: the same form sent twice is done once (issue 11, double submissions)

Revision ID: 0042
Revises: 0041
Create Date: 2026-12-03 09:00:00

"""
from alembic import op
import sqlalchemy as sa

import app.core.types


# revision identifiers, used by Alembic.
revision = '0042'
down_revision = '0041'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('form_submission',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('endpoint', sa.String(length=100), nullable=False),
    sa.Column('submitted_at', app.core.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_form_submission')),
    sa.UniqueConstraint('token', name=op.f('uq_form_submission_token'))
    )
    with op.batch_alter_table('form_submission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_form_submission_submitted_at'), ['submitted_at'], unique=False)


def downgrade():
    with op.batch_alter_table('form_submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_form_submission_submitted_at'))
    op.drop_table('form_submission')
