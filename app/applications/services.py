"""Candidate applications (Приложение 5): entered with every field of the form, printed for signature, moved
through the commission's steps. Issue 6 calls ``start_review`` and ``record_decision`` from its pages.
"""
from sqlalchemy import select

from app.applications.models import ApplicationStatus, CandidateApplication, Nomination, NominationCandidate
from app.audit import services as audit
from app.bases import rules
from app.consents.models import ParticipantRole
from app.consents.services import parents_consent_required, participant_position
from app.core.declension import full_name_in
from app.core.errors import RuleError
from app.core.formatting import local_today, ru_date
from app.core.idempotency import serialize
from app.core.validation import check_email, check_phone
from app.documents.prefill import Subject
from app.documents.services import correct_document, issue_document
from app.extensions import db
from app.people.categories import PersonCategory

FIELDS = ("mentorship_form", "position", "phone", "email", "portfolio_pages", "regulation_acknowledged",
          "personal_data_consent", "personal_data_consent_on", "applied_on", "for_curator")
#: Who may be the curator's candidate (Приложение 1: he meets the teacher form's criteria): the college's staff.
CURATOR_CATEGORIES = (PersonCategory.TEACHER, PersonCategory.COLLEGE_STAFF)
MAX_PORTFOLIO_PAGES = 500


def submit_application(person, year, user, **values):
    """Enter a candidate's application for the year (4.12, 4.13) and print it for his signature."""
    year.ensure_open("Новые заявления")
    serialize("application", person.id, year.id)  # one application per person and year
    if application_of(person, year) is not None:
        raise RuleError(f"Заявление {full_name_in(person, 'genitive')} на {year.title} учебный год уже есть: откройте "
                        "его, чтобы изменить.", field="mentorship_form")
    with db.session.no_autoflush:
        application = CandidateApplication(person=person, program_year=year, status=ApplicationStatus.SUBMITTED,
                                           created_by_id=user.id)
        _apply(application, values)
        application.nomination = nomination_for(person, year)
    db.session.add(application)
    db.session.flush()
    issue_document("candidate_application", application_values(application), user,
                   subjects=application_subjects(application))
    audit.record("candidate_application_submitted", actor=user, target=application,
                 details={"person": person.full_name, "year": year.title, "form": application.mentorship_form.name})
    return application


def update_application(application, user, **values):
    """Change the fields while the signed paper is not back; the printed document gets a new version."""
    application.program_year.ensure_open("Изменения")
    if not application.editable:
        raise RuleError("Заявление уже подписано или передано комиссии: его данные не меняются. Если в нём ошибка, "
                        "кандидат пишет новое — отмените документ в реестре и загрузите скан нового.")
    before = _snapshot(application)
    with db.session.no_autoflush:
        _apply(application, values)
    after = _snapshot(application)
    if before == after:
        return application
    db.session.flush()
    document = application.current_document
    if document is not None and document.status == "issued":
        correct_document(document, application_values(application), user, "Изменены данные заявления кандидата.")
    else:
        issue_document("candidate_application", application_values(application), user,
                       subjects=application_subjects(application))
    audit.record("candidate_application_updated", actor=user, target=application,
                 details={"before": before, "after": after})
    db.session.expire(application, ["linked_documents", "linked_scans"])
    return application


def application_of(person, year):
    return db.session.scalar(select(CandidateApplication).where(CandidateApplication.person_id == person.id,
                                                                 CandidateApplication.program_year_id == year.id))


def nomination_for(person, year):
    """The nomination (4.13) that put the person forward in the year, if any."""
    return db.session.scalar(select(Nomination).join(NominationCandidate)
                             .where(NominationCandidate.person_id == person.id, Nomination.program_year_id == year.id)
                             .order_by(Nomination.id))


def application_values(application):
    """The engine's fields of Приложение 5, from the application."""
    person = application.person
    return {"doc_date": application.applied_on, "candidate": person, "candidate_position": application.position,
            "academic_year": application.program_year.title, "phone": application.phone, "email": application.email,
            "portfolio_pages": application.portfolio_pages, "is_student": needs_parents_consent(application),
            "consent_date": application.personal_data_consent_on, "for_curator": application.for_curator}


def application_subjects(application):
    person = application.person
    return [Subject("candidate_application", application.id, "candidate", person.short_name),
            Subject("person", person.id, ParticipantRole.CANDIDATE.value, person.short_name)]


def needs_parents_consent(application):
    """Приложение 5: «согласие родителей (законных представителей) (для наставников-обучающихся)» — for a student
    candidate (app.consents.services.parents_consent_required)."""
    return parents_consent_required(application.person, ParticipantRole.CANDIDATE, application.applied_on)


# --- the commission's steps -----------------------------------------------------------------------------

def start_review(application, *, on=None, actor=None):
    """Pass the application to the commission: only with every paper signed (4.5, 4.11, Приложение 5)."""
    from app.applications.gate import ensure_documents_complete

    ensure_documents_complete(application.person, ParticipantRole.CANDIDATE, application.program_year,
                              application.applied_on)
    application.start_review(on or local_today())
    _audit_status(application, actor)


def return_from_review(application, *, on=None, actor=None):
    """Take the application back from the commission (off a meeting's agenda set by mistake)."""
    application.return_from_review(on or local_today())
    _audit_status(application, actor)


def record_decision(application, *, selected, basis, on=None, actor=None):
    """The commission's decision (4.13) and its basis: «Протокол № 2 от 20.09.2026»."""
    basis = (basis or "").strip()
    if not basis:
        raise RuleError("Укажите основание решения: протокол заседания комиссии с номером и датой.", field="basis")
    application.record_decision(bool(selected), basis[:500], on or local_today())
    _audit_status(application, actor)


def withdraw_application(application, *, on=None, note=None, actor=None):
    """The candidate takes his application back (4.5: taking part is voluntary)."""
    on = on or local_today()
    if on < application.applied_on:
        raise RuleError(f"Заявление подано {ru_date(application.applied_on)}: отозвать его раньше нельзя.",
                        field="on")
    application.withdraw(on, (note or "").strip()[:500] or None)
    _audit_status(application, actor)


def reinstate_application(application, *, actor=None):
    application.program_year.ensure_open("Изменения")
    application.reinstate(local_today())
    _audit_status(application, actor)


def _audit_status(application, actor):
    db.session.flush()
    audit.record("candidate_application_status", actor=actor, target=application,
                 details={"person": application.person.full_name, "status": str(application.status),
                          "basis": application.decision_basis})


# --- checks ------------------------------------------------------------------------------------------------

def _apply(application, values):
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown application fields: {sorted(unknown)}")
    person, year = application.person, application.program_year
    form = values.get("mentorship_form")
    if form is None:
        raise RuleError("Выберите форму наставничества, в которой кандидат хочет быть наставником.",
                        field="mentorship_form")
    rules.check_form_running(year, form)
    rules.check_form_admits_mentor(form, rules.check_mentor_category(person))
    applied_on = values.get("applied_on")
    if applied_on is None:
        raise RuleError("Укажите дату написания заявления.", field="applied_on")
    if applied_on > local_today():
        raise RuleError("Дата заявления не может быть в будущем.", field="applied_on")
    if applied_on > year.end_date:
        raise RuleError(f"{year.title} учебный год закончился {ru_date(year.end_date)}: заявление на него "
                        "подаётся раньше.", field="applied_on")
    rules.check_student_age(person, applied_on)
    rules.check_representative(person, applied_on)
    position = " ".join((values.get("position") or "").split())
    if not position:
        raise RuleError("Укажите должность кандидата (для обучающегося — группу), как в заявлении.", field="position")
    pages = values.get("portfolio_pages")
    if not isinstance(pages, int) or not 1 <= pages <= MAX_PORTFOLIO_PAGES:
        raise RuleError(f"Укажите число листов портфолио: от 1 до {MAX_PORTFOLIO_PAGES} (Приложение 5).",
                        field="portfolio_pages")
    if not values.get("regulation_acknowledged"):
        raise RuleError("Кандидат подтверждает в заявлении, что ознакомлен с Положением о наставничестве "
                        "(Приложение 5): отметьте это.", field="regulation_acknowledged")
    if not values.get("personal_data_consent"):
        raise RuleError("Без согласия на обработку персональных данных заявление не принимается (Приложение 5): "
                        "отметьте его.", field="personal_data_consent")
    consent_on = values.get("personal_data_consent_on")
    if consent_on is None:
        raise RuleError("Укажите дату согласия на обработку персональных данных.", field="personal_data_consent_on")
    if consent_on > local_today():
        raise RuleError("Дата согласия не может быть в будущем.", field="personal_data_consent_on")
    for_curator = bool(values.get("for_curator"))
    if for_curator:
        check_curator_candidacy(person)
    application.for_curator = for_curator
    application.mentorship_form = form
    application.position = position[:300]
    application.phone = check_phone(values.get("phone"))
    application.email = check_email((values.get("email") or "").strip())
    application.portfolio_pages = pages
    application.regulation_acknowledged = True
    application.personal_data_consent = True
    application.personal_data_consent_on = consent_on
    application.applied_on = applied_on


def check_curator_candidacy(person, *, section="Приложение 1", field="for_curator"):
    """Приложение 1, last paragraph: the curator is of the college's staff (the teacher form's criteria, management)."""
    if person.category not in CURATOR_CATEGORIES:
        raise RuleError("Куратором выдвигается сотрудник техникума: он должен соответствовать критериям формы "
                        "«преподаватель – преподаватель» и иметь опыт управления (Приложение 1).", section=section,
                        field=field)


def default_values(person, year):
    """What a new application's form starts with: the person's card, and the curator's candidacy when he was put
    forward as the curator (4.13)."""
    values = {"position": participant_position(person), "phone": person.phone or "", "email": person.email or "",
              "applied_on": local_today(), "personal_data_consent_on": local_today()}
    nomination = nomination_for(person, year)
    if nomination is not None and any(row.for_curator for row in nomination.candidates if row.person_id == person.id):
        values["for_curator"] = True
    return values


def _snapshot(application):
    return {name: str(getattr(application, name).name if name == "mentorship_form" else getattr(application, name))
            for name in FIELDS}
