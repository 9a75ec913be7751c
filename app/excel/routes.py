"""Export of the bases, import templates, and the import: upload -> preview -> confirm."""
from dataclasses import asdict
from io import BytesIO

from flask import redirect, render_template, request, send_file, url_for
from flask_login import current_user
from sqlalchemy import select

from app.bases.queries import mentee_filters, mentor_filters
from app.core.actions import perform
from app.core.permissions import get_for_user_or_403, role_required
from app.excel import bp, exporting, importing, services
from app.excel.models import ImportBatch, ImportKind, ImportStatus
from app.excel.specs import SPECS
from app.excel.workbook import XLSX_CONTENT_TYPE
from app.extensions import db
from app.people.access import EDIT_ROLES, READ_ROLES
from app.people.queries import PeopleFilters
from app.programs.models import ProgramYear
from app.programs.services import current_year, years_newest_first
from forms.base import ConfirmForm, choices
from forms.excel import ImportUploadForm

AFTER_IMPORT = {ImportKind.PEOPLE: "people.person_list", ImportKind.MENTEES: "bases.mentee_list",
                ImportKind.MENTORS: "bases.mentor_list"}


#: base -> (its filters from the query string, the exporter, the file name without the year)
EXPORTS = {
    "people": (PeopleFilters.from_args, exporting.export_people, "Люди"),
    "mentees": (lambda args: mentee_filters(args, current_year()), exporting.export_mentees, "База наставляемых"),
    "mentors": (lambda args: mentor_filters(args, current_year()), exporting.export_mentors, "База наставников"),
}


@bp.route("/export/<any(people, mentees, mentors):base>.xlsx")
@role_required(*READ_ROLES)
def export(base):
    """The base as the list shows it (same filters and order), every row, in an .xlsx; audited."""
    read_filters, exporter, title = EXPORTS[base]
    filters = read_filters(request.args)
    data, rows = exporter(filters)
    if hasattr(filters, "year_id"):
        title = f"{title} {_year_title(filters.year_id)}"
    services.record_export(base, rows, asdict(filters))
    db.session.commit()
    return send_file(BytesIO(data), mimetype=XLSX_CONTENT_TYPE, as_attachment=True,
                     download_name=f"{title}.xlsx".replace("/", "-"))


@bp.route("/templates/<any(people, mentees, mentors):kind>.xlsx")
@role_required(*EDIT_ROLES)
def import_template(kind):
    kind = ImportKind(kind)
    return send_file(BytesIO(exporting.import_template(kind)), mimetype=XLSX_CONTENT_TYPE, as_attachment=True,
                     download_name=f"Шаблон — {SPECS[kind].title}.xlsx")


@bp.route("/import", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def import_upload():
    form = ImportUploadForm()
    open_years = [year for year in years_newest_first() if year.is_open]
    form.program_year.choices = choices((year.id, year.title) for year in open_years)
    if request.method == "GET":
        form.kind.data = request.args.get("kind", ImportKind.MENTEES.value)
        current = current_year()
        form.program_year.data = str(current.id) if current in open_years else None
    if form.validate_on_submit():
        upload = form.file.data
        year = db.session.get(ProgramYear, int(form.program_year.data)) if form.program_year.data else None
        # No message of its own: the preview says whether the file is ready, and what it will change.
        batch = perform(lambda: services.store_upload(kind=form.kind.data, year=year, filename=upload.filename,
                                                      data=upload.read(), user=current_user), None, form)
        if batch:
            return redirect(url_for("excel.import_preview", batch_id=batch.id))
    recent = db.session.scalars(select(ImportBatch).where(ImportBatch.uploaded_by_id == current_user.id)
                                .order_by(ImportBatch.id.desc()).limit(10))
    return render_template("excel/upload.html", form=form, recent=list(recent), kinds=list(ImportKind))


@bp.route("/import/<int:batch_id>")
@role_required(*EDIT_ROLES)
def import_preview(batch_id):
    batch = get_for_user_or_403(ImportBatch, batch_id, current_user)
    report = importing.kept_report(batch) if batch.status == ImportStatus.UPLOADED else None
    db.session.commit()  # a batch from before the check was kept keeps it now
    return render_template("excel/preview.html", batch=batch, report=report, spec=SPECS[batch.kind],
                           confirm=ConfirmForm())


@bp.route("/import/<int:batch_id>/confirm", methods=["POST"])
@role_required(*EDIT_ROLES)
def import_confirm(batch_id):
    batch = get_for_user_or_403(ImportBatch, batch_id, current_user, "edit")
    if ConfirmForm().validate_on_submit():
        if perform(lambda: services.confirm(batch),
                   lambda report: f"Файл загружен: изменено и добавлено строк — {len(report.changed_rows)}."):
            return redirect(url_for(AFTER_IMPORT[batch.kind], **({"year": batch.program_year_id}
                                                                if batch.program_year_id else {})))
        if batch.status == ImportStatus.UPLOADED:
            services.recheck(batch)  # show what stopped it: the base may have changed since the upload
            db.session.commit()
    return redirect(url_for("excel.import_preview", batch_id=batch_id))


@bp.route("/import/<int:batch_id>/discard", methods=["POST"])
@role_required(*EDIT_ROLES)
def import_discard(batch_id):
    batch = get_for_user_or_403(ImportBatch, batch_id, current_user, "edit")
    if ConfirmForm().validate_on_submit():
        perform(lambda: services.discard(batch), "Загрузка отменена: в базу ничего не внесено.")
    return redirect(url_for("excel.import_upload", kind=batch.kind.value))


def _year_title(year_id):
    year = db.session.get(ProgramYear, year_id) if year_id else None
    return year.title if year else "все годы"
