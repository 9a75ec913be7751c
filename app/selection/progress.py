"""Where each candidate of a year stands on the way of stages 3 and 4 (4.12, 4.13): application submitted, papers
complete, before the commission, selected or not, in the registry by order (or appointed curator).

A year has tens of candidates, so the stage — which reads the papers' checklist — is computed in Python for the
whole year from a fixed number of queries, then filtered and paged.
"""
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.applications.checklist import candidate_checklists
from app.applications.models import ApplicationStatus, CandidateApplication
from app.core.search import search_key
from app.documents.models import DocumentStatus
from app.extensions import db
from app.people.models import Person
from app.selection.models import CommissionMeeting, MeetingCandidate
from app.selection.registry import in_registry


class Stage(StrEnum):
    PAPERS_MISSING = "papers_missing"
    READY = "ready"
    UNDER_REVIEW = "under_review"
    NOT_SELECTED = "not_selected"
    SELECTED = "selected"
    ORDERED = "ordered"
    #: In the registry of mentors by an order of its own (a nomination by the administration, 4.13).
    IN_REGISTRY = "in_registry"
    WITHDRAWN = "withdrawn"

    @property
    def label(self):
        return {Stage.PAPERS_MISSING: "заявление подано, документы не собраны",
                Stage.READY: "документы собраны, ждёт заседания",
                Stage.UNDER_REVIEW: "на рассмотрении комиссии",
                Stage.NOT_SELECTED: "не отобран",
                Stage.SELECTED: "отобран, приказ не издан",
                Stage.ORDERED: "приказ издан",
                Stage.IN_REGISTRY: "в реестре наставников по другому приказу",
                Stage.WITHDRAWN: "заявление отозвано"}[self]


@dataclass
class Progress:
    application: CandidateApplication
    checklist: object
    #: The agenda item of the meeting that has (or last had) him, if any.
    item: MeetingCandidate | None
    #: His row of the mentor base when he is in the registry of mentors.
    mentor: object = None

    @property
    def order(self):
        """The order his selection led to: the registry's, or the curator's appointment; None if none stands."""
        if self.item is None or not self.item.selected:
            return None
        order = self.item.appointment_order if self.application.for_curator else self.item.meeting.registry_order
        return order if order is not None and order.status != DocumentStatus.CANCELLED else None

    @property
    def stage(self):
        status = self.application.status
        if status == ApplicationStatus.WITHDRAWN:
            return Stage.WITHDRAWN
        if status == ApplicationStatus.SUBMITTED and self.mentor is not None:
            return Stage.IN_REGISTRY
        if status == ApplicationStatus.SUBMITTED:
            return Stage.READY if self.checklist.complete else Stage.PAPERS_MISSING
        if status == ApplicationStatus.UNDER_REVIEW:
            return Stage.UNDER_REVIEW
        if status == ApplicationStatus.NOT_SELECTED:
            return Stage.NOT_SELECTED
        return Stage.ORDERED if self.order is not None else Stage.SELECTED


@dataclass
class ProgressFilters:
    stage: str = ""
    form_id: int | None = None
    #: "mentor", "curator" or "" for both.
    candidacy: str = ""
    search: str = ""

    @classmethod
    def from_args(cls, args):
        form, stage, candidacy = args.get("form", ""), args.get("stage", ""), args.get("candidacy", "")
        return cls(stage=stage if stage in {s.value for s in Stage} else "",
                   form_id=int(form) if form.isdigit() else None,
                   candidacy=candidacy if candidacy in ("mentor", "curator") else "",
                   search=args.get("q", "").strip()[:100])

    def admits(self, row):
        application = row.application
        return ((not self.stage or row.stage == self.stage)
                and (self.form_id is None or application.mentorship_form_id == self.form_id)
                and (not self.candidacy or application.for_curator == (self.candidacy == "curator"))
                and (not self.search or search_key(self.search) in application.person.search_name))


def year_progress(year, filters=None):
    """Every candidate of ``year`` with his stage, by name; ``filters`` narrow it."""
    applications = db.session.scalars(
        select(CandidateApplication).join(CandidateApplication.person)
        .where(CandidateApplication.program_year_id == year.id)
        .options(selectinload(CandidateApplication.linked_documents), selectinload(CandidateApplication.linked_scans))
        .order_by(Person.search_name, CandidateApplication.id)).all()
    checklists = candidate_checklists(applications)
    items = _latest_items([application.id for application in applications])
    mentors = in_registry(year.id, {application.person_id for application in applications})
    rows = [Progress(application, checklists[application.id], items.get(application.id),
                     mentors.get(application.person_id)) for application in applications]
    return [row for row in rows if filters is None or filters.admits(row)]


def _latest_items(application_ids):
    """{application id: the agenda item of the latest meeting that has it}."""
    if not application_ids:
        return {}
    found = db.session.scalars(
        select(MeetingCandidate).where(MeetingCandidate.application_id.in_(application_ids))
        .options(selectinload(MeetingCandidate.meeting).selectinload(CommissionMeeting.registry_order),
                 selectinload(MeetingCandidate.meeting).selectinload(CommissionMeeting.protocol_document),
                 selectinload(MeetingCandidate.appointment_order))
        .order_by(MeetingCandidate.id))
    return {item.application_id: item for item in found}


def may_follow(user, year):
    """The progress of a year's selection: those who run and follow it, and the members of its commission."""
    from app.core.roles import Role
    from app.selection.commission import compositions

    if user.has_any_role(Role.SECRETARY, Role.DIRECTOR, Role.CURATOR):
        return True
    return year is not None and any(c.member_for(user) is not None for c in compositions(year))
