"""The main menu, assembled from what each domain registers, filtered by the user's roles."""
from dataclasses import dataclass, field

from flask import request, url_for


@dataclass(frozen=True)
class NavItem:
    label: str
    endpoint: str
    roles: frozenset = field(default_factory=frozenset)
    #: Items of one group share a dropdown; the empty group shows items on the bar itself.
    group: str = ""
    order: int = 100
    #: The item is highlighted on every page whose endpoint starts with this.
    active_prefix: str = ""

    def visible_to(self, user):
        return user.is_authenticated and (not self.roles or user.has_any_role(*self.roles))

    @property
    def url(self):
        return url_for(self.endpoint)

    @property
    def active(self):
        endpoint = request.endpoint or ""
        return endpoint == self.endpoint or bool(self.active_prefix and endpoint.startswith(self.active_prefix))


_ITEMS: list[NavItem] = []


def register_nav(label, endpoint, roles=(), group="", order=100, active_prefix=""):
    """Add a menu entry; domains call this when their blueprint package is imported."""
    item = NavItem(label, endpoint, frozenset(roles), group, order, active_prefix)
    if item not in _ITEMS:
        _ITEMS.append(item)


def navigation_for(user):
    """Menu entries the user may open, grouped: [(group, [items])], groups in order of first item."""
    groups = {}
    for item in sorted(_ITEMS, key=lambda i: i.order):
        if item.visible_to(user):
            groups.setdefault(item.group, []).append(item)
    return list(groups.items())
