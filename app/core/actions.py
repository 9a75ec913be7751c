"""The routes' convention in one place: run a service, then commit and say so, or roll back and say why not."""
from flask import flash

from app.core.errors import RuleError
from app.extensions import db


def perform(action, success_message=None, form=None):
    """Run ``action()``; on RuleError roll back and show the refusal next to its field in ``form`` (or flash it).

    On success commit and flash ``success_message`` (a function of the action's result, or None to say nothing).
    Returns the result (True when the action returns nothing), or None when refused, so a route can redirect only
    on success.
    """
    try:
        result = action()
    except RuleError as error:
        db.session.rollback()
        if form is None or not form.apply_rule_error(error):
            flash(str(error), "danger")
        return None
    db.session.commit()
    if success_message is not None:
        flash(success_message(result) if callable(success_message) else success_message, "success")
    return True if result is None else result
