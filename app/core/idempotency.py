"""The same thing asked twice at the same moment is done once: a lock where the rule is "one", a one-time token
on every form.

``serialize(*key)`` holds a lock on ``key`` until the transaction ends, so a check "is there one already?" and
the insert that follows it cannot interleave with another request's: PostgreSQL's transaction-scoped advisory
lock, or, on SQLite, the database's write lock (one writer at a time) taken before the check reads.

Every form (forms.base.BaseForm) carries a one-time token, rendered with its CSRF field. ``app.core.actions.
perform`` records it, after the action and in the same transaction, in ``form_submission`` (token unique). A
second submission of the same form is therefore answered as it would have been alone: where the domain has a
rule (a person already in the base, a partner already listed) its own refusal; where the domain would
simply do it again, the token's refusal, ALREADY_SUBMITTED. On PostgreSQL the second INSERT waits for the first
transaction and then fails, so two submissions at the same moment also make one record.
"""
import hashlib
import secrets
from datetime import timedelta

from flask import request
from sqlalchemy import delete, text
from sqlalchemy.exc import IntegrityError

from app.core.errors import RuleError
from app.core.models import FormSubmission
from app.core.types import utcnow
from app.extensions import db

FIELD = "form_token"
ALREADY_SUBMITTED = ("Эта форма уже отправлена, и по первой отправке всё сохранено (повторное нажатие не выполнено). "
                     "Если действительно нужна ещё одна такая запись, отправьте форму ещё раз.")
#: Keys share this many advisory locks: an import of 5,000 rows takes at most this many (PostgreSQL's lock table
#: holds max_locks_per_transaction × max_connections, 6,400 by default), at the price of two unrelated keys in one
#: bucket waiting for each other for the length of a transaction.
LOCK_BUCKETS = 512
#: The first half of PostgreSQL's two-part advisory lock key: this module's own space.
LOCK_SPACE = 1101
#: Tokens are kept this long: a browser's "resend" after that is unlikely and the table stays small.
KEPT_FOR = timedelta(days=2)


class AlreadySubmitted(RuleError):
    def __init__(self):
        super().__init__(ALREADY_SUBMITTED)


def new_token():
    return secrets.token_urlsafe(24)


def serialize(*key):
    """Hold a lock on ``key`` (any values) until the current transaction commits or rolls back."""
    session = db.session
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        bucket = int.from_bytes(hashlib.sha256(repr(key).encode()).digest()[:4], "big") % LOCK_BUCKETS
        session.execute(text("SELECT pg_advisory_xact_lock(:space, :bucket)"), {"space": LOCK_SPACE, "bucket": bucket})
    elif dialect == "sqlite":
        # A write that changes nothing still takes the database's write lock; the next writer waits for commit.
        session.execute(text("UPDATE form_submission SET token = token WHERE 0"))


def posted_token(form):
    """The token the browser sent with ``form``, or None (a form posted by a script without one)."""
    field = getattr(form, FIELD, None) if form is not None else None
    if field is None or not field.raw_data:
        return None
    token = (field.raw_data[0] or "").strip()
    return token[:64] or None


def claim(form):
    """Record the form's token in the current transaction; AlreadySubmitted if another submission recorded it."""
    token = posted_token(form)
    if token is None:
        return
    try:
        with db.session.begin_nested():
            db.session.add(FormSubmission(token=token, endpoint=(request.endpoint or "")[:100]))
    except IntegrityError:
        raise AlreadySubmitted() from None
    db.session.execute(delete(FormSubmission).where(FormSubmission.submitted_at < utcnow() - KEPT_FOR))


def renew(form):
    """Give the re-rendered form a fresh token: a deliberate new submission must not look like the old one."""
    field = getattr(form, FIELD, None) if form is not None else None
    if field is not None:
        field.data = new_token()
        field.raw_data = []
