"""The questionnaires of Приложения 7–11, the satisfaction questionnaires (Приложение 6, indicators 4 and 5), the
curator's questionnaire (5.1); the personal links participants answer through without an account; the results."""
from flask import Blueprint

from app.audit.actions import register_action, register_target
from app.core.navigation import register_nav
from app.questionnaires.access import LINK_ROLES, READ_ROLES

bp = Blueprint("questionnaires", __name__)

register_nav("Анкеты", "questionnaires.questionnaire_list", roles=READ_ROLES, group="Программа", order=150,
             active_prefix="questionnaires.questionnaire")
register_nav("Рассылки анкет", "questionnaires.dispatch_list", roles=LINK_ROLES, group="Программа", order=151,
             active_prefix="questionnaires.dispatch")

for code, label in [
    ("questionnaire_created", "Добавлена анкета"),
    ("questionnaire_updated", "Изменена анкета"),
    ("questionnaire_sent", "Анкета отправлена участникам (созданы ссылки)"),
    ("questionnaire_withdrawn", "Рассылка анкеты отозвана"),
    ("questionnaire_paper_entered", "Введены ответы анкеты, данные на бумаге"),
]:
    register_action(code, label)
register_target("questionnaire", "анкета")
register_target("questionnaire_dispatch", "рассылка анкеты")
register_target("questionnaire_response", "ответы на анкету")

from app.audit.vocabulary import register_fields, register_values  # noqa: E402
from app.questionnaires import routes  # noqa: E402,F401
from app.questionnaires.models import Phase  # noqa: E402

register_fields({"question": "вопрос", "text": "текст", "removed": "удалён вопрос", "questionnaire": "анкета",
                 "phase": "этап", "links": "ссылок"})
register_values("phase", {member.value: member.label for member in Phase})
