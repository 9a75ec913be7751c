"""ZIPs of what the register shows: requested, built in the background, polled, downloaded."""
from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from app.audit import services as audit
from app.core.actions import perform
from app.core.downloads import send_stored
from app.core.permissions import get_for_user_or_403, role_required
from app.documents import bp
from app.documents.archives import request_archive, start_archive
from app.documents.models import READERS, ArchiveJob, Document, JobStatus
from app.documents.register import RegisterFilters, register_query
from app.extensions import db
from forms.base import ConfirmForm


@bp.route("/archives", methods=["POST"])
@role_required(*READERS)
def archive_create():
    filters = RegisterFilters.from_args(request.form)
    form = ConfirmForm()
    if not form.validate_on_submit():
        flash("Форма устарела: обновите страницу.", "danger")
        return redirect(url_for("documents.register", **filters.as_args()))
    ids = db.session.scalars(register_query(filters).with_only_columns(Document.id)).all()
    job = perform(lambda: request_archive(ids, current_user._get_current_object(), f"Документы — {filters.describe()}"),
                  once=form)
    if job is None:
        return redirect(url_for("documents.register", **filters.as_args()))
    start_archive(job.id)
    return redirect(url_for("documents.archive", job_id=job.id))


@bp.route("/archives/<int:job_id>")
@role_required(*READERS)
def archive(job_id):
    job = get_for_user_or_403(ArchiveJob, job_id, current_user)
    return render_template("documents/archive.html", job=job)


@bp.route("/archives/<int:job_id>/status")
@role_required(*READERS)
def archive_status(job_id):
    job = get_for_user_or_403(ArchiveJob, job_id, current_user)
    return jsonify(status=job.status.value, label=job.status.label, done=job.done, total=job.total,
                   percent=job.percent, error=job.error or "",
                   download_url=url_for("documents.archive_download", job_id=job.id)
                   if job.status == JobStatus.DONE else "")


@bp.route("/archives/<int:job_id>/download")
@role_required(*READERS)
def archive_download(job_id):
    job = get_for_user_or_403(ArchiveJob, job_id, current_user)
    if job.status != JobStatus.DONE:
        flash("Архив ещё не готов.", "warning")
        return redirect(url_for("documents.archive", job_id=job_id))
    audit.record("archive_downloaded", target=job, details={"documents": job.total})
    db.session.commit()
    return send_stored(job.archive)


