"""The register's issue forms of the selection's papers, filled from records: the curator and the commission from
the accounts (4.13), the registry of mentors from the mentor base (Приложение 4)."""
from app.accounts.documents import account_options, chosen_accounts, curator_provider, user_as_person
from app.bases.prefill import YEAR_HELP, fill_registry, year_options
from app.core.roles import Role
from app.documents.prefill import Prefill, PrefillProvider, Subject, register_prefill
from app.selection.models import CommissionRole


def _commission_rows(users):
    """The director chairs the commission (4.13); the others are its members."""
    chair, member = CommissionRole.CHAIR.label, CommissionRole.MEMBER.label
    rows = [{"name": user.full_name, "position": user.position or "",
             "role": chair if user.has_role(Role.DIRECTOR) else member} for user in users]
    rows.sort(key=lambda row: row["role"] != chair)
    return rows


def _member_subjects(users):
    return [Subject("user", user.id, "commission_member", user.short_name) for user in users]


def _fill_commission(ids):
    users = chosen_accounts(ids)
    return Prefill(values={"members": _commission_rows(users)}, subjects=_member_subjects(users))


def _fill_protocol(ids):
    users = chosen_accounts(ids)
    values = {"members_present": _commission_rows(users)}
    chair = next((user for user in users if user.has_role(Role.DIRECTOR)), None)
    if chair is not None:
        values["chair"] = user_as_person(chair)
    return Prefill(values=values, subjects=_member_subjects(users))


register_prefill("order_appoint_curator", curator_provider(with_position=True,
                                                           help="Учётные записи с ролью «куратор»."))
register_prefill("order_create_commission", PrefillProvider(
    "commission_accounts", "Состав комиссии из учётных записей", account_options(Role.COMMISSION, Role.DIRECTOR),
    _fill_commission, multiple=True,
    help="Директор становится председателем; отметьте 3–5 человек, включая куратора."))
register_prefill("commission_protocol", PrefillProvider(
    "commission_accounts", "Присутствующие члены комиссии из учётных записей",
    account_options(Role.COMMISSION, Role.DIRECTOR), _fill_protocol, multiple=True))
register_prefill("order_approve_mentor_registry", PrefillProvider(
    "year_registry", "Реестр наставников учебного года", year_options, fill_registry, help=YEAR_HELP))
