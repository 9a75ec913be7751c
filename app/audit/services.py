"""Writing audit events; the caller's transaction commits them together with the change."""
from flask import has_request_context, request
from flask_login import current_user

from app.audit.actions import ACTIONS
from app.audit.models import AuditEvent
from app.extensions import db


def record(action, *, actor=None, target=None, details=None, ip_address=None):
    """Add an audit event to the session; ``target`` is a model instance or a (type, id) pair."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user._get_current_object()
    if ip_address is None and has_request_context():
        ip_address = request.remote_addr
    target_type, target_id = _target(target)
    event = AuditEvent(action=action, actor=actor, target_type=target_type, target_id=target_id,
                       ip_address=ip_address, details=details or {})
    db.session.add(event)
    return event


def _target(target):
    if target is None:
        return None, None
    if isinstance(target, tuple):
        return target
    return target.__tablename__, target.id
