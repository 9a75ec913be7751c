"""The administrator's templates: the reference for template authors, versions, upload, preview, revert."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.core import idempotency
from app.core.errors import RuleError
from app.core.permissions import get_or_404, role_required
from app.documents import bp
from app.documents.context import example_context
from app.documents.kinds import all_kinds, get_kind
from app.documents.kinds.common import COMMON_FIELDS
from app.documents.models import TEMPLATE_KEEPERS, DocumentTemplate
from app.documents.pdf import PDF_TYPE, preview_pdf
from app.documents.prefill import providers_for
from app.documents.registers import REGISTERS
from app.documents.routes.files import send_bytes, send_stored
from app.documents.russian import FILTER_EXAMPLES
from app.documents.schema_view import FIELD_TYPES
from app.documents.services import render_version
from app.documents.template_store import (
    DOCX_TYPE,
    activate_template,
    active_template,
    active_templates,
    upload_template,
    versions,
)
from app.extensions import db
from forms.documents import ActionForm, TemplateUploadForm


@bp.route("/templates")
@role_required(*TEMPLATE_KEEPERS)
def template_list():
    return render_template("documents/template_list.html", kinds=all_kinds(), active=active_templates(),
                           registers=REGISTERS)


@bp.route("/templates/<kind_code>")
@role_required(*TEMPLATE_KEEPERS)
def template_detail(kind_code):
    kind = get_kind(kind_code) or abort(404)
    return _detail_page(kind, TemplateUploadForm())


@bp.route("/templates/<kind_code>/upload", methods=["POST"])
@role_required(*TEMPLATE_KEEPERS)
def template_upload(kind_code):
    kind = get_kind(kind_code) or abort(404)
    form = TemplateUploadForm()
    if form.validate_on_submit():
        upload = request.files.get("file")
        try:
            if upload is None or not upload.filename:
                raise RuleError("Выберите файл шаблона .docx.", field="file")
            template = upload_template(kind, upload.read(), upload.filename, current_user._get_current_object(),
                                       form.comment.data)
            idempotency.claim(form)
        except RuleError as error:
            db.session.rollback()
            form.apply_rule_error(error) or flash(str(error), "danger")
        else:
            db.session.commit()
            flash(f"Шаблон проверен и используется: версия {template.version_no}. Документы, выпущенные раньше, "
                  "сохраняют свои версии.", "success")
            return redirect(url_for("documents.template_detail", kind_code=kind.code))
    return _detail_page(kind, form), 422 if form.errors else 200


@bp.route("/templates/<kind_code>/preview.<any(docx, pdf):extension>")
@role_required(*TEMPLATE_KEEPERS)
def template_preview(kind_code, extension):
    kind = get_kind(kind_code) or abort(404)
    template = _chosen_version(kind)
    try:
        docx = render_version(kind, template, example_context(kind))
        db.session.commit()  # the first use of a kind keeps its built-in template as version 1
        if extension == "docx":
            return send_bytes(docx, f"Образец — {kind.title} (версия {template.version_no}).docx", DOCX_TYPE)
        pdf = preview_pdf(docx)
    except RuleError as error:
        db.session.rollback()
        flash(str(error), "danger")
        return redirect(url_for("documents.template_detail", kind_code=kind.code))
    return send_bytes(pdf, f"Образец — {kind.title} (версия {template.version_no}).pdf", PDF_TYPE)


@bp.route("/templates/versions/<int:template_id>/activate", methods=["POST"])
@role_required(*TEMPLATE_KEEPERS)
def template_activate(template_id):
    template = get_or_404(DocumentTemplate, template_id)
    if ActionForm().validate_on_submit():
        try:
            activate_template(template, current_user._get_current_object())
        except RuleError as error:
            db.session.rollback()
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(f"Используется версия {template.version_no} шаблона.", "success")
    return redirect(url_for("documents.template_detail", kind_code=template.kind))


@bp.route("/templates/versions/<int:template_id>/download")
@role_required(*TEMPLATE_KEEPERS)
def template_download(template_id):
    template = get_or_404(DocumentTemplate, template_id)
    kind = get_kind(template.kind)
    name = f"{kind.title if kind else template.kind} — шаблон, версия {template.version_no}.docx"
    return send_stored(template, download_name=name.replace("/", "-"))


def _chosen_version(kind):
    version_id = request.args.get("version", type=int)
    if version_id:
        template = get_or_404(DocumentTemplate, version_id)
        if template.kind != kind.code:
            abort(404)
        return template
    return active_template(kind)


def _detail_page(kind, form):
    template = active_template(kind)
    db.session.commit()  # the first visit keeps the built-in template as version 1
    return render_template("documents/template_detail.html", kind=kind, form=form, template=template,
                           versions=versions(kind.code), common_fields=COMMON_FIELDS, filters=FILTER_EXAMPLES,
                           providers=providers_for(kind.code), registers=REGISTERS, field_types=FIELD_TYPES,
                           action_form=ActionForm())
