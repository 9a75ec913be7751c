"""The audit log: who did what, when, from which address."""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.types import UTCDateTime, utcnow
from app.extensions import db


class AuditEvent(db.Model):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    #: The signed-in user who acted; empty for a failed login by an unknown address.
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    #: One of app.audit.actions.ACTIONS.
    action: Mapped[str] = mapped_column(String(64), index=True)
    #: What the action was about, e.g. ("user", 12) or ("scan", 40).
    target_type: Mapped[str | None] = mapped_column(String(64))
    target_id: Mapped[int | None]
    #: The client address as the application saw it (after ProxyFix, when configured).
    ip_address: Mapped[str | None] = mapped_column(String(64))
    #: Free details: the e-mail typed at a failed login, the roles before and after, and so on.
    details: Mapped[dict] = mapped_column(JSON, default=dict)

    actor = relationship("User", lazy="joined")
