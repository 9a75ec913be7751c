"""The routes' convention in one place: run a service, then commit and say so, or roll back and say why not."""
import logging

from flask import flash
from sqlalchemy.exc import IntegrityError

from app.core import idempotency
from app.core.errors import RuleError
from app.extensions import db

log = logging.getLogger(__name__)
SAVED_MEANWHILE = ("Такая запись только что сохранена другим запросом. Обновите страницу и проверьте, прежде чем "
                   "отправлять форму снова.")


def perform(action, success_message=None, form=None, once=None):
    """Run ``action()``; on RuleError roll back and show the refusal next to its field in ``form`` (or flash it).

    On success commit and flash ``success_message`` (a function of the action's result, or None to say nothing).
    Returns the result (True when the action returns nothing), or None when refused, so a route can redirect only
    on success. The form's one-time token is recorded with the action (app.core.idempotency): the same form sent
    twice is done once. A route that redirects whatever happens passes its form as ``once`` only (its refusals are
    flashed, not put next to fields).
    """
    once = once if once is not None else form
    try:
        result = action()
        idempotency.claim(once)  # after the action, in its transaction: a repeat gets the domain's own answer first
    except RuleError as error:
        db.session.rollback()
        if isinstance(error, idempotency.AlreadySubmitted):
            idempotency.renew(once)
        if form is None or not form.apply_rule_error(error):
            flash(str(error), "danger")
        return None
    except IntegrityError:
        # The last guard: a uniqueness no lock covered (the domains serialize their checks) — never a 500.
        db.session.rollback()
        log.exception("a unique constraint refused what a check let through")
        flash(SAVED_MEANWHILE, "danger")
        return None
    db.session.commit()
    idempotency.renew(once)
    if success_message is not None:
        flash(success_message(result) if callable(success_message) else success_message, "success")
    return True if result is None else result
