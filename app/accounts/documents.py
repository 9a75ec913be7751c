"""An account as the documents use it: a person value for a field (the curator, the commission's chair), and the
accounts a prefill offers. Accounts carry no gender: the card the account is linked to gives it, else the
patronymic, as pytrovich reads it."""
from sqlalchemy import select

from app.accounts.models import User, UserRole
from app.core.roles import Role
from app.documents.prefill import Prefill, PrefillProvider, Subject
from app.documents.russian import person_gender
from app.extensions import db


def users_with(*roles):
    """The active accounts holding one of ``roles``, by name."""
    return list(db.session.scalars(
        select(User).where(User.active.is_(True), User.role_rows.any(UserRole.role.in_(roles)))
        .order_by(User.last_name, User.first_name)))


def account_options(*roles):
    """A prefill's ``options``: the active accounts holding one of ``roles``, with their positions."""
    return lambda: [(str(user.id), f"{user.full_name}{', ' + user.position if user.position else ''}")
                    for user in users_with(*roles)]


def chosen_accounts(ids):
    """The accounts with these ids, in the order chosen."""
    users = db.session.scalars(select(User).where(User.id.in_([int(i) for i in ids]))).all()
    order = {int(i): n for n, i in enumerate(ids)}
    return sorted(users, key=lambda user: order[user.id])


def user_as_person(user):
    """An account as a person value of a document: the gender and hand-typed case forms of the card it is linked
    to, else the gender guessed from the names."""
    person = {"last_name": user.last_name, "first_name": user.first_name, "middle_name": user.middle_name or "",
              "name_forms": {}}
    card = user.person
    if card is not None and card.full_name == user.full_name:
        return {**person, "gender": card.gender.value, "name_forms": dict(card.name_forms or {})}
    gender = person_gender({**person, "gender": None})
    return {**person, "gender": gender.value if gender else None}


def curator_provider(*, with_position, help=""):
    """«Куратор из учётных записей»: the curator's account fills the ``curator`` field (and his position)."""

    def fill(ids):
        user = chosen_accounts(ids)[0]
        values = {"curator": user_as_person(user)}
        if with_position:
            values["curator_position"] = user.position or ""
        return Prefill(values=values, subjects=[Subject("user", user.id, "curator", user.short_name)])

    return PrefillProvider("curator_account", "Куратор из учётных записей", account_options(Role.CURATOR), fill,
                           help=help)
