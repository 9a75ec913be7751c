"""The document kinds the engine knows. Each domain declares the kinds of its papers in its own ``kinds.py``
(``register_kind``), which its package imports, and checks their values with its own rules; the engine keeps the
machinery every kind shares (schema.py, common.py) and no rule of the regulation.

The chooser page and `flask documents kinds` list the kinds family by family (``GROUP_ORDER``), each family by
the kinds' ``order``.
"""
from app.documents.kinds.schema import Field, FieldType, Kind

KINDS: dict[str, Kind] = {}

#: The families of kinds, in the order of the chooser page and of `flask documents kinds`.
ORDERS = "Приказы"
SELECTION = "Отбор наставников"
AGREEMENTS = "Соглашения"
PAPERS = "Заявления и согласия"
BASES = "Базы наставляемых и наставников"
AWARDS = "Поощрение"
GROUP_ORDER = [ORDERS, SELECTION, AGREEMENTS, PAPERS, BASES, AWARDS]


def register_kind(kind: Kind):
    if kind.code in KINDS:
        raise ValueError(f"document kind {kind.code!r} declared twice")
    KINDS[kind.code] = kind
    return kind


def get_kind(code) -> Kind | None:
    return KINDS.get(code)


def _position(kind):
    return GROUP_ORDER.index(kind.group) if kind.group in GROUP_ORDER else len(GROUP_ORDER), kind.order


def all_kinds():
    """Every kind, family by family, each family by its kinds' ``order``."""
    return sorted(KINDS.values(), key=_position)


def kinds_by_group():
    """[(group, [kinds])]."""
    groups = {}
    for kind in all_kinds():
        groups.setdefault(kind.group, []).append(kind)
    return list(groups.items())


__all__ = ["Field", "FieldType", "Kind", "KINDS", "GROUP_ORDER", "register_kind", "get_kind", "all_kinds",
           "kinds_by_group"]
