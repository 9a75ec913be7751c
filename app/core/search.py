"""Case-insensitive search that behaves the same on SQLite and PostgreSQL.

SQLite's lower() and LIKE fold only ASCII letters, so "иванов" would not find "Иванов". Records
that are searched by name keep a ``search_name`` column filled from ``search_key()`` in Python,
and the search pattern is folded the same way.
"""
import re


def search_key(*parts):
    """Lower case, ё as е, single spaces: "Семёнов  Пётр" -> "семенов петр"."""
    text = " ".join(part for part in parts if part)
    return re.sub(r"\s+", " ", text.lower().replace("ё", "е")).strip()


def contains_pattern(query):
    """A LIKE pattern (escape character "\\") matching ``query`` anywhere in a search key."""
    key = search_key(query)
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
