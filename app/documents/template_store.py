"""Template versions: the built-in .docx of doc_templates/, the administrator's uploads, which one is in use.

The first time a kind is used its built-in file becomes version 1; when the project ships a newer
built-in file and the kind still uses a built-in version, the newer one becomes the next version.
An uploaded version stays in use until the administrator chooses another; issued documents keep
the version they were made with either way.
"""
from functools import lru_cache
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.audit import services as audit
from app.core.errors import RuleError
from app.core.storage import file_sha256, path_for, save_bytes
from app.documents.models import DocumentTemplate, TemplateOrigin
from app.documents.template_check import check_template
from app.documents.uploads import check_file_name
from app.extensions import db

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def builtin_dir() -> Path:
    return Path(current_app.root_path).parent / "doc_templates"


def builtin_path(kind) -> Path:
    return builtin_dir() / kind.template


@lru_cache(maxsize=128)
def _builtin_file(path: str, mtime_ns: int):
    data = Path(path).read_bytes()
    return data, file_sha256(Path(path))


def builtin_file(kind):
    """(bytes, sha256) of the kind's file in doc_templates/, re-read only when the file changes."""
    path = builtin_path(kind)
    return _builtin_file(str(path), path.stat().st_mtime_ns)


def versions(kind_code):
    return list(db.session.scalars(select(DocumentTemplate).where(DocumentTemplate.kind == kind_code)
                                   .order_by(DocumentTemplate.version_no.desc())))


def active_templates():
    """{kind code: the active version} for the kinds used so far."""
    rows = db.session.scalars(select(DocumentTemplate).where(DocumentTemplate.active.is_(True)))
    return {row.kind: row for row in rows}


def active_template(kind) -> DocumentTemplate:
    """The version a new document of ``kind`` is filled from; imports the built-in file when it is new (a release
    shipped a changed one). An administrator's choice of an earlier built-in version stays in use."""
    current = db.session.scalars(select(DocumentTemplate).where(
        DocumentTemplate.kind == kind.code, DocumentTemplate.active.is_(True))).first()
    if current is not None and current.origin == TemplateOrigin.UPLOADED:
        return current
    data, sha = builtin_file(kind)
    if current is not None and (current.sha256 == sha or _has_version(kind, sha)):
        return current
    return _import_builtin(kind, data)


def _has_version(kind, sha):
    return db.session.scalar(select(DocumentTemplate.id).where(
        DocumentTemplate.kind == kind.code, DocumentTemplate.sha256 == sha).limit(1)) is not None


def _import_builtin(kind, data):
    """Add the shipped file as the next version; if another process just did, use its row."""
    blob = save_bytes(data, "templates", ".docx")
    try:
        with db.session.begin_nested():
            template = _add_version(kind, blob, TemplateOrigin.BUILTIN, kind.template, user=None,
                                    comment="Шаблон из поставки (doc_templates/).")
    except IntegrityError:
        path_for(blob.key).unlink(missing_ok=True)
        return db.session.scalars(select(DocumentTemplate).where(
            DocumentTemplate.kind == kind.code, DocumentTemplate.active.is_(True))).one()
    return template


def template_bytes(template: DocumentTemplate) -> bytes:
    return template.read_bytes()


def upload_template(kind, data: bytes, original_name: str, user, comment=""):
    """Check an edited template and put it into use; refused templates leave nothing behind."""
    if not data:
        raise RuleError("Файл пустой. Выберите шаблон .docx, сохранённый в Word.", field="file")
    original_name = check_file_name(original_name)
    if not original_name.lower().endswith(".docx"):
        raise RuleError(f"«{original_name}» — не шаблон Word: нужен файл с расширением .docx.", field="file")
    check_template(kind, data)
    active_template(kind)  # the shipped file stays version 1, so one can always go back to it
    blob = save_bytes(data, "templates", ".docx")
    template = _add_version(kind, blob, TemplateOrigin.UPLOADED, original_name, user=user, comment=comment)
    audit.record("template_uploaded", actor=user, target=template,
                 details={"kind": kind.code, "version": template.version_no, "file": original_name})
    return template


def activate_template(template: DocumentTemplate, user):
    """Go back (or forward) to another version; documents already issued keep theirs."""
    if template.active:
        raise RuleError(f"Версия {template.version_no} уже используется.")
    _deactivate_others(template.kind)
    template.active = True
    db.session.flush()
    audit.record("template_activated", actor=user, target=template,
                 details={"kind": template.kind, "version": template.version_no})
    return template


def _add_version(kind, blob, origin, original_name, *, user, comment):
    next_version = (db.session.scalar(select(func.max(DocumentTemplate.version_no))
                                      .where(DocumentTemplate.kind == kind.code)) or 0) + 1
    _deactivate_others(kind.code)
    template = DocumentTemplate(kind=kind.code, version_no=next_version, origin=origin, active=True,
                                comment=(comment or "").strip()[:500] or None, uploaded_by_id=getattr(user, "id", None),
                                original_name=(original_name or kind.template)[:255], content_type=DOCX_TYPE)
    template.attach(blob)
    db.session.add(template)
    db.session.flush()
    return template


def _deactivate_others(kind_code):
    for row in db.session.scalars(select(DocumentTemplate).where(DocumentTemplate.kind == kind_code,
                                                                 DocumentTemplate.active.is_(True))):
        row.active = False
    db.session.flush()
