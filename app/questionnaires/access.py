"""Who does what with questionnaires (docs/design.md "Who uses it"): the administrator edits them, the curator sends
them, the curator and staff hand out the links and type in answers given on paper, the readers of the bases read the
results. A participant answers through his personal link, without an account."""
from app.core.roles import Role

READ_ROLES = (Role.CURATOR, Role.STAFF, Role.SECRETARY, Role.DIRECTOR, Role.ADMIN)
RESULT_ROLES = (Role.CURATOR, Role.STAFF, Role.SECRETARY, Role.DIRECTOR)
EDIT_ROLES = (Role.ADMIN,)
SEND_ROLES = (Role.CURATOR,)
LINK_ROLES = (Role.CURATOR, Role.STAFF)

ROLES_BY_ACTION = {"view": READ_ROLES, "results": RESULT_ROLES, "edit": EDIT_ROLES, "send": SEND_ROLES,
                   "links": LINK_ROLES}
