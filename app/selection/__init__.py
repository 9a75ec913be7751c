"""The selection of mentors and the curator (4.13, Приложение 1)."""
from flask import Blueprint

from app.audit.actions import register_action, register_target
from app.core.navigation import register_nav
from app.core.roles import Role

bp = Blueprint("selection", __name__)

register_nav("Конкурсная комиссия", "selection.commission_view",
             roles=[Role.SECRETARY, Role.DIRECTOR, Role.CURATOR, Role.COMMISSION], group="Отбор наставников",
             order=300, active_prefix="selection.commission")
register_nav("Ход отбора наставников", "selection.progress",
             roles=[Role.SECRETARY, Role.DIRECTOR, Role.CURATOR, Role.COMMISSION],
             group="Отбор наставников", order=310, active_prefix="selection.progress")
register_nav("Критерии отбора", "selection.criteria_list", roles=[Role.ADMIN], group="Администрирование", order=906,
             active_prefix="selection.criteri")
for code, label in [
    ("criterion_created", "Добавлен критерий отбора наставников"),
    ("criterion_updated", "Изменён критерий отбора наставников"),
    ("commission_formed", "Утверждён состав конкурсной комиссии (п. 4.13)"),
    ("meeting_opened", "Открыто заседание конкурсной комиссии"),
    ("meeting_attendance_changed", "Изменён список присутствующих на заседании"),
    ("meeting_closed", "Заседание конкурсной комиссии закрыто"),
    ("meeting_candidates_added", "Кандидаты включены в повестку заседания комиссии"),
    ("meeting_candidate_removed", "Кандидат снят с заседания комиссии"),
    ("review_cast", "Член комиссии оценил кандидата и проголосовал"),
    ("review_changed", "Член комиссии изменил оценку и голос"),
    ("commission_decided", "Решения комиссии записаны, протокол выпущен (п. 4.13)"),
    ("mentor_registry_approved", "Приказом утверждён реестр наставников (п. 4.13)"),
    ("curator_appointed", "Приказом назначен куратор по итогам отбора (Приложение 1)"),
]:
    register_action(code, label)
register_target("selection_criterion", "критерий отбора")
register_target("commission", "состав конкурсной комиссии")
register_target("commission_meeting", "заседание конкурсной комиссии")
register_target("commission_review", "оценка кандидата членом комиссии")
register_target("meeting_candidate", "кандидат на заседании комиссии")



@bp.app_template_global("nomination_orders")
def _nomination_orders(nomination):
    """What the nomination's page shows of its orders (4.13): the registry's and the curator's, and what is missing."""
    from app.core.formatting import local_today
    from app.selection.registry import nomination_ready
    from forms.selection import CuratorOrderForm

    curator = next((row for row in nomination.candidates if row.for_curator), None)
    return {"refusal": nomination_ready(nomination), "curator_form": CuratorOrderForm(order_date=local_today()),
            "registry_order": nomination.current_document_of("order_approve_mentor_registry"),
            "has_mentors": any(not row.for_curator for row in nomination.candidates),
            "curator": curator, "curator_order": nomination.current_document_of("order_appoint_curator")}


@bp.app_template_filter("score_average")
def _score_average(value):
    from app.selection.reviews import average_text
    return average_text(value)


from app.audit.vocabulary import register_values  # noqa: E402
from app.selection import kinds, paper_locks, prefill, routes  # noqa: E402,F401
from app.selection.models import CommissionRole, CriterionScope, MeetingStatus, Vote  # noqa: E402

register_values("vote", {member.value: member.label for member in Vote})
register_values("role", {member.value: member.label for member in CommissionRole})
register_values("status", {member.value: member.label for member in MeetingStatus})
register_values("scope", {member.value: member.label for member in CriterionScope})
