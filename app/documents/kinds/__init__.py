"""The document kinds the engine knows, declared in code (DESIGN.md "Documents").

Each module below declares the kinds of one family with ``register_kind``; the registry keeps the
order of declaration, which is the order of the chooser page and of `flask documents kinds`.
"""
from app.documents.kinds.schema import Field, FieldType, Kind

KINDS: dict[str, Kind] = {}
#: The order of the families on the chooser page and in `flask documents kinds`.
GROUP_ORDER = ["Приказы", "Отбор наставников", "Соглашения", "Заявления и согласия",
               "Базы наставляемых и наставников", "Поощрение"]


def register_kind(kind: Kind):
    if kind.code in KINDS:
        raise ValueError(f"document kind {kind.code!r} declared twice")
    KINDS[kind.code] = kind
    return kind


def get_kind(code) -> Kind | None:
    return KINDS.get(code)


def _group_position(kind):
    return GROUP_ORDER.index(kind.group) if kind.group in GROUP_ORDER else len(GROUP_ORDER)


def all_kinds():
    """Every kind, family by family, each family in order of declaration."""
    return sorted(KINDS.values(), key=_group_position)


def kinds_by_group():
    """[(group, [kinds])]."""
    groups = {}
    for kind in all_kinds():
        groups.setdefault(kind.group, []).append(kind)
    return list(groups.items())


__all__ = ["Field", "FieldType", "Kind", "KINDS", "register_kind", "get_kind", "all_kinds", "kinds_by_group"]

from app.documents.kinds import (  # noqa: E402,F401  (each module registers its kinds)
    agreements,
    applications,
    bases,
    letters,
    orders,
    selection,
)
