"""Paged, filtered lists: one helper so every list page counts and pages the same way."""
from flask import current_app, request

from app.extensions import db


def paginate(select_stmt, per_page=None):
    """Page a SELECT with the ``page`` query argument; the total is one COUNT query."""
    per_page = per_page or current_app.config["ITEMS_PER_PAGE"]
    page = request.args.get("page", 1, type=int)
    return db.paginate(select_stmt, page=max(page, 1), per_page=per_page, error_out=False)
