"""Where each candidate of a year stands on the way of stages 3 and 4 (4.12, 4.13): application submitted, papers
complete, before the commission, selected or not, in the registry by order (or appointed curator).

The list is filtered and paged in SQL, and only the page's rows read their papers' checklist, agenda item and
registry row (a fixed number of queries). Only when the filter is a stage the status alone does not decide (papers
complete or not, in the registry, an order issued) are the candidates of that status judged in Python, then paged.
"""
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.applications.checklist import candidate_checklists
from app.applications.models import ApplicationStatus, CandidateApplication
from app.core.pagination import ListPage
from app.core.search import contains_pattern, search_key
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


#: The status each stage comes from; the stages sharing a status are told apart in Python (``Progress.stage``).
STAGE_STATUS = {Stage.PAPERS_MISSING: ApplicationStatus.SUBMITTED, Stage.READY: ApplicationStatus.SUBMITTED,
                Stage.IN_REGISTRY: ApplicationStatus.SUBMITTED, Stage.UNDER_REVIEW: ApplicationStatus.UNDER_REVIEW,
                Stage.NOT_SELECTED: ApplicationStatus.NOT_SELECTED, Stage.SELECTED: ApplicationStatus.SELECTED,
                Stage.ORDERED: ApplicationStatus.SELECTED, Stage.WITHDRAWN: ApplicationStatus.WITHDRAWN}
#: Stages the status alone decides: filtered and paged in SQL.
STATUS_ALONE = {stage for stage, status in STAGE_STATUS.items() if list(STAGE_STATUS.values()).count(status) == 1}


def _applications_query(year, filters):
    """The year's applications by name, narrowed in SQL by everything but the stage's own judgement."""
    query = (select(CandidateApplication).join(CandidateApplication.person)
             .where(CandidateApplication.program_year_id == year.id)
             .options(*CandidateApplication.papers_loaded())
             .order_by(Person.search_name, CandidateApplication.id))
    if filters is None:
        return query
    if filters.stage:
        query = query.where(CandidateApplication.status == STAGE_STATUS[Stage(filters.stage)])
    if filters.form_id is not None:
        query = query.where(CandidateApplication.mentorship_form_id == filters.form_id)
    if filters.candidacy:
        query = query.where(CandidateApplication.for_curator.is_(filters.candidacy == "curator"))
    if filters.search:
        query = query.where(Person.search_name.like(contains_pattern(filters.search), escape="\\"))
    return query


def progress_page(year, filters, page, per_page):
    """One page of ``year_progress``: paged in SQL unless the stage filter needs the rows judged first."""
    page = max(page, 1)
    query = _applications_query(year, filters)
    if filters.stage and Stage(filters.stage) not in STATUS_ALONE:
        return ListPage.of(year_progress(year, filters), page, per_page)
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    applications = db.session.scalars(query.limit(per_page).offset((page - 1) * per_page)).all()
    return ListPage(_progress_rows(applications), page, per_page, total)



def year_progress(year, filters=None):
    """Every candidate of ``year`` (narrowed by ``filters``) with his stage, by name."""
    rows = _progress_rows(db.session.scalars(_applications_query(year, filters)).all())
    return [row for row in rows if filters is None or filters.admits(row)]


def _progress_rows(applications):
    """The rows of these applications (of one year), from a fixed number of queries."""
    applications = list(applications)
    if not applications:
        return []
    year = applications[0].program_year
    checklists = candidate_checklists(applications)
    items = _latest_items([application.id for application in applications])
    mentors = in_registry(year.id, {application.person_id for application in applications})
    return [Progress(application, checklists[application.id], items.get(application.id),
                     mentors.get(application.person_id)) for application in applications]


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
