"""program years, forms of mentorship, people, partners, mentee and mentor bases, import files

Revision ID: 0010
Revises: 0001
Create Date: 2026-11-25 02:31:06.286218

"""
from alembic import op
import sqlalchemy as sa

import app.core.types


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('mentorship_form',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('mentor_categories', sa.JSON(), nullable=False),
    sa.Column('mentee_categories', sa.JSON(), nullable=False),
    sa.Column('allows_groups', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.core.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentorship_form')),
    sa.UniqueConstraint('code', name=op.f('uq_mentorship_form_code')),
    sa.UniqueConstraint('name', name=op.f('uq_mentorship_form_name'))
    )
    op.create_table('partner_organisation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.String(length=500), nullable=False),
    sa.Column('short_name', sa.String(length=200), nullable=False),
    sa.Column('legal_address', sa.String(length=500), nullable=False),
    sa.Column('head_last_name', sa.String(length=100), nullable=False),
    sa.Column('head_first_name', sa.String(length=100), nullable=False),
    sa.Column('head_middle_name', sa.String(length=100), nullable=True),
    sa.Column('head_gender', sa.Enum('male', 'female', name='gender', native_enum=False, length=16), nullable=False),
    sa.Column('head_position', sa.String(length=200), nullable=False),
    sa.Column('head_basis', sa.String(length=200), nullable=False),
    sa.Column('head_name_forms', sa.JSON(), nullable=False),
    sa.Column('contact_name', sa.String(length=300), nullable=True),
    sa.Column('contact_position', sa.String(length=200), nullable=True),
    sa.Column('contact_phone', sa.String(length=32), nullable=True),
    sa.Column('contact_email', sa.String(length=254), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('search_name', sa.String(length=700), nullable=False),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.core.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_organisation')),
    sa.UniqueConstraint('short_name', name=op.f('uq_partner_organisation_short_name'))
    )
    with op.batch_alter_table('partner_organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_organisation_search_name'), ['search_name'], unique=False)

    op.create_table('program_year',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=9), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('stage', sa.Enum('preparation', 'mentee_base', 'mentor_base', 'selection', 'pairing', 'work', 'completion', name='programstage', native_enum=False, length=32), nullable=False),
    sa.Column('status', sa.Enum('open', 'closed', name='programyearstatus', native_enum=False, length=32), nullable=False),
    sa.Column('is_current', sa.Boolean(), nullable=False),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.core.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_program_year')),
    sa.UniqueConstraint('title', name=op.f('uq_program_year_title'))
    )
    op.create_table('import_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('people', 'mentees', 'mentors', name='importkind', native_enum=False, length=32), nullable=False),
    sa.Column('program_year_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('uploaded', 'imported', 'discarded', name='importstatus', native_enum=False, length=32), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=False),
    sa.Column('imported_at', app.core.types.UTCDateTime(), nullable=True),
    sa.Column('rows_imported', sa.Integer(), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('storage_key', sa.String(length=255), nullable=False),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.core.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['program_year_id'], ['program_year.id'], name=op.f('fk_import_batch_program_year_id_program_year'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['user_account.id'], name=op.f('fk_import_batch_uploaded_by_id_user_account'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batch')),
    sa.UniqueConstraint('storage_key', name=op.f('uq_import_batch_storage_key'))
    )
    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_batch_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_batch_uploaded_by_id'), ['uploaded_by_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('category', sa.Enum('student', 'graduate', 'teacher', 'college_staff', 'partner_employee', name='personcategory', native_enum=False, length=32), nullable=False),
    sa.Column('study_group', sa.String(length=50), nullable=True),
    sa.Column('position', sa.String(length=200), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('search_name', sa.String(length=320), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('middle_name', sa.String(length=100), nullable=True),
    sa.Column('gender', sa.Enum('male', 'female', name='gender', native_enum=False, length=16), nullable=False),
    sa.Column('name_forms', sa.JSON(), nullable=False),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.core.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['partner_organisation.id'], name=op.f('fk_person_organisation_id_partner_organisation'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_search_name'), ['search_name'], unique=False)
        batch_op.create_index('ix_person_search_name_birth_date', ['search_name', 'birth_date'], unique=False)

    op.create_table('program_year_form',
    sa.Column('program_year_id', sa.Integer(), nullable=False),
    sa.Column('mentorship_form_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['mentorship_form_id'], ['mentorship_form.id'], name=op.f('fk_program_year_form_mentorship_form_id_mentorship_form'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['program_year_id'], ['program_year.id'], name=op.f('fk_program_year_form_program_year_id_program_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('program_year_id', 'mentorship_form_id', name=op.f('pk_program_year_form'))
    )
    op.create_table('legal_representative',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('relation', sa.Enum('mother', 'father', 'guardian', 'trustee', 'other', name='relation', native_enum=False, length=32), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('middle_name', sa.String(length=100), nullable=True),
    sa.Column('gender', sa.Enum('male', 'female', name='gender', native_enum=False, length=16), nullable=False),
    sa.Column('name_forms', sa.JSON(), nullable=False),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.core.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_legal_representative_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_representative'))
    )
    with op.batch_alter_table('legal_representative', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_legal_representative_person_id'), ['person_id'], unique=False)

    op.create_table('mentor_participation',
    sa.Column('category', sa.Enum('student', 'graduate', 'college_staff', 'partner_employee', name='mentorcategory', native_enum=False, length=32), nullable=False),
    sa.Column('mentorship_form_id', sa.Integer(), nullable=False),
    sa.Column('competencies', sa.Text(), nullable=False),
    sa.Column('achievements', sa.Text(), nullable=True),
    sa.Column('interests', sa.Text(), nullable=True),
    sa.Column('desired_mentee_age', sa.String(length=100), nullable=True),
    sa.Column('time_resource', sa.String(length=200), nullable=True),
    sa.Column('status', sa.Enum('potential', 'registered', 'completed', 'withdrawn', name='mentorstatus', native_enum=False, length=32), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('registry_basis', sa.String(length=300), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_year_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('entry_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('results', sa.Text(), nullable=True),
    sa.Column('case_link', sa.String(length=500), nullable=True),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.core.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['mentorship_form_id'], ['mentorship_form.id'], name=op.f('fk_mentor_participation_mentorship_form_id_mentorship_form'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_mentor_participation_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['program_year_id'], ['program_year.id'], name=op.f('fk_mentor_participation_program_year_id_program_year'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentor_participation')),
    sa.UniqueConstraint('person_id', 'program_year_id', name=op.f('uq_mentor_participation_person_id_program_year_id'))
    )
    with op.batch_alter_table('mentor_participation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentor_participation_mentorship_form_id'), ['mentorship_form_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentor_participation_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentor_participation_program_year_id'), ['program_year_id'], unique=False)

    op.create_table('mentee_participation',
    sa.Column('category', sa.Enum('student', 'new_teacher', 'teacher', name='menteecategory', native_enum=False, length=32), nullable=False),
    sa.Column('main_request', sa.Text(), nullable=False),
    sa.Column('mentorship_form_id', sa.Integer(), nullable=True),
    sa.Column('mentor_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('waiting', 'paired', 'completed', 'withdrawn', name='menteestatus', native_enum=False, length=32), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_year_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('entry_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('results', sa.Text(), nullable=True),
    sa.Column('case_link', sa.String(length=500), nullable=True),
    sa.Column('created_at', app.core.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.core.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['mentor_id'], ['mentor_participation.id'], name=op.f('fk_mentee_participation_mentor_id_mentor_participation'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['mentorship_form_id'], ['mentorship_form.id'], name=op.f('fk_mentee_participation_mentorship_form_id_mentorship_form'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_mentee_participation_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['program_year_id'], ['program_year.id'], name=op.f('fk_mentee_participation_program_year_id_program_year'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentee_participation')),
    sa.UniqueConstraint('person_id', 'program_year_id', name=op.f('uq_mentee_participation_person_id_program_year_id'))
    )
    with op.batch_alter_table('mentee_participation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentee_participation_mentor_id'), ['mentor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentee_participation_mentorship_form_id'), ['mentorship_form_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentee_participation_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentee_participation_program_year_id'), ['program_year_id'], unique=False)



def downgrade():
    with op.batch_alter_table('mentee_participation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentee_participation_program_year_id'))
        batch_op.drop_index(batch_op.f('ix_mentee_participation_person_id'))
        batch_op.drop_index(batch_op.f('ix_mentee_participation_mentorship_form_id'))
        batch_op.drop_index(batch_op.f('ix_mentee_participation_mentor_id'))

    op.drop_table('mentee_participation')
    with op.batch_alter_table('mentor_participation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentor_participation_program_year_id'))
        batch_op.drop_index(batch_op.f('ix_mentor_participation_person_id'))
        batch_op.drop_index(batch_op.f('ix_mentor_participation_mentorship_form_id'))

    op.drop_table('mentor_participation')
    with op.batch_alter_table('legal_representative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_legal_representative_person_id'))

    op.drop_table('legal_representative')
    op.drop_table('program_year_form')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('ix_person_search_name_birth_date')
        batch_op.drop_index(batch_op.f('ix_person_search_name'))
        batch_op.drop_index(batch_op.f('ix_person_organisation_id'))

    op.drop_table('person')
    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_batch_uploaded_by_id'))
        batch_op.drop_index(batch_op.f('ix_import_batch_sha256'))

    op.drop_table('import_batch')
    op.drop_table('program_year')
    with op.batch_alter_table('partner_organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_organisation_search_name'))

    op.drop_table('partner_organisation')
    op.drop_table('mentorship_form')
