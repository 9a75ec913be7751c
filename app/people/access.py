"""Who sees and changes personal data: only the roles that need a record (docs/design.md "Personal data").

Staff and the curator keep the bases; the secretary and the director read them; the curator alone
forms pairs, moves statuses and includes mentors in the registry. Commission members do not see
the bases (they get candidate files), and the administrator manages accounts, not personal data.
"""
from app.core.roles import Role

READ_ROLES = (Role.CURATOR, Role.STAFF, Role.SECRETARY, Role.DIRECTOR)
EDIT_ROLES = (Role.CURATOR, Role.STAFF)
MANAGE_ROLES = (Role.CURATOR,)
#: Issue 5: participants' papers are printed and their signed scans filed by the secretary, staff and the curator;
#: a numbered paper (the partner agreement) is issued by the secretary, who keeps the register.
PRINT_ROLES = (Role.CURATOR, Role.STAFF, Role.SECRETARY)
FILE_ROLES = (Role.CURATOR, Role.STAFF, Role.SECRETARY)
ISSUE_ROLES = (Role.SECRETARY,)

ROLES_BY_ACTION = {"view": READ_ROLES, "edit": EDIT_ROLES, "manage": MANAGE_ROLES, "print": PRINT_ROLES,
                   "file": FILE_ROLES, "issue": ISSUE_ROLES}


class PersonalDataAccess:
    """``can(user, action)`` for records of personal data: "view", "edit", "manage", "print", "file", "issue"."""

    def can(self, user, action="view"):
        return bool(user.is_authenticated and user.has_any_role(*ROLES_BY_ACTION[action]))
