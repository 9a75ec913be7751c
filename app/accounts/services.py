"""Account operations: every change to users and roles goes through here, audited."""
import secrets

from flask import current_app
from sqlalchemy import func, or_, select

from app.accounts.models import User, UserRole
from app.audit import services as audit
from app.core.errors import RuleError
from app.core.idempotency import serialize
from app.core.roles import Role
from app.core.search import contains_pattern, search_key
from app.core.types import utcnow
from app.core.validation import check_email
from app.extensions import db
from app.people.models import Person

MIN_PASSWORD_LENGTH = 10
LAST_ADMIN_MESSAGE = ("Это последний активный администратор. Сначала назначьте роль "
                      "«администратор» другой активной учётной записи.")
#: Compared against when the e-mail is unknown, so a failed login takes as long either way: one hash per
#: hashing method (PASSWORD_HASH_METHOD), made the way real passwords are.
_DUMMY_HASHES = {}


def normalise_email(email):
    return (email or "").strip().lower()


def find_user_by_email(email):
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def check_password_strength(password):
    """Refuse a password that is too short or too plain to protect personal data."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise RuleError(f"Пароль должен содержать не менее {MIN_PASSWORD_LENGTH} символов.", field="password")
    if password.isdigit() or password.isalpha():
        raise RuleError("Пароль должен содержать и буквы, и цифры или знаки.", field="password")


def create_user(*, email, last_name, first_name, middle_name=None, position=None, roles=(), password=None,
                actor=None):
    """Create an active account; returns (user, password) where password is generated if not given."""
    email = check_email(normalise_email(email))
    serialize("user", email)  # one account per address, even for two forms at once
    if find_user_by_email(email):
        raise RuleError("Учётная запись с таким адресом электронной почты уже есть.", field="email")
    if not roles:
        raise RuleError("Выберите хотя бы одну роль.", field="roles")
    if password is None:
        password = generate_password()
    check_password_strength(password)
    user = User(email=email, last_name=last_name.strip(), first_name=first_name.strip(),
                middle_name=(middle_name or "").strip() or None, position=(position or "").strip() or None)
    user.refresh_search_name()
    user.set_password(password)
    user.role_rows = [UserRole(role=Role(role)) for role in sorted(set(roles))]
    db.session.add(user)
    db.session.flush()
    audit.record("user_created", actor=actor, target=user,
                 details={"email": email, "roles": sorted(str(r) for r in user.roles)})
    return user, password


def update_user(user, *, email, last_name, first_name, middle_name=None, position=None, roles=None, actor=None):
    """Change an account's details and, when given, its roles."""
    email = check_email(normalise_email(email))
    serialize("user", email)
    other = find_user_by_email(email)
    if other is not None and other.id != user.id:
        raise RuleError("Учётная запись с таким адресом электронной почты уже есть.", field="email")
    before = {"email": user.email, "name": user.full_name, "position": user.position}
    user.email = email
    user.last_name = last_name.strip()
    user.first_name = first_name.strip()
    user.middle_name = (middle_name or "").strip() or None
    user.position = (position or "").strip() or None
    user.refresh_search_name()
    after = {"email": user.email, "name": user.full_name, "position": user.position}
    if roles is not None:
        set_roles(user, roles, actor=actor)
    if before != after:
        audit.record("user_updated", actor=actor, target=user, details={"before": before, "after": after})
    return user


def set_roles(user, roles, *, actor=None):
    """Replace the account's roles; the last active administrator keeps his."""
    new_roles = {Role(role) for role in roles}
    if not new_roles:
        raise RuleError("Выберите хотя бы одну роль.", field="roles")
    old_roles = user.roles
    if Role.ADMIN in old_roles and Role.ADMIN not in new_roles and user.active:
        _ensure_another_active_admin(user, field="roles")
    if new_roles == old_roles:
        return
    keep = [row for row in user.role_rows if row.role in new_roles]
    added = [UserRole(role=role) for role in sorted(new_roles - old_roles)]
    user.role_rows = keep + added
    audit.record("roles_changed", actor=actor, target=user,
                 details={"before": sorted(map(str, old_roles)), "after": sorted(map(str, new_roles))})


def link_person(user, person, *, actor=None):
    """Tie the account to its holder's card among the program's people (or untie it with None).

    The selection commission reads the link: a member never scores his own candidacy (4.13).
    """
    if (person.id if person else None) == user.person_id:
        return
    if person is not None:
        other = db.session.scalar(select(User).where(User.person_id == person.id, User.id != user.id))
        if other is not None:
            raise RuleError(f"Карточка «{person.full_name}» уже связана с учётной записью {other.email}: у человека "
                            "одна учётная запись.", field="person")
    before = user.person.full_name if user.person else None
    user.person = person
    audit.record("user_person_linked", actor=actor, target=user,
                 details={"before": before, "after": person.full_name if person else None})


def people_to_link(user, limit=20):
    """Cards the account may be tied to: the people whose surname and first name are the account's.

    The administrator manages accounts, not personal data (docs/design.md "Personal data"): he is offered
    only these names.
    """
    key = search_key(user.last_name, user.first_name)
    pattern = contains_pattern(key)[1:]  # from the start of the name: «иванов иван%»
    found = list(db.session.scalars(select(Person).where(Person.search_name.like(pattern, escape="\\"))
                                    .order_by(Person.search_name, Person.birth_date).limit(limit)))
    if user.person is not None and user.person not in found:
        found.insert(0, user.person)
    return found


def deactivate_user(user, *, actor=None):
    """Switch an account off; its sessions end at once. The last active administrator stays on."""
    if not user.active:
        return
    if user.has_role(Role.ADMIN):
        _ensure_another_active_admin(user)
    user.active = False
    user.session_version += 1
    audit.record("user_deactivated", actor=actor, target=user)


def activate_user(user, *, actor=None):
    if user.active:
        return
    user.active = True
    audit.record("user_activated", actor=actor, target=user)


def change_own_password(user, *, current_password, new_password):
    """Let a user replace his password after proving he knows the current one."""
    if not user.check_password(current_password):
        raise RuleError("Текущий пароль введён неверно.", field="current_password")
    if current_password == new_password:
        raise RuleError("Новый пароль должен отличаться от текущего.", field="new_password")
    _replace_password(user, new_password, field="new_password")
    audit.record("password_changed", actor=user, target=user)


def reset_password(user, new_password=None, *, actor=None):
    """Give an account a new password (generated if not given); returns it to show once."""
    if new_password is None:
        new_password = generate_password()
    _replace_password(user, new_password, field="password")
    audit.record("password_reset", actor=actor, target=user)
    return new_password


def authenticate(email, password):
    """Return the active user with this e-mail and password, or None; the caller says one thing either way."""
    user = find_user_by_email(email)
    if user is None:
        _waste_a_hash_check(password)
        return None
    if not user.check_password(password) or not user.active:
        return None
    return user


def log_out(user):
    """End the account's sessions on the server: a copied session or remember cookie opens nothing afterwards.

    Flask-Login's cookies carry "id.version" (User.get_id); bumping the version, as a password change does,
    makes every cookie issued before it worthless, on this computer and on the others.
    """
    user.session_version += 1
    audit.record("logout", actor=user, target=user)


def record_login(user):
    user.last_login_at = utcnow()
    audit.record("login", actor=user, target=user)


def record_failed_login(email, reason):
    user = find_user_by_email(email)
    audit.record("login_failed", actor=None, target=user,
                 details={"email": normalise_email(email)[:254], "reason": reason})


def load_user_from_session(session_id):
    """Flask-Login's loader: "id.version"; an old version or an inactive account signs the user out."""
    try:
        user_id, version = (int(part) for part in session_id.split("."))
    except (ValueError, AttributeError):
        return None
    user = db.session.get(User, user_id)
    if user is None or not user.active or user.session_version != version:
        return None
    return user


def ids_matching(text):
    """The audit log's «who»: a select of the ids of the accounts whose e-mail or surname contains ``text``."""
    return select(User.id).where(or_(User.email.ilike(f"%{text.lower()}%"), User.last_name.ilike(f"%{text}%")))


def accounts_named(ids):
    """The accounts among ``ids`` (a select of ids), in the order of their names: the register's «Выпустил»."""
    return list(db.session.scalars(select(User).where(User.id.in_(ids)).order_by(User.last_name, User.first_name)))


def active_admin_count(excluding=None):
    query = (select(func.count(User.id)).join(UserRole)
             .where(User.active.is_(True), UserRole.role == Role.ADMIN))
    if excluding is not None:
        query = query.where(User.id != excluding.id)
    return db.session.scalar(query)


def ensure_admin(email=None, password=None):
    """Create the first administrator if there is none; returns (user, password or None if given)."""
    if active_admin_count():
        return None, None
    email = normalise_email(email) or "admin@example.org"
    generated = password is None
    existing = find_user_by_email(email)
    if existing is not None:
        existing.active = True
        set_roles(existing, existing.roles | {Role.ADMIN})
        new_password = reset_password(existing, password)
        return existing, new_password if generated else None
    user, password = create_user(email=email, last_name="Администратор", first_name="Системный",
                                 roles=[Role.ADMIN], password=password)
    return user, password if generated else None


def generate_password():
    """A random password a person can type: 4 groups of 4 letters and digits."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    while True:
        raw = "".join(secrets.choice(alphabet) for _ in range(16))
        if any(c.isdigit() for c in raw) and any(c.isalpha() for c in raw):
            return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def _replace_password(user, new_password, *, field):
    try:
        check_password_strength(new_password)
    except RuleError as error:
        error.field = field
        raise
    user.set_password(new_password)
    user.session_version += 1


def _ensure_another_active_admin(user, field=None):
    if not active_admin_count(excluding=user):
        raise RuleError(LAST_ADMIN_MESSAGE, field=field)


def _waste_a_hash_check(password):
    from werkzeug.security import check_password_hash, generate_password_hash
    method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
    if method not in _DUMMY_HASHES:
        _DUMMY_HASHES[method] = generate_password_hash(secrets.token_hex(8), method=method)
    check_password_hash(_DUMMY_HASHES[method], password or "")
