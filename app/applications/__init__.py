"""Mentor candidates and every participant's papers: applications (Приложение 5), nominations (4.13), the
files a participant hands in, the checklist of his papers and the gate that refuses what is missing."""
from flask import Blueprint

from app.applications.checklist import checklist_for
from app.applications.gate import ensure_documents_complete
from app.audit.actions import register_action, register_target
from app.bases.gates import Gate, register_gate
from app.consents.services import withdrawn_consents as flagged_people
from app.core.navigation import register_nav
from app.people.access import READ_ROLES
from app.people.models import Person
from app.people.sections import PersonSection, register_person_section
from app.programs.services import years_newest_first

bp = Blueprint("applications", __name__, url_prefix="/applications")

register_nav("Заявления кандидатов в наставники", "applications.application_list", roles=READ_ROLES,
             group="Отбор наставников", order=250, active_prefix="applications.application")
register_nav("Выдвижение наставников", "applications.nomination_list", roles=READ_ROLES, group="Отбор наставников",
             order=255, active_prefix="applications.nomination")
register_nav("Документы участников: что не собрано", "applications.gaps", roles=READ_ROLES, group="Документы",
             order=320, active_prefix="applications.gaps")

for _code, _label in [
    ("candidate_application_submitted", "Подано заявление кандидата в наставники"),
    ("candidate_application_updated", "Изменено заявление кандидата в наставники"),
    ("candidate_application_status", "Изменён статус заявления кандидата"),
    ("nomination_created", "Выдвинуты кандидаты в наставники (п. 4.13)"),
    ("participant_file_uploaded", "Загружен файл участника (портфолио, документ п. 2.2 соглашения)"),
    ("participant_file_downloaded", "Скачан файл участника"),
    ("presentation_scan_uploaded", "Загружен скан представления коллектива (п. 4.13)"),
    ("presentation_scan_downloaded", "Скачан скан представления коллектива"),
]:
    register_action(_code, _label)
register_target("candidate_application", "заявление кандидата")
register_target("nomination", "выдвижение наставников")
register_target("participant_file", "файл участника")
register_target("presentation_scan", "скан представления коллектива")


@bp.app_template_global()
def paper_checklists(person, role=None, year=None):
    """The person's checklists in the open years he takes part in (or in ``year``, as ``role``)."""
    years = [year] if year is not None else [y for y in years_newest_first() if y.is_open]
    return [checklist for y in years for checklist in checklist_for(person, y, role)]


@bp.app_template_global()
def withdrawn_consents(people):
    """{person id: withdrawn consent} for the people a page shows, in one load: they carry a badge.

    ``people`` are people or rows about one person (a base row, an application, a nominee, an agenda item).
    """
    return flagged_people({_person_id(row) for row in people})


def _person_id(row):
    if isinstance(row, Person):
        return row.id
    if hasattr(row, "person_id"):
        return row.person_id
    return row.person.id


register_gate(Gate(check=ensure_documents_complete, kept_out=flagged_people))
register_person_section(PersonSection("applications/_person_alert.html", place="top"))
register_person_section(PersonSection("applications/_person_papers.html", place="bottom"))

from app.applications import kinds, prefill, routes  # noqa: E402,F401
from app.applications.models import ApplicationStatus, FileKind, NominationKind  # noqa: E402
from app.audit.vocabulary import register_values  # noqa: E402

register_values("status", {member.value: member.label for member in ApplicationStatus})
register_values("kind", {member.value: member.label for member in NominationKind})
register_values("kind", {FileKind.PORTFOLIO: "портфолио", FileKind.PARTNER_PAPER: "документ сотрудника партнёра"})
