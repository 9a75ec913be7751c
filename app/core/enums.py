"""Status and category enums as columns: stored by value, portable to SQLite and PostgreSQL."""
from sqlalchemy import Enum


def enum_type(enum_class, length=32):
    """A VARCHAR column holding the enum's values (not its names), as the role column does."""
    return Enum(enum_class, native_enum=False, length=length, validate_strings=True,
                values_callable=lambda members: [member.value for member in members])
