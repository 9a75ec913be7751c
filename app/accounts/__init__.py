"""Accounts and roles: login, logout, own password, user administration."""
from flask import Blueprint

from app.core.actors import Directory, register_directory
from app.core.navigation import register_nav
from app.core.roles import Role

bp = Blueprint("accounts", __name__)

register_nav("Пользователи", "accounts.user_list", roles=[Role.ADMIN], group="Администрирование", order=900,
             active_prefix="accounts.user")

from app.accounts import routes, services  # noqa: E402,F401

register_directory(Directory(search=services.ids_matching, named=services.accounts_named))
