"""`flask seed-demo` fills the bases with a realistic college whose pairs keep every rule."""
from collections import Counter
from datetime import date

from sqlalchemy import select

from app.bases.models import MenteeParticipation, MenteeStatus, MentorParticipation
from app.core.roles import Role
from app.extensions import db
from app.partners.models import PartnerOrganisation
from app.people.categories import PersonCategory
from app.people.models import Person
from app.programs.models import ProgramStage, ProgramYearStatus
from app.programs.services import current_year, years_newest_first
from tests.helpers import page_text


def test_the_demo_college(demo_college, client, auth, make_user):
    result = demo_college.result  # `flask seed-demo --password demo-parol-2026`, run once per worker
    assert result.exit_code == 0, result.output
    people = list(db.session.scalars(select(Person)))
    categories = Counter(person.category for person in people)
    assert categories[PersonCategory.STUDENT] == 60
    assert categories[PersonCategory.TEACHER] + categories[PersonCategory.COLLEGE_STAFF] >= 25
    assert db.session.query(PartnerOrganisation).count() == 3
    minors = [person for person in people if person.is_minor_on(date(2026, 9, 15))]
    assert minors and all(person.representatives for person in minors)
    previous, current = sorted(years_newest_first(), key=lambda year: year.start_date)
    assert current_year() is current and current.stage == ProgramStage.WORK
    assert previous.status == ProgramYearStatus.CLOSED and previous.stage == ProgramStage.COMPLETION
    for mentor in db.session.scalars(select(MentorParticipation)):
        running = [m for m in mentor.mentees if m.status == MenteeStatus.PAIRED]
        assert len(running) <= 2 or mentor.mentorship_form.allows_groups, mentor.person.full_name
    statuses = Counter(m.status for m in db.session.scalars(select(MenteeParticipation).where(
        MenteeParticipation.program_year_id == current.id)))
    assert statuses[MenteeStatus.PAIRED] > 20 and statuses[MenteeStatus.WAITING] >= 1
    auth.login_as(make_user(Role.CURATOR))
    assert "Всего: 29" in page_text(client.get("/bases/mentees/"))  # no accountant as a mentee (4.3)
