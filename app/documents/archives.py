"""ZIPs of many documents, built in a background thread while the page shows the progress.

The job row is the only thing the request and the thread share: the request creates it (with the ids
of the documents chosen at that moment) and commits; the thread builds the ZIP with its own session,
writing the count done every few files, and attaches the stored ZIP at the end. The page polls
the job (static/js/documents.js).
"""
import csv
import io
import logging
import tempfile
import threading
import zipfile
from datetime import timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.audit import services as audit
from app.core.errors import RuleError
from app.core.storage import CHUNK, save_stream
from app.core.types import utcnow
from app.documents.models import ArchiveJob, Document, DocumentArchive
from app.documents.services import file_name
from app.extensions import db

log = logging.getLogger(__name__)
MAX_DOCUMENTS = 5000
PROGRESS_EVERY = 10
INDEX_NAME = "Опись.csv"

#: Threads this process started, by job id (tests join them).
THREADS: dict[int, threading.Thread] = {}


def request_archive(document_ids, user, title) -> ArchiveJob:
    """A job for the given documents; the caller commits, then calls start_archive."""
    ids = list(dict.fromkeys(int(i) for i in document_ids))
    if not ids:
        raise RuleError("Нет документов для архива: измените условия поиска.")
    if len(ids) > MAX_DOCUMENTS:
        raise RuleError(f"В архив можно собрать не больше {MAX_DOCUMENTS} документов, выбрано {len(ids)}: сузьте "
                        "условия поиска.")
    job = ArchiveJob(requested_by_id=user.id, title=title[:300], document_ids=ids, total=len(ids))
    db.session.add(job)
    db.session.flush()
    audit.record("archive_requested", actor=user, target=job, details={"documents": len(ids), "title": title[:300]})
    return job


def start_archive(job_id):
    """Build the job's ZIP in a thread (or now, when DOCUMENTS_BACKGROUND_JOBS is off)."""
    app = current_app._get_current_object()
    if not app.config["DOCUMENTS_BACKGROUND_JOBS"]:
        build_archive(job_id)
        return None
    thread = threading.Thread(target=_run, args=(app, job_id), name=f"archive-{job_id}", daemon=True)
    THREADS[job_id] = thread
    thread.start()
    return thread


def _run(app, job_id):
    with app.app_context():
        try:
            build_archive(job_id)
        finally:
            db.session.remove()
            THREADS.pop(job_id, None)


def build_archive(job_id):
    """Write every document's current DOCX and an inventory into a ZIP; mark the job done or failed."""
    job = db.session.get(ArchiveJob, job_id)
    job.start()
    db.session.commit()
    try:
        archive = _build(job)
    except Exception as error:  # noqa: BLE001 - whatever broke, the page must say the job failed
        log.exception("ZIP archive %s failed", job_id)
        db.session.rollback()
        job = db.session.get(ArchiveJob, job_id)
        job.fail(f"Архив не собран: {error}", utcnow())
        db.session.commit()
        return job
    job.finish(archive, utcnow())
    db.session.commit()
    return job


def _build(job):
    documents = _documents(job.document_ids)
    names = set()
    with tempfile.TemporaryFile() as buffer:
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as bundle:
            index = io.StringIO()
            writer = csv.writer(index, delimiter=";")
            writer.writerow(["Файл", "Вид документа", "Номер", "Дата", "Содержание", "Статус", "Версия", "SHA-256"])
            for count, document in enumerate(documents, start=1):
                version = document.current_version
                name = _unique(file_name(document, version.version_no, ".docx"), names)
                bundle.write(version.path, arcname=name)
                writer.writerow([name, document.kind_title, document.number_text or "",
                                 document.doc_date.strftime("%d.%m.%Y"), document.summary, document.status.label,
                                 version.version_no, version.sha256])
                if count % PROGRESS_EVERY == 0:
                    job.done = count
                    db.session.commit()
            bundle.writestr(INDEX_NAME, "\ufeff" + index.getvalue())
        buffer.seek(0)
        blob = save_stream(iter(lambda: buffer.read(CHUNK), b""), "archives", ".zip")
    archive = DocumentArchive(original_name=(job.title.replace("/", "-")[:200] + ".zip"),
                              content_type="application/zip")
    archive.attach(blob)
    db.session.add(archive)
    return archive


def _documents(ids):
    documents = db.session.scalars(select(Document).where(Document.id.in_(ids))
                                   .options(selectinload(Document.versions), selectinload(Document.subjects))).all()
    order = {document_id: position for position, document_id in enumerate(ids)}
    return sorted(documents, key=lambda document: order[document.id])


def _unique(name, taken):
    stem, extension = name.rsplit(".", 1)
    candidate, number = name, 2
    while candidate in taken:
        candidate = f"{stem} ({number}).{extension}"
        number += 1
    taken.add(candidate)
    return candidate


def purge_archives(older_than_days=7):
    """Delete built ZIPs older than the given days (rows, then files); the documents are untouched."""
    limit = utcnow() - timedelta(days=older_than_days)
    jobs = list(db.session.scalars(select(ArchiveJob).where(ArchiveJob.created_at < limit)))
    paths = []
    for job in jobs:
        if job.archive is not None:
            paths.append(job.archive.path)
            db.session.delete(job.archive)
        db.session.delete(job)
    db.session.commit()
    for path in paths:
        path.unlink(missing_ok=True)
    return len(jobs)
