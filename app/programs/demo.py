"""Demo program years: 2025/2026 finished, 2026/2027 current; the regulation's three forms in both."""
from datetime import date

from app.programs import services
from app.programs.models import ProgramStage


def seed(context):
    forms = services.ensure_standard_forms()
    services.create_form(
        name="работодатель – ученик", description="Профориентация школьников на предприятиях-партнёрах "
                                                 "(п. 1.2 соглашения о наставничестве).",
        mentor_categories=["partner_employee"], mentee_categories=["student"], allows_groups=True, active=False,
        position=40)
    every = list(forms.values())
    previous = services.create_year(title="2025/2026", start_date=date(2025, 9, 1), end_date=date(2026, 8, 31),
                                    forms=every)
    current = services.create_year(title="2026/2027", start_date=date(2026, 9, 1), end_date=date(2027, 8, 31),
                                   forms=every)
    services.make_current(current)
    context.data.update(forms=forms, previous_year=previous, current_year=current)


def finish_stages(context):
    """After the bases are filled: the previous year closed at stage 7, the current one at stage 6."""
    previous, current = context.data["previous_year"], context.data["current_year"]
    while previous.stage != ProgramStage.COMPLETION:
        services.change_stage(previous, "next")
    services.close_year(previous)
    while current.stage != ProgramStage.WORK:
        services.change_stage(current, "next")
