"""pairs and groups as records (4.6–4.8): pairing, its members, a group's agreements, the orders that changed it

Tables only; 0061 carries the mentee base's mentor links over into pairings.

Revision ID: 0060
Revises: 0080
Create Date: 2026-12-03 12:20:00

"""
from alembic import op
import sqlalchemy as sa

import app.core.types


# revision identifiers, used by Alembic.
revision = '0060'
down_revision = '0080'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('pairing',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('pair', 'group', name='pairingkind', native_enum=False, length=32), nullable=False),
    sa.Column('program_year_id', sa.Integer(), nullable=False),
    sa.Column('mentorship_form_id', sa.Integer(), nullable=False),
    sa.Column('mentor_id', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('planned_end_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('state', sa.Enum('forming', 'active', 'completed', 'ended_early', 'replaced', name='pairingstate', native_enum=False, length=32), nullable=False),
    sa.Column('end_reason', sa.Text(), nullable=True),
    sa.Column('replaced_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.core.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['mentor_id'], ['mentor_participation.id'], name=op.f('fk_pairing_mentor_id_mentor_participation'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['mentorship_form_id'], ['mentorship_form.id'], name=op.f('fk_pairing_mentorship_form_id_mentorship_form'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['program_year_id'], ['program_year.id'], name=op.f('fk_pairing_program_year_id_program_year'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['replaced_by_id'], ['pairing.id'], name=op.f('fk_pairing_replaced_by_id_pairing'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pairing'))
    )
    with op.batch_alter_table('pairing', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pairing_mentor_id'), ['mentor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pairing_mentorship_form_id'), ['mentorship_form_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pairing_program_year_id'), ['program_year_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pairing_state'), ['state'], unique=False)

    op.create_table('pairing_agreement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pairing_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('mentor', 'mentee', name='agreementrole', native_enum=False, length=32), nullable=False),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['pairing_id'], ['pairing.id'], name=op.f('fk_pairing_agreement_pairing_id_pairing'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_pairing_agreement_person_id_person'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pairing_agreement')),
    sa.UniqueConstraint('pairing_id', 'person_id', name=op.f('uq_pairing_agreement_pairing_id_person_id'))
    )
    with op.batch_alter_table('pairing_agreement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pairing_agreement_pairing_id'), ['pairing_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pairing_agreement_person_id'), ['person_id'], unique=False)

    op.create_table('pairing_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pairing_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('extended', 'ended_early', 'replaced', name='pairingchangekind', native_enum=False, length=32), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('undone_at', app.core.types.UTCDateTime(), nullable=True),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_pairing_change_document_id_document'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['pairing_id'], ['pairing.id'], name=op.f('fk_pairing_change_pairing_id_pairing'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pairing_change')),
    sa.UniqueConstraint('document_id', name=op.f('uq_pairing_change_document_id'))
    )
    with op.batch_alter_table('pairing_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pairing_change_pairing_id'), ['pairing_id'], unique=False)

    op.create_table('pairing_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pairing_id', sa.Integer(), nullable=False),
    sa.Column('mentee_id', sa.Integer(), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=False),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.core.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['mentee_id'], ['mentee_participation.id'], name=op.f('fk_pairing_member_mentee_id_mentee_participation'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['pairing_id'], ['pairing.id'], name=op.f('fk_pairing_member_pairing_id_pairing'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pairing_member')),
    sa.UniqueConstraint('pairing_id', 'mentee_id', name=op.f('uq_pairing_member_pairing_id_mentee_id'))
    )
    with op.batch_alter_table('pairing_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pairing_member_mentee_id'), ['mentee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pairing_member_pairing_id'), ['pairing_id'], unique=False)



def downgrade():
    with op.batch_alter_table('pairing_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pairing_member_pairing_id'))
        batch_op.drop_index(batch_op.f('ix_pairing_member_mentee_id'))

    op.drop_table('pairing_member')
    with op.batch_alter_table('pairing_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pairing_change_pairing_id'))

    op.drop_table('pairing_change')
    with op.batch_alter_table('pairing_agreement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pairing_agreement_person_id'))
        batch_op.drop_index(batch_op.f('ix_pairing_agreement_pairing_id'))

    op.drop_table('pairing_agreement')
    with op.batch_alter_table('pairing', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pairing_state'))
        batch_op.drop_index(batch_op.f('ix_pairing_program_year_id'))
        batch_op.drop_index(batch_op.f('ix_pairing_mentorship_form_id'))
        batch_op.drop_index(batch_op.f('ix_pairing_mentor_id'))

    op.drop_table('pairing')
