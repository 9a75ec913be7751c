"""The register: search and filters, its PDF printout."""
from flask import render_template, request

from app.core.downloads import send_bytes
from app.core.errors import RuleError
from app.core.formatting import local_today
from app.core.pagination import paginate
from app.core.permissions import role_required
from app.documents import bp
from app.documents.kinds import kinds_by_group
from app.documents.models import READERS, DocumentStatus
from app.documents.register import SCAN_FILTERS, RegisterFilters, issuers, register_query
from app.documents.registers import REGISTERS
from app.documents.reports import html_to_pdf, render_report
from app.extensions import db
from app.settings.services import get as get_setting
from forms.base import ConfirmForm

#: The printout lists at most this many rows; the ZIP has no such limit.
REPORT_LIMIT = 2000


@bp.route("/")
@role_required(*READERS)
def register():
    filters = RegisterFilters.from_args(request.args)
    page = paginate(register_query(filters))
    return render_template("documents/register.html", page=page, filters=filters, kinds=kinds_by_group(),
                           registers=REGISTERS, statuses=list(DocumentStatus), scan_filters=SCAN_FILTERS,
                           issuers=issuers(), archive_form=ConfirmForm())


@bp.route("/register.pdf")
@role_required(*READERS)
def register_pdf():
    filters = RegisterFilters.from_args(request.args)
    documents = list(db.session.scalars(register_query(filters).limit(REPORT_LIMIT + 1)))
    html = render_report("register_report.html", documents=documents[:REPORT_LIMIT], filters=filters,
                         truncated=len(documents) > REPORT_LIMIT, limit=REPORT_LIMIT, today=local_today(),
                         college_name=get_setting("college.short_name"))
    try:
        pdf = html_to_pdf(html, landscape=True)
    except RuleError as error:
        return render_template("errors/error.html", code=503, title="PDF не сформирован", message=str(error)), 503
    return send_bytes(pdf, f"Реестр документов на {local_today().strftime('%d.%m.%Y')}.pdf", "application/pdf")
