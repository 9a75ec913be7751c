"""The checklist of a participant's papers: each paper he needs, and where it stands — missing, printed but not
signed, signed (or withdrawn, or for an agreement expired).

``PaperData`` loads what the checklists of many people read in a fixed number of queries, so the person's
page and the program-wide list of gaps read the same records the same way; ``evaluate`` decides each item.
"""
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.applications.attachments import files_of
from app.applications.models import ApplicationStatus, CandidateApplication, FileKind
from app.applications.requirements import RequirementCode, requirements_for
from app.bases.models import MenteeParticipation, MenteeStatus, MentorParticipation, MentorStatus
from app.consents.models import ParticipantRole
from app.consents.services import consents_of, current_consent
from app.core.formatting import local_today, ru_date
from app.documents.links import PaperState
from app.extensions import db
from app.partners.models import Agreement, AgreementStatus
from app.people.models import Person

#: Participations whose papers still matter: the gaps list leaves out those who finished or left.
ACTIVE_MENTEE = (MenteeStatus.WAITING, MenteeStatus.PAIRED)
ACTIVE_MENTOR = (MentorStatus.POTENTIAL, MentorStatus.REGISTERED)
ACTIVE_APPLICATION = (ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.SELECTED)
#: Papers handed in as files (not printed here): «загружен» rather than «подписан».
FILE_REQUIREMENTS = (RequirementCode.PORTFOLIO, RequirementCode.PARTNER_PAPER)


@dataclass
class ChecklistItem:
    requirement: object
    state: PaperState
    #: The record behind it: a Consent, a CandidateApplication, an Agreement, or the file's versions (a list).
    record: object = None
    note: str = ""

    @property
    def done(self):
        return self.state == PaperState.SIGNED

    @property
    def state_label(self):
        """A file handed in is not signed here: it is «загружен»."""
        if self.requirement.code in FILE_REQUIREMENTS and self.state == PaperState.SIGNED:
            return "загружен"
        return self.state.label

    def describe(self):
        """«Согласие …» — нет (п. 4.11 Положения): the gate's words for a gap."""
        state = {PaperState.MISSING: "нет", PaperState.PRINTED: "распечатано, но скан подписанного не загружен",
                 PaperState.WITHDRAWN: "отозвано", PaperState.EXPIRED: "не действует"}[self.state]
        note = f", {self.note}" if self.note else ""
        return f"«{self.requirement.title}» — {state}{note} ({self.requirement.reference})"


@dataclass
class Checklist:
    person: Person
    role: ParticipantRole
    year: object
    #: The date the papers are judged on: the entry date of his row, or the application's date.
    on_date: date
    #: The mentee row, the mentor row or the candidate's application the list is for.
    participation: object
    items: list = field(default_factory=list)

    @property
    def gaps(self):
        return [item for item in self.items if not item.done]

    @property
    def complete(self):
        return not self.gaps


@dataclass
class PaperData:
    """Everything the checklists of ``people`` in ``year`` read."""

    year: object
    consents: list
    applications: dict
    files: dict
    agreements: dict

    @classmethod
    def load(cls, people, year):
        ids = [person.id for person in people]
        applications = {}
        if ids:
            for application in db.session.scalars(
                    select(CandidateApplication).where(CandidateApplication.person_id.in_(ids),
                                                       CandidateApplication.program_year_id == year.id)
                    .options(*CandidateApplication.papers_loaded())):
                applications[application.person_id] = application
        partner_ids = {person.organisation_id for person in people if person.organisation_id}
        agreements = {}
        if partner_ids:
            for agreement in db.session.scalars(
                    select(Agreement).where(Agreement.partner_id.in_(partner_ids))
                    .options(*Agreement.papers_loaded())
                    .order_by(Agreement.signed_on, Agreement.id)):
                agreements.setdefault(agreement.partner_id, []).append(agreement)
        return cls(year=year, consents=consents_of(ids), applications=applications, files=files_of(ids, year),
                   agreements=agreements)


def evaluate(person, role, on_date, data, today=None):
    """The checklist items of ``person`` as ``role`` on ``on_date``; an agreement must be in force on the later
    of that date and today (an expired agreement blocks new pairs)."""
    today = today or local_today()
    return [_item(requirement, person, role, on_date, data, today)
            for requirement in requirements_for(person, role, on_date)]


def _item(requirement, person, role, on_date, data, today):
    code = requirement.code
    if requirement.consent_kind is not None:
        consent = current_consent(data.consents, person, requirement.consent_kind, year=data.year, role=role)
        if consent is None:
            return ChecklistItem(requirement, PaperState.MISSING)
        note = f"с {ru_date(consent.withdrawn_on)}" if consent.withdrawn_on else f"от {ru_date(consent.given_on)}"
        return ChecklistItem(requirement, consent.state, consent, note)
    if code == RequirementCode.CANDIDATE_APPLICATION:
        application = data.applications.get(person.id)
        if application is None:
            return ChecklistItem(requirement, PaperState.MISSING)
        return ChecklistItem(requirement, application.printed_state, application,
                             f"от {ru_date(application.applied_on)}")
    if code in FILE_REQUIREMENTS:
        kind = FileKind.PORTFOLIO if code == RequirementCode.PORTFOLIO else FileKind.PARTNER_PAPER
        title = requirement.paper_title or "Портфолио"
        versions = data.files.get((person.id, kind, title), [])
        return ChecklistItem(requirement, PaperState.SIGNED if versions else PaperState.MISSING, versions)
    return _agreement_item(requirement, person, max(on_date, today), data, today)


def _agreement_item(requirement, person, day, data, today):
    """Agreement 2.2 and 3.6: the employee's organisation has an agreement signed and in force on ``day``."""
    agreements = data.agreements.get(person.organisation_id, [])
    in_force = [agreement for agreement in agreements if agreement.in_force_on(day)]
    if in_force:
        agreement = in_force[-1]
        return ChecklistItem(requirement, PaperState.SIGNED, agreement, f"до {ru_date(agreement.end_date)}")
    if not agreements:
        return ChecklistItem(requirement, PaperState.MISSING, None, _organisation(person))
    latest = agreements[-1]
    status = latest.status_on(today)
    state = {AgreementStatus.DRAFT: PaperState.MISSING, AgreementStatus.PRINTED: PaperState.PRINTED,
             AgreementStatus.SIGNED: PaperState.EXPIRED, AgreementStatus.EXPIRED: PaperState.EXPIRED,
             AgreementStatus.TERMINATED: PaperState.EXPIRED}[status]
    if status == AgreementStatus.SIGNED:  # signed, but it does not cover the day
        note = f"действует с {ru_date(latest.signed_on)} по {ru_date(latest.end_date)}, не на {ru_date(day)}"
    elif status == AgreementStatus.TERMINATED:
        note = f"расторгнуто {ru_date(latest.terminated_on)}"
    elif status == AgreementStatus.EXPIRED:
        note = f"действовало до {ru_date(latest.end_date)}"
    else:
        note = status.label
    return ChecklistItem(requirement, state, latest, f"{_organisation(person)}: {note}")


def _organisation(person):
    return person.organisation.short_name if person.organisation is not None else "организация не указана"


# --- whose checklists ----------------------------------------------------------------------------------------

def participations_in(year, people=None, active_only=False):
    """(person, role, on_date, participation) of everyone taking part in ``year`` (or of ``people``)."""
    ids = [person.id for person in people] if people is not None else None
    rows = []
    mentors = _rows(MentorParticipation, year, ids, ACTIVE_MENTOR if active_only else None)
    mentor_people = {row.person_id for row in mentors}
    for row in _rows(MenteeParticipation, year, ids, ACTIVE_MENTEE if active_only else None):
        rows.append((row.person, ParticipantRole.MENTEE, row.entry_date, row))
    for row in mentors:
        rows.append((row.person, ParticipantRole.MENTOR, row.entry_date, row))
    for row in _rows(CandidateApplication, year, ids, ACTIVE_APPLICATION if active_only else None):
        if row.person_id not in mentor_people:  # once in the mentor base, his papers are the mentor's
            rows.append((row.person, ParticipantRole.CANDIDATE, row.applied_on, row))
    return rows


def _rows(model, year, ids, statuses):
    query = select(model).where(model.program_year_id == year.id)
    if ids is not None:
        query = query.where(model.person_id.in_(ids))
    if statuses is not None:
        query = query.where(model.status.in_(statuses))
    return list(db.session.scalars(query.options(selectinload(model.person).selectinload(Person.representatives))))


def checklists(year, people=None, active_only=False, today=None):
    """The checklists of everyone in ``year`` (or of ``people``), from one load of their papers."""
    rows = participations_in(year, people, active_only)
    data = PaperData.load({person.id: person for person, *_ in rows}.values(), year)
    return [Checklist(person, role, year, on_date, participation, evaluate(person, role, on_date, data, today))
            for person, role, on_date, participation in rows]


def checklist_for(person, year, role=None):
    """The person's checklists in ``year``: one per part he takes (mentee, mentor, or candidate)."""
    found = checklists(year, [person])
    return [checklist for checklist in found if role is None or checklist.role == ParticipantRole(role)]


def candidate_checklists(applications, today=None):
    """{application id: the candidate's checklist} for applications of one year, from one load of their papers.

    The commission judges a candidate as a candidate even when he is already in the mentor base.
    """
    applications = list(applications)
    if not applications:
        return {}
    year = applications[0].program_year
    data = PaperData.load({a.person_id: a.person for a in applications}.values(), year)
    return {a.id: Checklist(a.person, ParticipantRole.CANDIDATE, year, a.applied_on, a,
                            evaluate(a.person, ParticipantRole.CANDIDATE, a.applied_on, data, today))
            for a in applications}


def documents_complete(application):
    """For the selection commission: has the candidate every paper signed?"""
    return candidate_checklists([application])[application.id].complete
