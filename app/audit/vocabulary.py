"""The Russian words the audit log shows for the details of an event: each field's name and each coded value.

Services record details as plain JSON with English keys and codes (``{"kind": "personal_data", "selected": true}``);
the administrator reads «вид: согласие на обработку персональных данных; отобран: да». The words common to many
domains are here; a domain adds its own with ``register_fields`` / ``register_values``, or, for keys it declares
itself at run time (the settings, the document kinds), with a resolver.
"""
import re
from datetime import date

from app.core.names import CASE_LABELS
from app.core.roles import Role

FIELDS = {
    "after": "стало", "base": "база", "before": "было", "candidate": "кандидат", "candidates": "кандидаты",
    "category": "категория", "changes": "изменения", "curator": "куратор", "date": "дата", "document": "документ",
    "documents": "документов", "email": "электронная почта", "end_date": "дата завершения", "entered": "включены",
    "file": "файл", "filters": "отбор", "form": "форма наставничества", "format": "формат",
    "forms": "формы наставничества", "from_draft": "из проекта", "kind": "вид", "mentee": "наставляемый",
    "mentor": "наставник", "name": "наименование", "nomination": "выдвижение", "nominated_by": "кем выдвинут",
    "number": "номер", "on": "дата", "order": "приказ", "partner": "организация-партнёр", "person": "человек",
    "person_id": "карточка человека", "present": "присутствовали", "protocol": "протокол", "reason": "причина",
    "relation": "кем приходится", "representative": "законный представитель", "roles": "роли", "rows": "строк",
    "scope": "область", "selected": "отобраны", "sha256": "SHA-256", "status": "статус", "title": "название",
    "version": "версия", "year": "учебный год", "year_id": "учебный год", "ip": "адрес", "page": "страница",
    "per_page": "строк на странице", "sort": "сортировка", "q": "поиск", "search": "поиск", "role": "роль",
    "stage": "этап", "direction": "направление", "count": "количество", "gender": "пол", "phone": "телефон",
    "last_name": "фамилия", "first_name": "имя", "middle_name": "отчество", "birth_date": "дата рождения",
    "study_group": "учебная группа", "position": "должность", "organisation": "организация",
    "comment": "комментарий", "vote": "голос", "score": "балл", "scores": "баллы", "member": "член комиссии",
    "members": "члены комиссии", "meeting": "заседание", "chair": "председатель", "applications": "заявления",
    "decision": "решение", "criterion": "критерий", "label": "формулировка", "active": "действует",
    "form_id": "форма наставничества", "group": "учебная группа", "organisation_id": "организация",
}

FIELDS.update({case.value: f"падеж: {label}" for case, label in CASE_LABELS.items()})
FIELDS.update({"basis": "основание", "total": "сумма баллов", "allows_groups": "групповая форма",
               "mentee_categories": "категории наставляемых", "mentor_categories": "категории наставников"})

#: key -> {coded value: its Russian word}.
VALUES = {
    "direction": {"forward": "следующий этап", "back": "предыдущий этап"},
    "gender": {"male": "мужской", "female": "женский"},
    "roles": {role.value: role.label for role in Role},
    "role": {role.value: role.label for role in Role},
}

_FIELD_RESOLVERS = []
_VALUE_RESOLVERS = []

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def register_fields(mapping):
    """A domain's own detail keys and their Russian names."""
    for key, label in mapping.items():
        FIELDS.setdefault(key, label)


def register_values(key, mapping):
    """A domain's coded values under ``key`` (an enum's values) and their Russian words; a code already named under
    the same key keeps its first word (the people's categories before the bases' narrower ones)."""
    words = VALUES.setdefault(key, {})
    for code, label in mapping.items():
        words.setdefault(str(code), label)


def register_field_resolver(resolver):
    """``resolver(key)`` -> a Russian name or None: for keys known only at run time (a setting's key)."""
    _FIELD_RESOLVERS.append(resolver)


def register_value_resolver(resolver):
    """``resolver(key, value)`` -> a Russian word or None: for codes known only at run time (a document kind)."""
    _VALUE_RESOLVERS.append(resolver)


def field_label(key):
    key = str(key)
    if key in FIELDS:
        return FIELDS[key]
    for resolver in _FIELD_RESOLVERS:
        found = resolver(key)
        if found:
            return found
    return key


def value_text(key, value):
    """A detail's value as the log shows it: «да»/«нет», «—» for nothing, dates as 01.09.2026, codes in words."""
    if value is True:
        return "да"
    if value is False:
        return "нет"
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, dict):
        return "; ".join(f"{field_label(k)}: {value_text(k, v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(value_text(key, item) for item in value)
    if isinstance(value, str):
        words = VALUES.get(str(key), {})
        if value in words:
            return words[value]
        for resolver in _VALUE_RESOLVERS:
            found = resolver(str(key), value)
            if found:
                return found
        if _ISO_DATE.match(value):
            return date.fromisoformat(value).strftime("%d.%m.%Y")
    return str(value)
