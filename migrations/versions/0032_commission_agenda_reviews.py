"""the commission's agenda, members' reviews (scores, comment, vote), decisions and the papers that follow (4.13)

Revision ID: 0032
Revises: 0031
Create Date: 2026-11-25 05:00:00

"""
from alembic import op
import sqlalchemy as sa

import app.core.types


# revision identifiers, used by Alembic.
revision = '0032'
down_revision = '0031'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('meeting_candidate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('added_by_id', sa.Integer(), nullable=False),
    sa.Column('selected', sa.Boolean(), nullable=True),
    sa.Column('votes_for', sa.Integer(), nullable=True),
    sa.Column('votes_against', sa.Integer(), nullable=True),
    sa.Column('votes_abstained', sa.Integer(), nullable=True),
    sa.Column('by_chair', sa.Boolean(), nullable=False),
    sa.Column('total_score', sa.Integer(), nullable=True),
    sa.Column('appointment_order_id', sa.Integer(), nullable=True),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.core.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['added_by_id'], ['user_account.id'], name=op.f('fk_meeting_candidate_added_by_id_user_account')),
    sa.ForeignKeyConstraint(['application_id'], ['candidate_application.id'], name=op.f('fk_meeting_candidate_application_id_candidate_application'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['appointment_order_id'], ['document.id'], name=op.f('fk_meeting_candidate_appointment_order_id_document'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['meeting_id'], ['commission_meeting.id'], name=op.f('fk_meeting_candidate_meeting_id_commission_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_candidate')),
    sa.UniqueConstraint('meeting_id', 'application_id', name=op.f('uq_meeting_candidate_meeting_id_application_id'))
    )
    with op.batch_alter_table('meeting_candidate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_candidate_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_candidate_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('commission_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('vote', sa.Enum('for', 'against', 'abstain', name='vote', native_enum=False, length=16), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.core.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['meeting_candidate.id'], name=op.f('fk_commission_review_candidate_id_meeting_candidate'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['commission_member.id'], name=op.f('fk_commission_review_member_id_commission_member'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commission_review')),
    sa.UniqueConstraint('candidate_id', 'member_id', name=op.f('uq_commission_review_candidate_id_member_id'))
    )
    with op.batch_alter_table('commission_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commission_review_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commission_review_member_id'), ['member_id'], unique=False)

    op.create_table('review_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['criterion_id'], ['selection_criterion.id'], name=op.f('fk_review_score_criterion_id_selection_criterion'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['review_id'], ['commission_review.id'], name=op.f('fk_review_score_review_id_commission_review'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_score')),
    sa.UniqueConstraint('review_id', 'criterion_id', name=op.f('uq_review_score_review_id_criterion_id'))
    )
    with op.batch_alter_table('review_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_score_criterion_id'), ['criterion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_score_review_id'), ['review_id'], unique=False)

    with op.batch_alter_table('commission_meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('protocol_document_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('registry_order_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_commission_meeting_registry_order_id_document'), 'document', ['registry_order_id'], ['id'], ondelete='RESTRICT')
        batch_op.create_foreign_key(batch_op.f('fk_commission_meeting_protocol_document_id_document'), 'document', ['protocol_document_id'], ['id'], ondelete='RESTRICT')


def downgrade():
    with op.batch_alter_table('commission_meeting', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_commission_meeting_protocol_document_id_document'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_commission_meeting_registry_order_id_document'), type_='foreignkey')
        batch_op.drop_column('registry_order_id')
        batch_op.drop_column('protocol_document_id')

    with op.batch_alter_table('review_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_score_review_id'))
        batch_op.drop_index(batch_op.f('ix_review_score_criterion_id'))

    op.drop_table('review_score')
    with op.batch_alter_table('commission_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commission_review_member_id'))
        batch_op.drop_index(batch_op.f('ix_commission_review_candidate_id'))

    op.drop_table('commission_review')
    with op.batch_alter_table('meeting_candidate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_candidate_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_candidate_application_id'))

    op.drop_table('meeting_candidate')
