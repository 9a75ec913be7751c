"""Sortable lists: ``?sort=name`` or ``?sort=-name``, only among the columns a page offers."""


def apply_sort(query, requested, columns, default, tiebreaker):
    """Order ``query`` by the requested key (a "-" prefix means descending); unknown keys use ``default``.

    ``columns`` maps a key to a tuple of columns; ``tiebreaker`` (the id) keeps pages stable.
    Returns the query and the key actually applied, for the page's header links.
    """
    key = requested if (requested or "").lstrip("-") in columns else default
    descending = key.startswith("-")
    ordering = [column.desc() if descending else column.asc() for column in columns[key.lstrip("-")]]
    return query.order_by(*ordering, tiebreaker.desc() if descending else tiebreaker.asc()), key
