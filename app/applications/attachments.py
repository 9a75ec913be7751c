"""Files a participant hands in that are not printed here: the candidate's portfolio (Приложение 5) and the
papers a partner supplies for each of its mentors (agreement, п. 2.2: справка об отсутствии судимости,
медицинская справка …; the list is a setting).

An upload is checked by content with the engine's own checker, stored under a generated name and kept as
the next version; the same file twice is refused. Downloads go through one guarded route and are audited.
"""
from sqlalchemy import select

from app.applications.models import FileKind, ParticipantFile
from app.audit import services as audit
from app.core.errors import RuleError
from app.core.idempotency import serialize
from app.core.storage import save_bytes
from app.documents.uploads import check_new_version
from app.extensions import db
from app.people.categories import PersonCategory
from app.settings.registry import declare
from app.settings.services import get as get_setting

PORTFOLIO_TITLE = "Портфолио"

declare("partners.employee_papers", "Документы сотрудника партнёра — наставника (п. 2.2 соглашения)",
        "Документы участников", kind="textarea",
        default="Справка об отсутствии судимости\nМедицинская справка",
        description="По одному на строку. Партнёр предоставляет их для каждого своего наставника; без них сотрудник "
                    "партнёра не становится наставником и не включается в пару.")


def partner_paper_titles():
    """The papers of agreement 2.2 the college asks for, in the order of the setting."""
    titles = []
    for line in str(get_setting("partners.employee_papers") or "").splitlines():
        title = " ".join(line.split())[:200]
        if title and title not in titles:
            titles.append(title)
    return titles


def files_of(person_ids, year):
    """{(person id, kind, title): [versions, oldest first]} for the year."""
    if not person_ids:
        return {}
    rows = db.session.scalars(select(ParticipantFile).where(
        ParticipantFile.person_id.in_(list(person_ids)), ParticipantFile.program_year_id == year.id)
        .order_by(ParticipantFile.version_no))
    grouped = {}
    for row in rows:
        grouped.setdefault((row.person_id, row.kind, row.title), []).append(row)
    return grouped


def add_file(person, year, kind, title, file_storage, user, *, paper_date=None):
    """Keep an uploaded portfolio or paper of 2.2 as the next version of its kind for the person and year."""
    kind = FileKind(kind)
    year.ensure_open("Новые документы")
    title = _check_title(person, kind, title)
    serialize("participant_file", person.id, year.id, kind, title)  # one version at a time
    versions = files_of([person.id], year).get((person.id, kind, title), [])
    upload, version_no = check_new_version(file_storage, versions, f"Этот файл уже загружен: «{title}»,")
    row = ParticipantFile(person=person, program_year=year, kind=kind, title=title, version_no=version_no,
                          paper_date=paper_date, uploaded_by_id=user.id, original_name=upload.original_name,
                          content_type=upload.content_type)
    row.attach(save_bytes(upload.data, "participant_files", upload.suffix))
    db.session.add(row)
    db.session.flush()
    audit.record("participant_file_uploaded", actor=user, target=row,
                 details={"person": person.full_name, "year": year.title, "title": title, "version": version_no,
                          "file": upload.original_name})
    return row


def _check_title(person, kind, title):
    if kind == FileKind.PORTFOLIO:
        return PORTFOLIO_TITLE
    if person.category != PersonCategory.PARTNER_EMPLOYEE:
        raise RuleError("Документы п. 2.2 соглашения предоставляет партнёр для своих сотрудников-наставников.",
                        section="Приложение 2", field="title")
    if title not in partner_paper_titles():
        raise RuleError("Выберите документ из перечня п. 2.2 соглашения (он задаётся в настройках).", field="title")
    return title


def record_file_download(row, user):
    """Every download of a participant's file is in the audit log (personal data)."""
    audit.record("participant_file_downloaded", actor=user, target=row,
                 details={"person_id": row.person_id, "title": row.title, "version": row.version_no})
