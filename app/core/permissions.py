"""Two layers of access: a role check on the route, an object check on the record."""
from functools import wraps

from flask import abort
from flask_login import current_user

from app.extensions import db, login_manager


def role_required(*roles):
    """Let in a signed-in user holding any of ``roles``; send others to login or to a 403 page."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if roles and not current_user.has_any_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        wrapped.allowed_roles = frozenset(roles)
        return wrapped

    return decorator


def get_or_404(model, ident):
    """Fetch a row by primary key or answer 404."""
    record = db.session.get(model, ident)
    if record is None:
        abort(404)
    return record


def get_for_user_or_403(model, ident, user, action="view"):
    """Fetch a row and ask it whether ``user`` may perform ``action`` on it (``can(user, action)``)."""
    record = get_or_404(model, ident)
    if not record.can(user, action):
        abort(403)
    return record
