"""Demo papers: the partners' agreements (one in force, one ending within 30 days, one expired) before the bases
are filled, then nominations and candidates' applications, and papers in every state, one consent withdrawn.

The bases' seeder prints and signs the papers of everyone it pairs or registers (``give_papers``, left in the demo
context here: app.applications.paperwork), so the demo pairs keep the gate; the agreements are dated from today, so
the demo reads the same any day.
"""
from datetime import date, timedelta

from sqlalchemy import select

from app.applications import nominations
from app.applications.models import NominationKind
from app.applications.paperwork import complete_paperwork, scan_file
from app.applications.services import default_values, submit_application
from app.bases.models import MenteeParticipation, MenteeStatus, MentorParticipation
from app.consents.models import ConsentKind, ParticipantRole
from app.consents.services import consents_of, print_consent, withdraw_consent
from app.core.formatting import local_today
from app.documents.scans import file_signed_scan
from app.extensions import db
from app.partners import agreements

#: Before the first entries of the previous demo year.
AGREEMENTS_FROM = date(2025, 8, 25)


def seed_agreements(context):
    """Before the bases: employers' mentors are registered only under an agreement in force (2.2, 3.6)."""
    secretary = context.users["secretary"]
    context.data["clerk"] = secretary
    #: The bases' seeder pairs only people whose papers are signed: it asks for them with this.
    context.data["give_papers"] = lambda person, role, year, on: complete_paperwork(person, role, year, on, secretary)
    today = local_today()
    in_force, ending, expired = context.data["partners"]
    _agreement(in_force, secretary, AGREEMENTS_FROM, date(today.year + 1, 12, 30))
    _agreement(ending, secretary, AGREEMENTS_FROM, today + timedelta(days=20))
    _agreement(expired, secretary, AGREEMENTS_FROM, today - timedelta(days=15), requisites="ИНН 6618004455")


def _agreement(partner, user, signed_on, end_date, requisites=None):
    values = {**agreements.default_values(partner), "signed_on": min(signed_on, end_date), "end_date": end_date,
              "requisites": requisites}
    agreement = agreements.create_agreement(partner, user, **values)
    agreements.print_agreement(agreement, user)
    file_signed_scan(agreement.current_document, scan_file("соглашение подписанное.png"), user)
    return agreement


def seed(context):
    """After the bases: nominations, candidates in every state of their papers, a consent withdrawn."""
    data, users = context.data, context.users
    clerk, year = data["clerk"], data["current_year"]
    forms = data["forms"]
    today = min(local_today(), year.end_date)
    teachers = _not_taking_part(data["teachers"], year)
    administration = nominations.nominate(
        NominationKind.ADMINISTRATION, year, users["curator"], on=date(2026, 9, 2), curator=users["curator"],
        approval_deadline=date(2026, 9, 10),
        candidates=[(teachers[0], forms["teacher_teacher"]), (teachers[1], forms["teacher_teacher"])])
    seniors = _not_taking_part([student for student in data["students"] if student.study_group == "ТМ-23"], year)
    collective = nominations.nominate(
        NominationKind.COLLECTIVE, year, users["staff"], on=date(2026, 9, 4),
        nominated_by="инициативной группы преподавателей отделения машиностроения",
        presentation="Просим выдвинуть в наставники студентов группы ТМ-23, показавших высокие результаты в учёбе "
                     "и общественной жизни техникума и готовых помогать первокурсникам.",
        candidates=[(seniors[0], forms["student_student"]), (seniors[1], forms["student_student"])])
    # Nominated and applied, every paper signed: ready for the commission.
    complete_paperwork(teachers[0], ParticipantRole.CANDIDATE, year, today, clerk, form=forms["teacher_teacher"])
    complete_paperwork(seniors[0], ParticipantRole.CANDIDATE, year, today, clerk, form=forms["student_student"])
    # Applied on his own; the application is printed, not yet signed, the portfolio not handed in.
    submit_application(teachers[2], year, clerk, **{
        **default_values(teachers[2], year), "mentorship_form": forms["teacher_teacher"], "portfolio_pages": 6,
        "regulation_acknowledged": True, "personal_data_consent": True, "applied_on": today,
        "personal_data_consent_on": today})
    _waiting_mentees_papers(data, clerk, year)
    data.update(nominations=[administration, collective])


def _waiting_mentees_papers(data, clerk, year):
    """Mentees still waiting for a mentor: one with a consent printed but not signed; a paired one withdraws."""
    rows = db.session.scalars(select(MenteeParticipation).where(
        MenteeParticipation.program_year_id == year.id).order_by(MenteeParticipation.id)).all()
    waiting = [row for row in rows if row.status == MenteeStatus.WAITING]
    paired = [row for row in rows if row.status == MenteeStatus.PAIRED]
    first = waiting[0].person
    kind = ConsentKind.PERSONAL_DATA_PARENT if first.is_minor_on(waiting[0].entry_date) else ConsentKind.PERSONAL_DATA
    print_consent(kind, first, clerk, role=ParticipantRole.MENTEE, year=year,
                  representative=first.representatives[0] if first.representatives else None,
                  on=waiting[0].entry_date)
    leaving = paired[-1].person
    consent = next(c for c in consents_of([leaving.id]) if c.kind.withdrawable)
    withdraw_consent(consent, clerk, on=max(consent.given_on, local_today() - timedelta(days=3)),
                     note="Заявление об отзыве согласия на обработку персональных данных")


def _not_taking_part(people, year):
    """Those in neither base of ``year``: the demo's new candidates."""
    taken = set(db.session.scalars(select(MenteeParticipation.person_id).where(
        MenteeParticipation.program_year_id == year.id)))
    taken |= set(db.session.scalars(select(MentorParticipation.person_id).where(
        MentorParticipation.program_year_id == year.id)))
    return [person for person in people if person.id not in taken]
