"""How a route's expected access is written down."""
from dataclasses import dataclass, field

from app.core.roles import Role

#: Every signed-in user, whatever his roles.
ANY_USER = frozenset(Role)
#: Anyone, signed in or not.
PUBLIC = "public"
#: Answer expected from an allowed POST: anything but a refusal (the form may redirect or re-render).
NOT_REFUSED = None


@dataclass(frozen=True)
class Access:
    """``path`` may hold {placeholders} filled from the world the domain tables seed."""

    path: str
    roles: frozenset | str
    method: str = "GET"
    #: Status an allowed visitor gets; NOT_REFUSED for "anything but 401/403/5xx or a login redirect".
    allowed_status: int | None = 200
    #: For PUBLIC routes: what an anonymous visitor gets (e.g. 200 for the login page).
    anonymous_status: int = 200
    data: dict = field(default_factory=dict)

    def allows(self, role):
        return self.roles == PUBLIC or role in self.roles


def roles(*names):
    return frozenset(names)
