"""Expected access: start page, health check, accounts, audit log, settings."""
from app.core.roles import Role
from tests.access.rules import ANY_USER, NOT_REFUSED, PUBLIC, Access, roles

ADMIN = roles(Role.ADMIN)

RULES = {
    "main.index": Access("/", ANY_USER),
    "main.healthz": Access("/healthz", PUBLIC, anonymous_status=200),
    "accounts.login": Access("/login", PUBLIC, allowed_status=302, anonymous_status=200),
    "accounts.logout": Access("/logout", ANY_USER, method="POST", allowed_status=302),
    "accounts.own_password": Access("/account/password", ANY_USER),
    "accounts.user_list": Access("/admin/users", ADMIN),
    "accounts.user_new": Access("/admin/users/new", ADMIN),
    "accounts.user_edit": Access("/admin/users/{target_user_id}/edit", ADMIN),
    "accounts.user_deactivate": Access("/admin/users/{target_user_id}/deactivate", ADMIN, method="POST",
                                       allowed_status=NOT_REFUSED),
    "accounts.user_activate": Access("/admin/users/{target_user_id}/activate", ADMIN, method="POST",
                                     allowed_status=NOT_REFUSED),
    "accounts.user_password": Access("/admin/users/{target_user_id}/password", ADMIN, method="POST",
                                     allowed_status=NOT_REFUSED),
    "audit.event_list": Access("/admin/audit/", ADMIN),
    "settings.edit": Access("/admin/settings/", ADMIN),
}


def seed(world):
    world["target_user_id"] = world["make_user"](Role.STAFF, email="target@kmt.test").id
