"""The printed plan is filled from the pair's plan (the register's issue form offers the year's plans too)."""
from sqlalchemy import select

from app.documents.prefill import Prefill, PrefillProvider, register_prefill
from app.extensions import db
from app.pairs.plan_models import IndividualPlan
from app.pairs.plans import plan_subjects, plan_values


def _options():
    plans = db.session.scalars(select(IndividualPlan).order_by(IndividualPlan.id.desc()).limit(300)).all()
    return [(plan.id, f"{plan.pairing.title} ({plan.pairing.program_year.title})") for plan in plans]


def _fill(ids):
    plan = db.session.get(IndividualPlan, int(ids[0])) if ids else None
    if plan is None:
        return Prefill()
    return Prefill(values=plan_values(plan), subjects=plan_subjects(plan))


register_prefill("individual_plan", PrefillProvider(
    "plan", "Индивидуальный план пары (группы)", _options, _fill,
    help="Мероприятия, отметки и отчёты — из плана пары; их можно поправить перед выпуском."))
