"""Reading and changing settings; every read falls back to the declared default."""
from datetime import date

from flask import g, has_app_context
from sqlalchemy import select

from app.audit import services as audit
from app.core.errors import RuleError
from app.extensions import db
from app.settings.models import Setting
from app.settings.registry import SPECS


def get(key):
    """The value of a declared setting, typed as declared (dates come back as date); a setting given by a rule
    (a name's case form) and left empty is what the rule gives."""
    spec = SPECS[key]
    value = _stored_values().get(key, spec.default)
    if spec.derived_from is not None and not value:
        return spec.automatic(get(spec.derived_from[0]))
    if spec.kind == "date" and isinstance(value, str) and value:
        return date.fromisoformat(value)
    return value


def automatic(key, source_value=None):
    """What the rule gives a derived setting, from its source's current value or from ``source_value``."""
    spec = SPECS[key]
    return spec.automatic(get(spec.derived_from[0]) if source_value is None else source_value)


def values_with_prefix(prefix):
    """All settings whose key starts with ``prefix``, keyed by the rest: {"full_name": ...}."""
    return {key[len(prefix):]: get(key) for key in SPECS if key.startswith(prefix)}


def update(values, *, actor=None):
    """Store new values; an empty required value is refused and nothing is saved."""
    changed = {}
    stored = {row.key: row for row in db.session.scalars(select(Setting))}
    values = _derived_left_to_their_rule(values)
    for key, value in values.items():
        spec = SPECS[key]
        if isinstance(value, date):
            value = value.isoformat()
        if spec.required and value in (None, ""):
            raise RuleError(f"Заполните поле «{spec.label}».", field=_field_name(key))
        old = stored[key].value if key in stored else spec.default
        if isinstance(old, date):
            old = old.isoformat()
        if old == value:
            continue
        row = stored.get(key) or Setting(key=key)
        row.value = value
        row.updated_by_id = getattr(actor, "id", None)
        db.session.add(row)
        changed[key] = {"before": old, "after": value}
    if changed:
        audit.record("settings_changed", actor=actor, details=changed)
    _forget_cache()
    return changed


def _derived_left_to_their_rule(values):
    """A derived setting typed as its rule gives it (for the source as it was or as it becomes) is stored empty,
    so it follows the source when the source changes; only a real correction is kept."""
    result = dict(values)
    for key, value in values.items():
        spec = SPECS[key]
        if spec.derived_from is None or not value:
            continue
        source = spec.derived_from[0]
        candidates = {spec.automatic(get(source)), spec.automatic(values.get(source, get(source)))}
        if value in candidates:
            result[key] = ""
    return result


def _field_name(key):
    return key.replace(".", "__")


def _stored_values():
    if has_app_context() and "settings_cache" in g:
        return g.settings_cache
    values = {row.key: row.value for row in db.session.scalars(select(Setting))}
    if has_app_context():
        g.settings_cache = values
    return values


def _forget_cache():
    if has_app_context():
        g.pop("settings_cache", None)
