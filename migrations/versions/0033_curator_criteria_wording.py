"""the curator's criteria (Приложение 1, last paragraph) in the regulation's own words

Revision ID: 0033
Revises: 0032
Create Date: 2026-11-25 12:00:00

Data only: rows an administrator has since edited keep his text.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0033'
down_revision = '0032'
branch_labels = None
depends_on = None

WORDING = [
    ("опыт управления персоналом, проектами", "обладать опытом управления персоналом, проектами"),
    ("способность ставить SMART-цели", "быть способным ставить SMART-цели"),
    ("способность организовывать и контролировать работу коллектива",
     "быть способным организовывать и контролировать работу коллектива"),
    ("способность выстраивать коммуникативные каналы с наставниками и наставляемыми",
     "быть способным выстраивать коммуникативные каналы с наставниками и наставляемыми"),
    ("способность вести переговоры с потенциальными партнерами техникума",
     "быть способным вести переговоры с потенциальными партнерами техникума"),
]

criteria = sa.table('selection_criterion', sa.column('scope', sa.String), sa.column('text', sa.Text))


def _reword(pairs):
    for old, new in pairs:
        op.execute(criteria.update().where(criteria.c.scope == 'curator', criteria.c.text == old).values(text=new))


def upgrade():
    _reword(WORDING)


def downgrade():
    _reword([(new, old) for old, new in WORDING])
