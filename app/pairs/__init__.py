"""Pairs and groups (4.6–4.8, 4.14): formed from the bases, changed only by their papers."""
from flask import Blueprint

from app.audit.actions import register_action, register_target
from app.audit.vocabulary import register_fields, register_values
from app.bases.pairing import PairFormer, register_pair_former
from app.core.navigation import register_nav
from app.pairs.models import READ_ROLES, PairingState
from app.people.sections import PersonSection, register_person_section

bp = Blueprint("pairs", __name__, url_prefix="/pairs")

register_nav("Пары и группы", "pairs.pairing_list", roles=READ_ROLES, group="Базы", order=220,
             active_prefix="pairs.")

for code, label in [
    ("pairing_formed", "Сформирована наставническая пара"),
    ("group_formed", "Сформирована наставническая группа"),
    ("group_started", "Группа начала работу (согласия подписаны)"),
    ("pairing_member_added", "В группу добавлен наставляемый"),
    ("pairing_completed", "Отмечено завершение пары (группы)"),
    ("pairing_undone", "Удалена пара, введённая по ошибке"),
    ("pairing_extended", "Продлён срок наставничества (приказ, п. 4.7)"),
    ("pairing_ended_early", "Наставничество завершено досрочно (приказ, п. 4.7)"),
    ("pairing_replaced", "Заменён наставник (приказ, п. 4.8)"),
]:
    register_action(code, label)
register_target("pairing", "наставническая пара (группа)")
register_fields({"pairing": "пара (группа)", "mentees": "наставляемые", "period": "срок наставничества",
                 "former_mentor": "прежний наставник", "new_mentor": "новый наставник",
                 "planned_end_before": "плановое окончание было", "planned_end_after": "плановое окончание стало",
                 "planned_end_on": "плановое окончание", "mentor_agreed_on": "согласие наставника",
                 "curator_agreed_on": "согласование с куратором"})
register_values("state", {member.value: member.label for member in PairingState})

from app.pairs import changes, kinds, prefill, queries, routes, services  # noqa: E402,F401

register_pair_former(PairFormer(
    form=lambda mentee, mentor, *, actor=None: services.form_pair(mentee, mentor, actor=actor),
    undo=services.undo_for_mentee, mentee_status=services.on_mentee_status))
register_person_section(PersonSection("pairs/_person.html", place="side", order=150, data=queries.person_pairings))

from app.pairs import plan_setup  # noqa: E402,F401  (individual plans and meetings: issue 13, part B)
