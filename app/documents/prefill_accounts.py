"""Prefill from the intranet's user accounts: the curator, the commission (4.13).

These are the providers the engine can offer before the people, selection and pairs domains exist;
they show the seam those domains use (app.documents.prefill). Accounts carry no gender, so it is
taken from the patronymic, as pytrovich reads it.
"""
from sqlalchemy import select

from app.accounts.models import User, UserRole
from app.core.roles import Role
from app.documents.prefill import Prefill, PrefillProvider, Subject, register_prefill
from app.documents.russian import person_gender
from app.extensions import db


def _users_with(*roles):
    return list(db.session.scalars(
        select(User).where(User.active.is_(True), User.role_rows.any(UserRole.role.in_(roles)))
        .order_by(User.last_name, User.first_name)))


def _options(*roles):
    return lambda: [(str(user.id), f"{user.full_name}{', ' + user.position if user.position else ''}")
                    for user in _users_with(*roles)]


def _chosen(ids):
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


def _fill_curator(ids):
    user = _chosen(ids)[0]
    return Prefill(values={"curator": user_as_person(user), "curator_position": user.position or ""},
                   subjects=[Subject("user", user.id, "curator", user.short_name)])


def _fill_program_curator(ids):
    prefill = _fill_curator(ids)
    return Prefill(values={"curator": prefill.values["curator"]}, subjects=prefill.subjects)


def _commission_rows(users):
    rows = []
    for user in users:
        role = "председатель комиссии" if user.has_role(Role.DIRECTOR) else "член комиссии"
        rows.append({"name": user.full_name, "position": user.position or "", "role": role})
    rows.sort(key=lambda row: row["role"] != "председатель комиссии")
    return rows


def _fill_commission(ids):
    users = _chosen(ids)
    return Prefill(values={"members": _commission_rows(users)},
                   subjects=[Subject("user", user.id, "commission_member", user.short_name) for user in users])


def _fill_protocol(ids):
    users = _chosen(ids)
    values = {"members_present": _commission_rows(users)}
    chair = next((user for user in users if user.has_role(Role.DIRECTOR)), None)
    if chair is not None:
        values["chair"] = user_as_person(chair)
    return Prefill(values=values,
                   subjects=[Subject("user", user.id, "commission_member", user.short_name) for user in users])


CURATOR = PrefillProvider("curator_account", "Куратор из учётных записей", _options(Role.CURATOR), _fill_curator,
                          help="Учётные записи с ролью «куратор».")
COMMISSION = PrefillProvider("commission_accounts", "Состав комиссии из учётных записей",
                             _options(Role.COMMISSION, Role.DIRECTOR), _fill_commission, multiple=True,
                             help="Директор становится председателем; отметьте 3–5 человек, включая куратора.")
PROTOCOL = PrefillProvider("commission_accounts", "Присутствующие члены комиссии из учётных записей",
                           _options(Role.COMMISSION, Role.DIRECTOR), _fill_protocol, multiple=True)

register_prefill("order_appoint_curator", CURATOR)
register_prefill("order_approve_program", PrefillProvider("curator_account", CURATOR.label, CURATOR.options,
                                                          _fill_program_curator))
register_prefill("order_create_commission", COMMISSION)
register_prefill("commission_protocol", PROTOCOL)
