"""The administrator's view of the audit log, with filters."""
from datetime import datetime, time, timedelta

from flask import render_template, request
from sqlalchemy import select

from app.audit import bp
from app.audit.actions import ACTIONS, target_label
from app.audit.models import AuditEvent
from app.core.actors import actor_matches
from app.core.formatting import local_zone
from app.core.pagination import paginate
from app.core.permissions import role_required
from app.core.roles import Role


@bp.route("/")
@role_required(Role.ADMIN)
def event_list():
    query = select(AuditEvent).order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    action = request.args.get("action", "")
    if action in ACTIONS:
        query = query.where(AuditEvent.action == action)
    who = request.args.get("who", "").strip()
    if who:
        query = query.where(actor_matches(AuditEvent.actor_id, who))
    address = request.args.get("ip", "").strip()
    if address:
        query = query.where(AuditEvent.ip_address.like(f"{address}%"))
    date_from = _parse_date(request.args.get("from"))
    date_to = _parse_date(request.args.get("to"))
    if date_from:
        query = query.where(AuditEvent.created_at >= _local_midnight(date_from))
    if date_to:
        query = query.where(AuditEvent.created_at < _local_midnight(date_to + timedelta(days=1)))
    page = paginate(query)
    return render_template("audit/event_list.html", page=page, actions=ACTIONS, target_label=target_label,
                           action=action, who=who,
                           ip=address, date_from=request.args.get("from", ""), date_to=request.args.get("to", ""))


def _parse_date(value):
    try:
        return datetime.strptime(value or "", "%Y-%m-%d").date()
    except ValueError:
        return None


def _local_midnight(day):
    return datetime.combine(day, time.min, tzinfo=local_zone())
