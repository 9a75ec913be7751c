"""Mixins shared by the domain models."""
from datetime import datetime

from sqlalchemy.orm import Mapped, mapped_column

from app.core.types import UTCDateTime, utcnow


class TimestampMixin:
    """When a row was created and last changed, in UTC."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
