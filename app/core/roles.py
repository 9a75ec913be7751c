"""The intranet's roles (docs/design.md "Who uses it"); one person may hold several."""
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    CURATOR = "curator"
    STAFF = "staff"
    COMMISSION = "commission"
    DIRECTOR = "director"
    SECRETARY = "secretary"
    #: A mentor working at the college, his account linked to his card: his own pairs only (plans, meetings).
    MENTOR = "mentor"

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
    Role.MENTOR: "наставник",
}
