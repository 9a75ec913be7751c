"""The register's issue form, filled from an agreement entered on the partner's page (app.documents.prefill)."""
from sqlalchemy import select

from app.documents.prefill import Prefill, PrefillProvider, register_prefill
from app.extensions import db
from app.partners.agreements import agreement_subjects, agreement_values
from app.partners.models import Agreement


def _options():
    rows = db.session.scalars(select(Agreement).order_by(Agreement.signed_on.desc(), Agreement.id.desc()))
    return [(str(row.id), f"{row.partner.short_name}: {row.label}") for row in rows]


def _fill(ids):
    agreement = db.session.get(Agreement, int(ids[0]))
    return Prefill(values=agreement_values(agreement), subjects=agreement_subjects(agreement))


register_prefill("partner_agreement", PrefillProvider(
    "agreement", "Соглашение, введённое на странице партнёра", _options, _fill,
    help="Документ связывается с соглашением: его статус (распечатано, подписано) виден на странице партнёра."))
