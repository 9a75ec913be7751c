"""Mixins shared by the domain models, and the one table of the core: submitted form tokens."""
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.types import UTCDateTime, utcnow
from app.extensions import db


class TimestampMixin:
    """When a row was created and last changed, in UTC."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class FormSubmission(db.Model):
    """A form's one-time token, recorded in the transaction of what the form did (app.core.idempotency)."""

    __tablename__ = "form_submission"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    endpoint: Mapped[str] = mapped_column(String(100))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
