"""Every page of the intranet, built from the URL map: which GET routes are pages, how each URL parameter is filled
from the database, and as whom a page is looked at.

A new GET route either resolves here (its parameters have resolvers) or is named in NOT_PAGES; otherwise the
accessibility test fails on it, as the role matrix fails on a route without an entry.
"""
from dataclasses import dataclass

from sqlalchemy import select

from app.core.roles import Role
from app.extensions import db
from tests.access.rules import PUBLIC
from tests.access.test_role_matrix import IGNORED_ENDPOINTS, RULES

#: GET routes that answer something other than a page, and why.
NOT_PAGES = {
    "main.healthz": "JSON",
    "documents.archive_status": "JSON polled by the archive's page",
    "applications.file_download": "file",
    "applications.presentation_download": "file",
    "documents.archive_download": "file",
    "documents.download_docx": "file",
    "documents.download_pdf": "file",
    "documents.download_scan": "file",
    "documents.register_pdf": "file",
    "documents.template_download": "file",
    "documents.template_preview": "file",
    "excel.export": "file",
    "excel.import_template": "file",
    "selection.candidate_paper_download": "file",
    "selection.commission_order": "file",
    "selection.meeting_paper": "file",
    "questionnaires.invitation_qr": "file (SVG)",
    "questionnaires.questionnaire_results_xlsx": "file",
}

#: Who looks at a page when several roles may: the first of these the route lets in (DESIGN.md: who uses it).
ROLE_PREFERENCE = [Role.CURATOR, Role.SECRETARY, Role.STAFF, Role.DIRECTOR, Role.COMMISSION, Role.ADMIN, Role.MENTOR]
#: Pages whose main user is not the first in ROLE_PREFERENCE.
ROLE_OF = {
    "documents.register": Role.SECRETARY,
    "documents.document": Role.SECRETARY,
    "documents.choose_kind": Role.SECRETARY,
    "documents.issue": Role.SECRETARY,
    "documents.archive": Role.SECRETARY,
    "selection.commission_view": Role.SECRETARY,
    "selection.meeting_view": Role.SECRETARY,
}


def _first(model, *where, order=None):
    query = select(model.id).where(*where).order_by(order if order is not None else model.id).limit(1)
    found = db.session.scalar(query)
    assert found is not None, f"the world has no {model.__name__} {where or ''}: seed one"
    return found


def _user_id():
    from app.accounts.models import User
    return {"user_id": _first(User, User.email == "staff@kmt.example")}


def _representative():
    from app.people.models import LegalRepresentative
    rep = db.session.get(LegalRepresentative, _first(LegalRepresentative))
    return {"person_id": rep.person_id, "representative_id": rep.id}


def _person():
    from app.people.models import LegalRepresentative, Person
    # A minor with a parent: the richest card (representatives, papers).
    return {"person_id": _first(Person, Person.id.in_(select(LegalRepresentative.person_id)))}


def _mentee():
    from app.bases.models import MenteeParticipation, MenteeStatus
    return {"mentee_id": _first(MenteeParticipation, MenteeParticipation.status == MenteeStatus.PAIRED)}


def _mentor():
    from app.bases.models import MentorParticipation, MentorStatus
    return {"mentor_id": _first(MentorParticipation, MentorParticipation.status == MentorStatus.REGISTERED)}


def _candidate():
    """The open meeting's candidate: the reviewer's form is on his page."""
    from app.selection.models import CommissionMeeting, MeetingCandidate
    item = db.session.get(MeetingCandidate, _first(MeetingCandidate, MeetingCandidate.meeting.has(
        CommissionMeeting.closed_at.is_(None))))
    return {"meeting_id": item.meeting_id, "item_id": item.id}


def _meeting():
    """The open meeting: its page has the attendance and the agenda to keep."""
    from app.selection.models import CommissionMeeting
    return {"meeting_id": _first(CommissionMeeting, CommissionMeeting.closed_at.is_(None))}


def _registry_meeting():
    from app.selection.models import CommissionMeeting
    from app.selection.registry import registry_pending
    meetings = db.session.scalars(select(CommissionMeeting).order_by(CommissionMeeting.id))
    return {"meeting_id": next(m.id for m in meetings if registry_pending(m))}


def _ready_nomination():
    from app.applications.models import Nomination
    from app.selection.registry import nomination_ready
    nominations = db.session.scalars(select(Nomination).order_by(Nomination.id))
    return {"nomination_id": next(n.id for n in nominations if nomination_ready(n) is None)}


def _editable_application():
    from app.applications.models import CandidateApplication
    applications = db.session.scalars(select(CandidateApplication).order_by(CandidateApplication.id))
    return {"application_id": next(a.id for a in applications if a.editable)}


def _waiting_mentee():
    from app.bases.models import MenteeParticipation, MenteeStatus
    return {"mentee_id": _first(MenteeParticipation, MenteeParticipation.status == MenteeStatus.WAITING)}


def _questionnaire():
    """A questionnaire with answers (the results show charts) and its first question."""
    from app.questionnaires.models import Dispatch, Invitation, Questionnaire, Response
    found = _first(Questionnaire, Questionnaire.id.in_(
        select(Dispatch.questionnaire_id).join(Invitation).join(Response)))
    questionnaire = db.session.get(Questionnaire, found)
    return {"questionnaire_id": found, "question_id": questionnaire.current_version.questions[0].id}


def _open_invitation():
    """A link still to answer: its paper-entry page and the participant's own page."""
    from app.questionnaires import links
    from app.questionnaires.models import Invitation, Response
    invitation = db.session.get(Invitation, _first(Invitation, Invitation.id.not_in(select(Response.invitation_id))))
    return {"invitation_id": invitation.id, "dispatch_id": invitation.dispatch_id,
            "token": links.token_of(invitation)}


def _active_pair():
    from app.pairs.models import Pairing, PairingKind, PairingState
    return {"pairing_id": _first(Pairing, Pairing.kind == PairingKind.PAIR, Pairing.state == PairingState.ACTIVE)}


def _plan_item():
    """An item of an active pair's plan (the demo gives every pair of the year a plan), with its pairing."""
    from app.pairs.plan_models import IndividualPlan, PlanItem
    pairing_id = _active_pair()["pairing_id"]
    return {"pairing_id": pairing_id, "plan_item_id": _first(PlanItem, PlanItem.plan.has(
        IndividualPlan.pairing_id == pairing_id))}


def _group():
    from app.pairs.models import Pairing, PairingKind
    return {"pairing_id": _first(Pairing, Pairing.kind == PairingKind.GROUP)}


def _group_member():
    """A group's order on one of its mentees (4.7, 4.8): the same pages with ``?member=``."""
    from app.pairs.models import Pairing, PairingKind, PairingMember
    member_id = _first(PairingMember, PairingMember.left_on.is_(None), PairingMember.pairing_id.in_(
        select(Pairing.id).where(Pairing.kind == PairingKind.GROUP)))
    return {"pairing_id": db.session.get(PairingMember, member_id).pairing_id, "member": member_id}


def _simple(model_path, argument):
    def resolve():
        module, name = model_path.rsplit(".", 1)
        model = getattr(__import__(module, fromlist=[name]), name)
        return {argument: _first(model)}
    return resolve


#: One resolver per URL parameter; it may also fix parameters that depend on it (a representative's person).
#: Ordered: the resolvers that fix several parameters come first.
RESOLVERS = {
    "representative_id": _representative,
    "plan_item_id": _plan_item,
    "pairing_id": _active_pair,
    "item_id": _candidate,
    "person_id": _person,
    "user_id": _user_id,
    "mentee_id": _mentee,
    "mentor_id": _mentor,
    "meeting_id": _meeting,
    "application_id": _simple("app.applications.models.CandidateApplication", "application_id"),
    "nomination_id": _simple("app.applications.models.Nomination", "nomination_id"),
    "consent_id": _simple("app.consents.models.Consent", "consent_id"),
    "job_id": _simple("app.documents.models.ArchiveJob", "job_id"),
    "document_id": _simple("app.documents.models.Document", "document_id"),
    "batch_id": _simple("app.excel.models.ImportBatch", "batch_id"),
    "agreement_id": _simple("app.partners.models.Agreement", "agreement_id"),
    "partner_id": _simple("app.partners.models.PartnerOrganisation", "partner_id"),
    "form_id": _simple("app.programs.models.MentorshipForm", "form_id"),
    "year_id": _simple("app.programs.models.ProgramYear", "year_id"),
    "criterion_id": _simple("app.selection.models.SelectionCriterion", "criterion_id"),
    "commission_id": _simple("app.selection.models.Commission", "commission_id"),
    "kind_code": lambda: {"kind_code": "order_appoint_curator"},
    "pair_meeting_id": _simple("app.pairs.plan_models.Meeting", "pair_meeting_id"),
    "questionnaire_id": _questionnaire,
    "question_id": _questionnaire,
    "invitation_id": _open_invitation,
    "dispatch_id": _open_invitation,
    "token": _open_invitation,
}


#: Pages that show only in a given state of their record: their own resolvers, tried before RESOLVERS.
STATE_RESOLVERS = {
    "applications.application_edit": _editable_application,
    "bases.mentee_link": _waiting_mentee,
    "pairs.pairing_extend": _active_pair,
    "pairs.pairing_end_early": _active_pair,
    "pairs.pairing_replace": _active_pair,
    "selection.meeting_registry": _registry_meeting,
    "selection.nomination_registry": _ready_nomination,
}

#: Pages that need a query string.
QUERY = {
    "consents.consent_new": lambda: {"person_id": _person()["person_id"], "kind": "personal_data", "role": "mentee"},
}


def _variants():
    """Pages a query string turns into another page (a picker and the form it leads to, another kind)."""
    from app.people.categories import PersonCategory
    from app.people.models import Person
    from app.programs.models import ProgramYear
    from app.selection.models import CommissionMeeting

    adult = _first(Person, Person.category == PersonCategory.TEACHER)
    student = _person()["person_id"]
    year = _first(ProgramYear, order=ProgramYear.start_date.desc())
    return [
        ("bases.mentee_new", {"person_id": student}),
        ("bases.mentor_new", {"person_id": adult}),
        ("applications.application_new", {"person_id": adult}),
        ("bases.mentee_view", _waiting_mentee()),
        ("selection.meeting_view", {"meeting_id": _first(CommissionMeeting, CommissionMeeting.closed_at.isnot(None))}),
        ("selection.commission_new", {"year": year}),
        ("documents.issue", {"kind_code": "order_approve_mentor_registry"}),
        ("documents.issue", {"kind_code": "mentee_base"}),
        ("bases.mentee_list", {"q": "а"}),
        ("pairs.pairing_new", {"kind": "group"}),
        ("pairs.pairing_view", _group()),
        ("pairs.pairing_extend", _group_member()),
    ]


@dataclass(frozen=True)
class Page:
    endpoint: str
    url: str
    role: Role | None  # None: looked at before signing in

    @property
    def name(self):
        return f"{self.url} ({self.role or 'anonymous'})"


def page_endpoints(app):
    """The GET routes that are pages."""
    endpoints = set()
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and rule.endpoint not in IGNORED_ENDPOINTS | NOT_PAGES.keys():
            endpoints.add(rule.endpoint)
    return endpoints


def role_for(endpoint):
    access = RULES[endpoint]
    if access.roles == PUBLIC:
        return None
    if endpoint in ROLE_OF:
        return ROLE_OF[endpoint]
    return next(role for role in ROLE_PREFERENCE if role in access.roles)


def all_pages(app):
    """Every page with a URL built from the world in the database; AssertionError names what cannot be built."""
    from flask import url_for

    rules = {}
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods:
            rules.setdefault(rule.endpoint, rule)
    missing = sorted({argument for endpoint in page_endpoints(app) for argument in rules[endpoint].arguments
                      if argument not in RESOLVERS})
    assert not missing, f"URL parameters without a resolver in tests/e2e/page_map.py: {missing}"
    resolved = {}
    pages = []
    with app.test_request_context():
        for endpoint in sorted(page_endpoints(app)):
            values = dict(STATE_RESOLVERS[endpoint]()) if endpoint in STATE_RESOLVERS else {}
            values.update(QUERY[endpoint]() if endpoint in QUERY else {})
            for argument in RESOLVERS:
                if argument in rules[endpoint].arguments and argument not in values:
                    if argument not in resolved:
                        resolved[argument] = RESOLVERS[argument]()
                    values.update({k: v for k, v in resolved[argument].items() if k in rules[endpoint].arguments})
            pages.append(Page(endpoint, url_for(endpoint, **values), role_for(endpoint)))
        for endpoint, values in _variants():
            pages.append(Page(endpoint, url_for(endpoint, **values), role_for(endpoint)))
    return pages
