"""Issuing, correcting and cancelling documents; finding the documents a record is concerned by.

Each operation adds to the session and flushes; the caller commits, so a refused value, a template
that cannot be filled or a number that cannot be taken leaves nothing behind — not a row, not a file,
not a used number.
"""
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.audit import services as audit
from app.core.errors import RuleError
from app.core.storage import save_bytes
from app.core.types import utcnow
from app.documents.context import build_context, form_values, render_context
from app.documents.hooks import run_issue_hooks
from app.documents.kinds import get_kind
from app.documents.locks import ensure_changeable
from app.documents.models import Document, DocumentStatus, DocumentSubject, DocumentVersion
from app.documents.numbering import take_number
from app.documents.prefill import Subject
from app.documents.rendering import RenderError, render_docx
from app.documents.template_store import DOCX_TYPE, active_template, template_bytes
from app.extensions import db


def kind_or_error(kind_code):
    kind = get_kind(kind_code)
    if kind is None:
        raise RuleError(f"Неизвестный вид документа «{kind_code}».")
    return kind


def issue_document(kind_code, values, user, *, subjects=(), draft=False) -> Document:
    """Fill the kind's active template with ``values``; numbered now unless it is a draft."""
    kind = kind_or_error(kind_code)
    cleaned = kind.clean(values)
    document = Document(kind=kind.code, doc_date=date.fromisoformat(cleaned["doc_date"]), title=kind.heading,
                        summary=kind.summary(cleaned), status=DocumentStatus.DRAFT, created_by_id=user.id)
    db.session.add(document)
    if not draft:
        document.mark_issued(user, utcnow())
        _give_number(document, kind)
    _add_version(document, kind, cleaned, user, reason=None, previous=None)
    for subject in subjects:
        add_subject(document, subject)
    document.refresh_search_text()
    db.session.flush()
    if not draft:
        run_issue_hooks(document)
    audit.record("document_draft_saved" if draft else "document_issued", actor=user, target=document,
                 details={"kind": kind.code, "number": document.number_text or ""})
    return document


def issue_draft(document: Document, user) -> Document:
    """The draft gets its number and is filled again, so the number is printed on it."""
    kind = kind_or_error(document.kind)
    document.mark_issued(user, utcnow())
    _give_number(document, kind)
    values = form_values(kind, document.current_version.context)
    _add_version(document, kind, kind.clean(values), user, reason="Проект выпущен: присвоен номер.",
                 previous=document.current_version)
    document.refresh_search_text()
    db.session.flush()
    run_issue_hooks(document)
    audit.record("document_issued", actor=user, target=document,
                 details={"kind": kind.code, "number": document.number_text or "", "from_draft": True})
    return document


def correct_document(document: Document, values, user, reason) -> DocumentVersion:
    """A new version that points to the one it replaces; the number and the earlier files stay."""
    document.ensure_correctable()
    ensure_changeable(document)
    reason = " ".join((reason or "").split())
    if not reason:
        raise RuleError("Укажите, что исправлено и почему.", field="reason")
    kind = kind_or_error(document.kind)
    cleaned = kind.clean(values)
    new_date = date.fromisoformat(cleaned["doc_date"])
    if document.number is not None and new_date.year != document.year:
        raise RuleError(f"Номер {document.number_text} выдан в реестре {document.year} года: дата документа "
                        f"должна остаться в {document.year} году.", field="doc_date")
    document.doc_date = new_date
    document.summary = kind.summary(cleaned)
    document.refresh_search_text()
    version = _add_version(document, kind, cleaned, user, reason=reason[:500], previous=document.current_version)
    audit.record("document_corrected", actor=user, target=document,
                 details={"version": version.version_no, "reason": reason[:500]})
    return version


def cancel_document(document: Document, user, reason):
    """Cancelled, never deleted: the number stays used, the files stay downloadable."""
    ensure_changeable(document)
    document.cancel(user, reason, utcnow())
    audit.record("document_cancelled", actor=user, target=document, details={"reason": document.cancel_reason})
    return document


def add_subject(document: Document, subject: Subject):
    """Link ``document`` to a record of another domain (by type and id)."""
    row = DocumentSubject(document=document, subject_type=subject.type, subject_id=int(subject.id),
                          role=subject.role, label=subject.label[:300])
    db.session.add(row)
    return row


def documents_for(subject_type, subject_id, kind=None):
    """Documents linked to a record, newest first; ``kind`` narrows to one kind code (or a list)."""
    query = (select(Document).join(DocumentSubject)
             .where(DocumentSubject.subject_type == subject_type, DocumentSubject.subject_id == subject_id)
             .options(selectinload(Document.versions), selectinload(Document.scans), selectinload(Document.subjects))
             .order_by(Document.doc_date.desc(), Document.id.desc()).distinct())
    if kind is not None:
        kinds = [kind] if isinstance(kind, str) else list(kind)
        query = query.where(Document.kind.in_(kinds))
    return list(db.session.scalars(query))


#: People named in a file name at most; more are «и др.».
NAMES_IN_FILE_NAME = 3


def file_name(document: Document, version_no: int, extension: str, concerned=None) -> str:
    """«Согласие — Черных А.И. — 03.12.2026.docx», «Приказ о замене наставника № 12-од — Кузьмич А.С. —
    01.09.2026.docx»: the kind (short), the number, whom it concerns, the date; readable, no path separators.

    ``concerned`` are the names: by default the people the document's values name, else what it is linked to.
    """
    spec = document.kind_spec
    title = (spec.short_title or spec.title) if spec else document.kind
    parts = [title + (f" № {document.number_text}" if document.number_text else "")]
    if concerned is None:
        version = document.current_version
        concerned = (spec.concerned(version.context) if spec and version else []) or document.concerned
    names = list(dict.fromkeys(concerned))
    if names:
        shown = ", ".join(names[:NAMES_IN_FILE_NAME])
        parts.append(shown + (" и др." if len(names) > NAMES_IN_FILE_NAME else ""))
    parts.append(document.doc_date.strftime("%d.%m.%Y"))
    name = " — ".join(parts) + (f" (версия {version_no})" if version_no > 1 else "")
    return name.replace("/", "-").replace("\\", "-")[:200] + extension


def render_version(kind, template, context) -> bytes:
    """The .docx of ``context``; a missing value becomes a RuleError that names the field."""
    try:
        return render_docx(template_bytes(template), render_context(kind, context))
    except RenderError as error:
        raise _rule_error(kind, template, error) from None


def _give_number(document, kind):
    if not kind.numbered:
        return
    document.register = kind.register
    document.year = document.doc_date.year
    document.number, document.number_text = take_number(kind.register, document.year)


def _add_version(document, kind, values, user, *, reason, previous):
    template = active_template(kind)
    context = build_context(values, number_text=document.number_text,
                            is_draft=document.status == DocumentStatus.DRAFT)
    data = render_version(kind, template, context)
    version_no = previous.version_no + 1 if previous else 1
    blob = save_bytes(data, "documents", ".docx")
    version = DocumentVersion(document=document, version_no=version_no, template=template, context=context,
                              replaces=previous, reason=reason, created_by_id=user.id,
                              original_name=file_name(document, version_no, ".docx", kind.concerned(values)),
                              content_type=DOCX_TYPE)
    version.attach(blob)
    db.session.add(version)
    return version


def _rule_error(kind, template, error):
    field_names = {item.name: item.label for item in kind.fields}
    if error.name in field_names:
        return RuleError(f"Не заполнено поле «{field_names[error.name]}»: оно нужно шаблону документа.",
                         field=error.name)
    if error.name:
        return RuleError(f"Шаблон «{kind.title}» ({template.label}) использует значение «{error.name}», которого "
                         "нет в данных документа. Заполните его или попросите администратора проверить шаблон.")
    return RuleError(f"Документ не удалось заполнить по шаблону ({template.label}): {error.message}.")
