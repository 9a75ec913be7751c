"""Audited actions and their Russian names; domains add theirs with register_action."""

ACTIONS = {
    "login": "Вход",
    "login_failed": "Неудачный вход",
    "login_throttled": "Вход заблокирован: слишком много попыток",
    "logout": "Выход",
    "password_changed": "Смена собственного пароля",
    "password_reset": "Смена пароля администратором",
    "user_created": "Создана учётная запись",
    "user_updated": "Изменена учётная запись",
    "roles_changed": "Изменены роли",
    "user_person_linked": "Учётная запись связана с карточкой человека",
    "user_deactivated": "Учётная запись отключена",
    "user_activated": "Учётная запись включена",
    "settings_changed": "Изменены настройки",
}


#: What an event was about, by table name: the Russian word shown in the log.
TARGETS = {
    "user_account": "учётная запись",
    "person": "человек",
    "legal_representative": "законный представитель",
    "mentee_participation": "запись базы наставляемых",
    "mentor_participation": "запись базы наставников",
    "partner_organisation": "организация-партнёр",
    "program_year": "учебный год",
    "mentorship_form": "форма наставничества",
    "import_batch": "загрузка из Excel",
    "document": "документ",
    "document_version": "версия документа",
    "document_template": "шаблон документа",
    "document_archive_job": "архив документов",
    "signed_scan": "подписанный скан",
}


def register_action(code, label):
    """Let a domain declare an audited action (e.g. a scan download) with its Russian name."""
    ACTIONS.setdefault(code, label)


def register_target(table_name, label):
    """Let a domain name its records in the log ("скан", "документ")."""
    TARGETS.setdefault(table_name, label)


def action_label(code):
    return ACTIONS.get(code, code)


def target_label(table_name):
    return TARGETS.get(table_name, table_name)
