"""The accounts, as the domains below ``app.accounts`` name them: the audit log (who acted) and the document register
(who issued) keep an account's id; ``app.accounts`` registers its directory here when it is imported."""
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import false, or_


@dataclass(frozen=True)
class Directory:
    #: ``search(text)`` -> a select of the ids of the accounts whose e-mail or surname contains ``text``.
    search: Callable
    #: ``named(ids)`` -> the accounts among ``ids`` (a select of ids), in the order of their names.
    named: Callable


_DIRECTORIES: list[Directory] = []


def register_directory(directory: Directory):
    _DIRECTORIES.append(directory)
    return directory


def actor_matches(column, text):
    """A condition on an account id ``column``: the account is one a search for ``text`` finds."""
    return or_(false(), *(column.in_(directory.search(text)) for directory in _DIRECTORIES))


def accounts_named(ids):
    """The accounts among ``ids``, by name; none before a directory is registered."""
    return [account for directory in _DIRECTORIES for account in directory.named(ids)]
