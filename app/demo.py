"""Demo data for `flask seed-demo`: each domain adds a seeder; they run in the order listed."""
from importlib import import_module

#: "module:function" of each domain's seeder; a seeder takes a DemoContext and adds rows.
SEEDERS = [
    "app.accounts.demo:seed",
    "app.programs.demo:seed",
    "app.partners.demo:seed",
    "app.people.demo:seed",
    "app.applications.demo:seed_agreements",
    "app.bases.demo:seed",
    "app.pairs.demo:seed",
    "app.pairs.plan_demo:seed",
    "app.documents.demo:seed",
    "app.selection.demo:seed",
    "app.applications.demo:seed",
    "app.selection.demo:seed_meeting",
    "app.questionnaires.demo:seed",
]


class DemoContext:
    """What seeders share: the accounts created, the demo password, anything later seeders need."""

    def __init__(self, password):
        self.password = password
        self.users = {}
        self.data = {}


#: What makes a database "not empty" for the demo: the records people enter (the criteria and the forms of
#: mentorship a migration seeds, the settings and the administrator's own account do not count).
DATA_CHECKS = [
    ("учётные записи, кроме администраторов", "app.accounts.models:User"),
    ("люди", "app.people.models:Person"),
    ("учебные годы", "app.programs.models:ProgramYear"),
    ("организации-партнёры", "app.partners.models:PartnerOrganisation"),
    ("документы", "app.documents.models:Document"),
]


def existing_data():
    """[(what, how many)] of the records already in the database; empty for a database the demo may fill."""
    from sqlalchemy import func, select

    from app.core.roles import Role
    from app.extensions import db

    found = []
    for label, target in DATA_CHECKS:
        module_name, class_name = target.split(":")
        model = getattr(import_module(module_name), class_name)
        rows = db.session.scalars(select(model)).all() if class_name == "User" else None
        if rows is not None:
            count = sum(1 for user in rows if not user.has_role(Role.ADMIN))
        else:
            count = db.session.scalar(select(func.count()).select_from(model))
        if count:
            found.append((label, count))
    return found


def run_seeders(password):
    context = DemoContext(password)
    for target in SEEDERS:
        module_name, function_name = target.split(":")
        getattr(import_module(module_name), function_name)(context)
    return context
