"""The register's issue form, filled from a candidate's application or a nomination (app.documents.prefill).

Issued this way, the document is linked to the same record as the one printed from its page, so the
candidate's checklist and the nomination's page see it.
"""
from sqlalchemy import select

from app.applications.models import CandidateApplication, Nomination, NominationKind
from app.applications.nominations import approval_sheet_values, nomination_subjects, order_values
from app.applications.services import application_subjects, application_values
from app.documents.prefill import Prefill, PrefillProvider, register_prefill
from app.extensions import db


def _application_options():
    rows = db.session.scalars(select(CandidateApplication).order_by(CandidateApplication.applied_on.desc()))
    return [(str(row.id), f"{row.person.full_name} — {row.program_year.title}, {row.mentorship_form.name}")
            for row in rows]


def _fill_application(ids):
    application = db.session.get(CandidateApplication, int(ids[0]))
    return Prefill(values=application_values(application), subjects=application_subjects(application))


def _nomination_options(kinds):
    def options():
        rows = db.session.scalars(select(Nomination).where(Nomination.kind.in_(kinds))
                                  .order_by(Nomination.nominated_on.desc()))
        return [(str(row.id), f"{row.label}: {', '.join(c.person.short_name for c in row.candidates)}")
                for row in rows]
    return options


def _fill_nomination(values):
    def fill(ids):
        nomination = db.session.get(Nomination, int(ids[0]))
        return Prefill(values=values(nomination), subjects=nomination_subjects(nomination))
    return fill


register_prefill("candidate_application", PrefillProvider(
    "candidate_application", "Заявление кандидата из перечня заявлений", _application_options, _fill_application))
register_prefill("order_nominate_mentors", PrefillProvider(
    "nomination", "Выдвижение наставников", _nomination_options(list(NominationKind)), _fill_nomination(order_values)))
register_prefill("approval_sheet", PrefillProvider(
    "nomination", "Выдвижение наставников администрацией", _nomination_options([NominationKind.ADMINISTRATION]),
    _fill_nomination(approval_sheet_values)))

