"""The criteria of Приложение 1: which apply to a candidate, and their upkeep by the administrator."""
from sqlalchemy import select

from app.audit import services as audit
from app.core.errors import RuleError
from app.extensions import db
from app.programs.models import MentorshipForm
from app.selection.models import CriterionScope, SelectionCriterion

#: The form whose criteria a curator candidate must also meet (Приложение 1 calls it «Учитель-учитель»).
CURATOR_BASE_FORM = "teacher_teacher"


def criteria_for(form=None, *, curator=False, include_inactive=False):
    """The criteria a candidate is scored on, in order: the common ones, then his form's; for the
    curator's selection, the common ones, the teacher form's and the curator's (Приложение 1)."""
    if curator:
        form = db.session.scalar(select(MentorshipForm).where(MentorshipForm.code == CURATOR_BASE_FORM))
    query = select(SelectionCriterion).order_by(SelectionCriterion.position, SelectionCriterion.id)
    if not include_inactive:
        query = query.where(SelectionCriterion.active.is_(True))
    rows = db.session.scalars(query).all()
    common = [c for c in rows if c.scope == CriterionScope.COMMON]
    own = [c for c in rows if c.scope == CriterionScope.FORM and form is not None and c.mentorship_form_id == form.id]
    extra = [c for c in rows if c.scope == CriterionScope.CURATOR] if curator else []
    return common + own + extra


def all_criteria():
    """Every criterion for the administrator's page: grouped by scope and form."""
    return db.session.scalars(select(SelectionCriterion).order_by(
        SelectionCriterion.scope, SelectionCriterion.mentorship_form_id, SelectionCriterion.position,
        SelectionCriterion.id)).all()


def save_criterion(criterion, *, scope, text, mentorship_form=None, group=None, position=100, active=True,
                   actor=None):
    """Create (criterion None) or change a criterion; a form's criterion names its form, others none."""
    scope = CriterionScope(scope)
    text = (text or "").strip()
    if not text:
        raise RuleError("Впишите текст критерия так, как он звучит в Приложении 1 или в решении техникума.",
                        field="text")
    if scope == CriterionScope.FORM and mentorship_form is None:
        raise RuleError("Выберите форму наставничества, к которой относится критерий.", field="mentorship_form")
    if scope != CriterionScope.FORM:
        mentorship_form = None
    created = criterion is None
    if created:
        criterion = SelectionCriterion()
        db.session.add(criterion)
    criterion.scope = scope
    criterion.mentorship_form = mentorship_form
    criterion.group = (group or "").strip() or None
    criterion.text = text
    criterion.position = position if position is not None else 100
    criterion.active = bool(active)
    db.session.flush()
    audit.record("criterion_created" if created else "criterion_updated", actor=actor, target=criterion,
                 details={"scope": str(scope), "form": mentorship_form.name if mentorship_form else None,
                          "text": text[:200], "active": criterion.active})
    return criterion


def ensure_standard_criteria():
    """Seed Приложение 1 where migration 0014 did not run (a schema made by create_all); idempotent."""
    from app.programs.services import ensure_standard_forms
    from app.selection.criteria_text import CRITERIA

    if db.session.scalar(select(SelectionCriterion.id).limit(1)) is not None:
        return
    forms = ensure_standard_forms()
    for number, (scope, code, group, text) in enumerate(CRITERIA):
        form = forms.get(code) if code else None
        if code and form is None:
            continue
        db.session.add(SelectionCriterion(scope=CriterionScope(scope), mentorship_form=form, group=group, text=text,
                                          position=(number + 1) * 10, active=True))
    db.session.flush()
