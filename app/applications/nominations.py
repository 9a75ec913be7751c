"""Putting mentor candidates forward (4.13): by the administration or by a collective of staff.

Either way a draft order «О выдвижении наставников» is prepared in the register (the secretary numbers it
when the director signs); the administration's nomination also prints the approval sheet (лист согласования)
the candidates and the curator sign (its scan is filed against the sheet, as any paper's); the collective's own
signed представление is scanned and kept with the nomination (``file_presentation``). A nominated candidate still
writes his own application (4.5, Приложение 1: «наличие личного желания … даже при условии его выдвижения»): the
nomination never stands in for it.
"""
from sqlalchemy import select

from app.applications.models import (
    CandidateApplication,
    Nomination,
    NominationCandidate,
    NominationKind,
    PresentationScan,
)
from app.applications.services import check_curator_candidacy, nomination_for
from app.audit import services as audit
from app.bases import rules
from app.consents.services import participant_position
from app.core.declension import gendered
from app.core.errors import RuleError
from app.core.formatting import local_today, ru_date
from app.core.idempotency import serialize
from app.core.roles import Role
from app.core.storage import save_bytes
from app.documents.prefill import Subject
from app.documents.services import issue_document
from app.documents.uploads import check_new_version
from app.extensions import db

CURATOR_ROLE_WORDS = "куратор наставнической деятельности"
CANDIDATE_ROLE_WORDS = "потенциальный наставник"
CURATOR_CANDIDATE_WORDS = "кандидат в кураторы наставнической деятельности"


def default_order_title(year):
    return f"О выдвижении наставников на {year.title} учебный год"


def nominate(kind, year, user, *, candidates, on=None, nominated_by=None, presentation=None, order_title=None,
             approval_deadline=None, curator=None):
    """Record the nomination of ``candidates`` [(person, form) or (person, form, for the curator)] and prepare its
    papers; 4.13 puts forward mentors «и куратора»: one candidate may be put forward as the curator."""
    kind = NominationKind(kind)
    year.ensure_open("Выдвижение")
    on = on or local_today()
    if on > local_today():
        raise RuleError("Дата выдвижения не может быть в будущем.", field="nominated_on")
    nomination = Nomination(program_year=year, kind=kind, nominated_on=on, created_by_id=user.id)
    if kind == NominationKind.COLLECTIVE:
        nomination.nominated_by = _required(nominated_by, "Укажите, кто выдвигает: инициативная группа, структурное "
                                                          "подразделение, совет техникума и т. п.", "nominated_by")
        nomination.presentation = _required(presentation, "Введите текст представления на имя директора.",
                                            "presentation")
    else:
        if curator is None or not curator.has_role(Role.CURATOR):
            raise RuleError("Выберите куратора: проект приказа направляется ему для согласования (п. 4.13).",
                            section="4.13", field="curator")
        if approval_deadline is not None and approval_deadline < on:
            raise RuleError("Срок согласования не может быть раньше даты выдвижения.", field="approval_deadline")
        nomination.curator, nomination.approval_deadline = curator, approval_deadline
        nomination.order_title = " ".join((order_title or default_order_title(year)).split())[:300]
    with db.session.no_autoflush:
        for person, form, for_curator in _checked_candidates(year, candidates, on):
            nomination.candidates.append(NominationCandidate(person=person, mentorship_form=form,
                                                             for_curator=for_curator))
    db.session.add(nomination)
    db.session.flush()
    _link_applications(nomination)
    _prepare_papers(nomination, user)
    audit.record("nomination_created", actor=user, target=nomination,
                 details={"kind": kind.value, "year": year.title,
                          "candidates": [row.person.full_name for row in nomination.candidates]})
    return nomination


def _checked_candidates(year, candidates, on):
    """Each candidate may be a mentor in his form (4.1, 4.4, 2.1) and is put forward once a year."""
    if not candidates:
        raise RuleError("Добавьте хотя бы одного кандидата.", field="candidates")
    seen = set()
    curators = 0
    for person, form, *rest in candidates:
        for_curator = bool(rest and rest[0])
        if person.id in seen:
            raise RuleError(f"{person.full_name} {gendered(person, 'указан', 'указана')} дважды.", field="candidates")
        seen.add(person.id)
        if form is None:
            raise RuleError(f"Выберите форму наставничества для {person.short_name}.", field="candidates")
        rules.check_form_running(year, form, field="candidates")
        if for_curator:
            curators += 1
            check_curator_candidacy(person, section="4.13", field="candidates")
            if curators > 1:
                raise RuleError("Куратором выдвигается один кандидат.", section="4.13", field="candidates")
        rules.check_form_admits_mentor(form, rules.check_mentor_category(person), field="candidates")
        rules.check_student_age(person, on)
        earlier = nomination_for(person, year)
        if earlier is not None:
            raise RuleError(f"{person.full_name} уже {gendered(person, 'выдвинут', 'выдвинута')} в {year.title} "
                            "учебном году "
                            f"({earlier.kind.label}, {ru_date(earlier.nominated_on)}).", section="4.13",
                            field="candidates")
        yield person, form, for_curator


def _link_applications(nomination):
    """Applications written before the nomination learn how their candidate was put forward."""
    ids = [row.person_id for row in nomination.candidates]
    for application in db.session.scalars(select(CandidateApplication).where(
            CandidateApplication.program_year_id == nomination.program_year_id,
            CandidateApplication.person_id.in_(ids), CandidateApplication.nomination_id.is_(None))):
        application.nomination = nomination


def _prepare_papers(nomination, user):
    """The draft order, and for the administration the approval sheet (4.13)."""
    subjects = nomination_subjects(nomination)
    issue_document("order_nominate_mentors", order_values(nomination), user, subjects=subjects, draft=True)
    if nomination.kind == NominationKind.ADMINISTRATION:
        issue_document("approval_sheet", approval_sheet_values(nomination), user,
                       subjects=[*subjects, Subject("user", nomination.curator.id, "curator",
                                                    nomination.curator.short_name)])


def nomination_subjects(nomination):
    return [Subject("nomination", nomination.id, "nomination", nomination.label),
            *(Subject("person", row.person.id, "candidate", row.person.short_name) for row in nomination.candidates)]


def order_values(nomination):
    presentation = None
    if nomination.kind == NominationKind.COLLECTIVE:
        presentation = f"{nomination.nominated_by} от {nomination.nominated_on.strftime('%d.%m.%Y')}"
    return {"doc_date": nomination.nominated_on, "academic_year": nomination.program_year.title,
            "presentation": presentation,
            "candidates": [{"name": row.person.full_name, "place": row.person.place_of_work_or_study,
                            "form": CURATOR_ROLE_WORDS if row.for_curator else row.mentorship_form.name}
                           for row in nomination.candidates]}


def approval_sheet_values(nomination):
    curator = nomination.curator
    approvers = [{"name": row.person.full_name, "position": participant_position(row.person),
                  "role": CURATOR_CANDIDATE_WORDS if row.for_curator else CANDIDATE_ROLE_WORDS}
                 for row in nomination.candidates]
    approvers.append({"name": curator.full_name, "position": curator.position or CURATOR_ROLE_WORDS,
                      "role": CURATOR_ROLE_WORDS})
    return {"doc_date": nomination.nominated_on, "order_title": nomination.order_title,
            "deadline": nomination.approval_deadline, "approvers": approvers}


def file_presentation(nomination, file_storage, user):
    """Keep the scan of the collective's signed представление (4.13) as its next version, checked by content."""
    if nomination.kind != NominationKind.COLLECTIVE:
        raise RuleError("Представление коллектива прилагается к выдвижению коллективом сотрудников; при выдвижении "
                        "администрацией загружают скан подписанного листа согласования.", section="4.13",
                        field="file")
    serialize("presentation", nomination.id)  # one version at a time
    db.session.expire(nomination, ["presentation_scans"])
    upload, version_no = check_new_version(file_storage, nomination.presentation_scans,
                                           "Этот файл уже загружен к представлению:")
    scan = PresentationScan(nomination=nomination, version_no=version_no, uploaded_by_id=user.id,
                            original_name=upload.original_name, content_type=upload.content_type)
    scan.attach(save_bytes(upload.data, "presentations", upload.suffix))
    db.session.add(scan)
    db.session.flush()
    audit.record("presentation_scan_uploaded", actor=user, target=scan,
                 details={"nomination": nomination.label, "nominated_by": nomination.nominated_by,
                          "version": version_no, "file": upload.original_name})
    return scan


def record_presentation_download(scan, user):
    """Every download of a представление's scan is in the audit log, as any scan's (it names the candidates)."""
    audit.record("presentation_scan_downloaded", actor=user, target=scan,
                 details={"nomination": scan.nomination_id, "version": scan.version_no})


def _required(value, message, field):
    value = (value or "").strip()
    if not value:
        raise RuleError(message, field=field)
    return value
