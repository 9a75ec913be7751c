"""Accounts of the staff who use the intranet; mentors and mentees need none (docs/design.md)."""
from datetime import datetime

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from app.core.enums import enum_type
from app.core.models import TimestampMixin
from app.core.names import FullNameMixin
from app.core.roles import Role
from app.core.search import search_key
from app.core.types import UTCDateTime
from app.extensions import db


class User(UserMixin, FullNameMixin, TimestampMixin, db.Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Stored in lower case; it is the login.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    middle_name: Mapped[str | None] = mapped_column(String(100))
    position: Mapped[str | None] = mapped_column(String(200))
    #: search_key() of the name and e-mail: case-insensitive search for Cyrillic on SQLite too.
    search_name: Mapped[str] = mapped_column(String(700), default="", index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    #: Bumped on a password change or deactivation: every older session stops working.
    session_version: Mapped[int] = mapped_column(default=0)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: The account's own card among the program's people, when he has one: a commission member never scores
    #: his own candidacy (4.13), and this link is how the intranet knows who he is there.
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), unique=True)

    person = relationship("Person", lazy="select")
    role_rows: Mapped[list["UserRole"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin")

    # Flask-Login
    @property
    def is_active(self):
        return self.active

    def get_id(self):
        return f"{self.id}.{self.session_version}"

    def refresh_search_name(self):
        self.search_name = search_key(self.last_name, self.first_name, self.middle_name, self.email)

    def set_password(self, password):
        method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password):
        return check_password_hash(self.password_hash, password)

    @property
    def roles(self) -> set[Role]:
        return {row.role for row in self.role_rows}

    def has_role(self, role):
        return Role(role) in self.roles

    def has_any_role(self, *roles):
        return bool(self.roles & {Role(r) for r in roles})

    @property
    def role_labels(self):
        return [role.label for role in Role if role in self.roles]

    def __repr__(self):
        return f"<User {self.email}>"


class UserRole(db.Model):
    __tablename__ = "user_role"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(enum_type(Role))

    user: Mapped[User] = relationship(back_populates="role_rows")
