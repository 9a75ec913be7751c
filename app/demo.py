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
    "app.documents.demo:seed",
    "app.selection.demo:seed",
    "app.applications.demo:seed",
    "app.selection.demo:seed_meeting",
]


class DemoContext:
    """What seeders share: the accounts created, the demo password, anything later seeders need."""

    def __init__(self, password):
        self.password = password
        self.users = {}
        self.data = {}


def run_seeders(password):
    context = DemoContext(password)
    for target in SEEDERS:
        module_name, function_name = target.split(":")
        getattr(import_module(module_name), function_name)(context)
    return context
