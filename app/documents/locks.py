"""Documents that state another domain's records — a commission's composition, a meeting's frozen decisions — are
changed there, by a new document; the documents' pages neither correct nor cancel them. Domains register a check."""
from app.core.errors import RuleError

_CHECKS = []


def register_lock(check):
    """``check(document)`` -> None, or (section, a Russian message saying why and where to go instead)."""
    _CHECKS.append(check)
    return check


def lock_reason(document):
    """(section, message) of the first domain that holds ``document``, or None."""
    for check in _CHECKS:
        reason = check(document)
        if reason:
            return reason
    return None


def ensure_changeable(document):
    reason = lock_reason(document)
    if reason:
        section, message = reason
        raise RuleError(message, section=section)
