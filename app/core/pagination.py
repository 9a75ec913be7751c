"""Paged, filtered lists: one helper so every list page counts and pages the same way."""
from dataclasses import dataclass
from math import ceil

from flask import current_app, request

from app.extensions import db


def paginate(select_stmt, per_page=None):
    """Page a SELECT with the ``page`` query argument; the total is one COUNT query."""
    per_page = per_page or current_app.config["ITEMS_PER_PAGE"]
    page = request.args.get("page", 1, type=int)
    return db.paginate(select_stmt, page=max(page, 1), per_page=per_page, error_out=False)


@dataclass
class ListPage:
    """A page of a list built in Python, shaped like SQLAlchemy's pagination for the ``pager`` macro."""

    items: list
    page: int
    per_page: int
    total: int

    @classmethod
    def of(cls, rows, page, per_page):
        page = max(page, 1)
        return cls(rows[(page - 1) * per_page: page * per_page], page, per_page, len(rows))

    @property
    def pages(self):
        return max(ceil(self.total / self.per_page), 1)

    def iter_pages(self, left_edge=1, right_edge=1, left_current=2, right_current=3):
        last = 0
        for number in range(1, self.pages + 1):
            if (number <= left_edge or number > self.pages - right_edge
                    or self.page - left_current <= number <= self.page + right_current):
                if last + 1 != number:
                    yield None
                yield number
                last = number
