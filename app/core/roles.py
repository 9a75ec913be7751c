"""The intranet's roles (docs/design.md "Who uses it"); one person may hold several."""
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    CURATOR = "curator"
    STAFF = "staff"
    COMMISSION = "commission"
    DIRECTOR = "director"
    SECRETARY = "secretary"

    @property
    def label(self):
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ADMIN: "администратор",
    Role.CURATOR: "куратор",
    Role.STAFF: "сотрудник",
    Role.COMMISSION: "член комиссии",
    Role.DIRECTOR: "директор",
    Role.SECRETARY: "секретарь",
}
