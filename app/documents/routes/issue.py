"""Issuing: choose a kind, fill its form (prefilled from records when a provider offers them), issue or
save a draft; correct a document, issue a draft, cancel."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.core.actions import perform
from app.core.permissions import get_for_user_or_403, role_required
from app.documents import bp
from app.documents import services as documents
from app.documents.context import form_values as stored_values
from app.documents.kinds import get_kind, kinds_by_group
from app.documents.locks import lock_reason
from app.documents.models import DRAFTERS, ISSUERS, Document
from app.documents.prefill import providers_for, run_prefill
from app.documents.registers import REGISTERS
from app.documents.schema_view import FIELD_TYPES
from forms.base import ConfirmForm
from forms.documents import (
    CASE_FIELDS,
    SPARE_ROWS,
    CancelForm,
    form_data,
    form_values,
    issue_form_class,
    table_rows,
)


@bp.route("/new")
@role_required(*DRAFTERS)
def choose_kind():
    return render_template("documents/choose_kind.html", groups=kinds_by_group())


@bp.route("/new/<kind_code>", methods=["GET", "POST"])
@role_required(*DRAFTERS)
def issue(kind_code):
    kind = get_kind(kind_code) or abort(404)
    user = current_user._get_current_object()
    provider_code, record_ids, values = "", [], None
    if request.method == "GET" and request.args.get("provider"):
        provider_code, record_ids = request.args["provider"], request.args.getlist("record")
        prefill = perform(lambda: run_prefill(kind.code, provider_code, record_ids))
        if prefill is None:
            provider_code, record_ids = "", []
        else:
            values = prefill.values
    form_class = issue_form_class(kind, rows=table_rows(kind, values))
    if request.method == "GET":
        form = form_class(data={**form_data(kind, values), "prefill_provider": provider_code,
                                "prefill_records": ",".join(record_ids)})
    else:
        form = form_class()
    if request.method == "POST" and form.add_rows.data:
        _add_spare_rows(kind, form)
    elif form.validate_on_submit():
        draft = bool(form.draft.data)
        if not draft and not user.has_any_role(*ISSUERS):
            abort(403)
        document = perform(
            lambda: documents.issue_document(kind.code, form_values(kind, form), user,
                                             subjects=_chosen_subjects(kind, form), draft=draft),
            lambda document: f"{'Проект сохранён' if draft else 'Документ выпущен'}: {document.label}.", form)
        if document:
            return redirect(url_for("documents.document", document_id=document.id))
    return _form_page(kind, form, providers=providers_for(kind.code),
                      provider_code=provider_code or form.prefill_provider.data,
                      record_ids=record_ids or [r for r in (form.prefill_records.data or "").split(",") if r],
                      can_issue=user.has_any_role(*ISSUERS))


@bp.route("/<int:document_id>/correct", methods=["GET", "POST"])
@role_required(*DRAFTERS)
def correct(document_id):
    document = get_for_user_or_403(Document, document_id, current_user, "draft")
    kind = document.kind_spec or abort(404)
    lock = lock_reason(document)
    if lock:
        flash(lock[1], "warning")
        return redirect(url_for("documents.document", document_id=document.id))
    values = stored_values(kind, document.current_version.context)
    form_class = issue_form_class(kind, rows=table_rows(kind, values), correction=True)
    form = form_class(data=form_data(kind, values)) if request.method == "GET" else form_class()
    if request.method == "POST" and form.add_rows.data:
        _add_spare_rows(kind, form)
    elif form.validate_on_submit():
        version = perform(
            lambda: documents.correct_document(document, form_values(kind, form), current_user._get_current_object(),
                                               form.reason.data),
            lambda version: f"Сохранена версия {version.version_no}: {document.label}.", form)
        if version:
            return redirect(url_for("documents.document", document_id=document.id))
    return _form_page(kind, form, document=document)


@bp.route("/<int:document_id>/issue", methods=["POST"])
@role_required(*ISSUERS)
def issue_draft(document_id):
    document = get_for_user_or_403(Document, document_id, current_user, "issue")
    form = ConfirmForm()
    if form.validate_on_submit():
        perform(lambda: documents.issue_draft(document, current_user._get_current_object()),
                lambda _: f"Документ выпущен: {document.label}.", once=form)
    return redirect(url_for("documents.document", document_id=document_id))


@bp.route("/<int:document_id>/cancel", methods=["POST"])
@role_required(*DRAFTERS)
def cancel(document_id):
    document = get_for_user_or_403(Document, document_id, current_user, "draft")
    form = CancelForm()
    if form.validate_on_submit():
        perform(lambda: documents.cancel_document(document, current_user._get_current_object(), form.reason.data),
                lambda _: f"{'Проект отменён' if document.issued_at is None else 'Документ отменён'}: "
                          f"{document.label}. Он остаётся в реестре со статусом «отменён».")
    else:
        flash("Укажите причину отмены.", "danger")
    return redirect(url_for("documents.document", document_id=document_id))


def _form_page(kind, form, *, document=None, providers=(), provider_code="", record_ids=(), can_issue=False):
    return render_template("documents/issue.html", kind=kind, form=form, document=document, providers=providers,
                           provider_code=provider_code, record_ids=list(record_ids), can_issue=can_issue,
                           field_types=FIELD_TYPES, cases=CASE_FIELDS, registers=REGISTERS)


def _add_spare_rows(kind, form):
    for item in kind.fields:
        if item.type == FIELD_TYPES.TABLE:
            for _ in range(SPARE_ROWS):
                form[item.name].append_entry()


def _chosen_subjects(kind, form):
    """The records the form was prefilled from, asked again of their provider (never from the browser)."""
    if not form.prefill_provider.data:
        return []
    ids = [r for r in (form.prefill_records.data or "").split(",") if r]
    return run_prefill(kind.code, form.prefill_provider.data, ids).subjects
