"""Participants' papers: the program-wide list of gaps, filing a signed scan against any paper, the files
(portfolio, papers of agreement 2.2) and their guarded download."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.applications import attachments, bp
from app.applications.checklist import checklists
from app.applications.models import FileKind, ParticipantFile
from app.applications.requirements import RequirementCode
from app.consents.models import ParticipantRole
from app.core.actions import perform
from app.core.downloads import send_stored
from app.core.pagination import ListPage
from app.core.permissions import get_for_user_or_403, get_or_404, role_required
from app.core.security import safe_next_url
from app.documents.links import LINKED_MODELS, PaperState
from app.documents.prefill import Subject
from app.documents.scans import file_signed_scan
from app.extensions import db
from app.people.access import FILE_ROLES, READ_ROLES
from app.people.models import Person
from app.programs.models import ProgramYear
from app.programs.services import all_forms, current_year, years_newest_first
from forms.papers import UploadForm

GAPS_PER_PAGE = 50
#: Where each kind of linked record is shown: the page a filed scan returns to.
RECORD_PAGES = {"consent": ("consents.consent_view", "consent_id"),
                "candidate_application": ("applications.application_view", "application_id"),
                "nomination": ("applications.nomination_view", "nomination_id"),
                "agreement": ("partners.agreement_view", "agreement_id")}


@bp.route("/papers/")
@role_required(*READ_ROLES)
def gaps():
    """Every paper still missing, unsigned, withdrawn or expired, for the secretary and the curator."""
    years = years_newest_first()
    year = next((y for y in years if str(y.id) == request.args.get("year")), None) or current_year()
    filters = {key: request.args.get(key, "") for key in ("role", "form", "paper", "state")}
    rows = []
    if year is not None:
        for checklist in checklists(year, active_only=True):
            form = getattr(checklist.participation, "mentorship_form", None)
            if filters["role"] and checklist.role != filters["role"]:
                continue
            if filters["form"] and str(getattr(form, "id", "")) != filters["form"]:
                continue
            for item in checklist.gaps:
                if filters["paper"] and item.requirement.code != filters["paper"]:
                    continue
                if filters["state"] and item.state != filters["state"]:
                    continue
                rows.append((checklist, item))
    rows.sort(key=lambda row: (row[0].person.search_name, row[0].role, row[1].requirement.title))
    return render_template(
        "applications/gaps.html", page=ListPage.of(rows, request.args.get("page", 1, type=int), GAPS_PER_PAGE),
        year=year, filters=filters, year_options=[(y.id, y.title) for y in years],
        role_options=[(role.value, role.label) for role in ParticipantRole],
        form_options=[(form.id, form.name) for form in all_forms()],
        paper_options=[(code.value, code.label) for code in RequirementCode],
        state_options=[(state.value, state.label) for state in PaperState if state != PaperState.SIGNED])


@bp.route("/papers/<subject_type>/<int:record_id>/scan", methods=["POST"])
@role_required(*FILE_ROLES)
def paper_scan(subject_type, record_id):
    """A signed scan of the paper ``record`` was printed as, filed for its participant."""
    model = LINKED_MODELS.get(subject_type) or abort(404)
    record = get_for_user_or_403(model, record_id, current_user, "file")
    form = UploadForm()
    back = safe_next_url(form.next.data) or _record_page(subject_type, record_id, record)
    if not form.validate_on_submit():
        flash("Форма устарела: обновите страницу и загрузите файл снова.", "danger")
        return redirect(back)
    document = record.current_document
    if document is None:
        flash("Документ ещё не распечатан (или отменён): сначала распечатайте его.", "danger")
        return redirect(back)
    person = record.paper_person
    subject = Subject("person", person.id, "participant", person.short_name) if person is not None else None
    perform(lambda: file_signed_scan(document, request.files.get("file"), current_user, subject=subject),
            lambda scan: f"Скан «{scan.original_name}» загружен (версия {scan.version_no}): документ подписан.",
            once=form)
    return redirect(back)


@bp.route("/files/new", methods=["POST"])
@role_required(*FILE_ROLES)
def file_upload():
    """A portfolio or a paper of agreement 2.2 for a participant and year."""
    person = get_for_user_or_403(Person, request.args.get("person_id", type=int) or abort(404), current_user, "file")
    year = get_or_404(ProgramYear, request.args.get("year_id", type=int) or abort(404))
    try:
        kind = FileKind(request.args.get("kind", ""))
    except ValueError:
        abort(404)
    form = UploadForm()
    back = safe_next_url(form.next.data) or url_for("people.person_view", person_id=person.id)
    if form.validate_on_submit():
        perform(lambda: attachments.add_file(person, year, kind, request.args.get("title", ""),
                                             request.files.get("file"), current_user,
                                             paper_date=form.paper_date.data),
                lambda row: f"«{row.title}» загружен (версия {row.version_no}, файл «{row.original_name}»).", once=form)
    else:
        flash("Проверьте дату документа и загрузите файл снова.", "danger")
    return redirect(back)


@bp.route("/files/<int:file_id>")
@role_required(*READ_ROLES)
def file_download(file_id):
    row = get_for_user_or_403(ParticipantFile, file_id, current_user)
    attachments.record_file_download(row, current_user)
    db.session.commit()
    return send_stored(row)


def _record_page(subject_type, record_id, record=None):
    """The record's page; a record of a higher domain (an individual plan) names its own (``page_url``)."""
    if subject_type not in RECORD_PAGES:
        return getattr(record, "page_url", None) or url_for("main.index")
    endpoint, argument = RECORD_PAGES[subject_type]
    return url_for(endpoint, **{argument: record_id})
