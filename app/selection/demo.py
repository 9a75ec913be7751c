"""Demo selection: the criteria of Приложение 1 and the current year's commission, created by order."""
from datetime import date

from app.programs.services import current_year
from app.selection import commission
from app.selection.models import CommissionRole
from app.selection.services import ensure_standard_criteria


def seed(context):
    ensure_standard_criteria()
    year = current_year()
    users = context.users
    if year is None or commission.current_commission(year) is not None:
        return
    members = [(users["director"], CommissionRole.CHAIR), (users["curator"], CommissionRole.MEMBER),
               (users["commission"], CommissionRole.MEMBER), (users["methodist"], CommissionRole.SECRETARY)]
    start = year.start_date
    commission.form_commission(year, members, order_date=date(start.year, 9, 1),
                               selection_deadline=date(start.year, 9, 25), actor=users["secretary"])
