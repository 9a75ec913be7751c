"""One posted button, one service action: commit and say so, or roll back and say why not."""
from flask import flash

from app.core.errors import RuleError
from app.extensions import db


def perform(action, success_message):
    """Run ``action()``; on RuleError roll back and flash the refusal. Returns whether it succeeded."""
    try:
        action()
    except RuleError as error:
        db.session.rollback()
        flash(str(error), "danger")
        return False
    db.session.commit()
    flash(success_message, "success")
    return True
