"""Pairs and groups (4.6–4.8, 4.14): formed from the bases, changed only by their papers."""
from flask import Blueprint

bp = Blueprint("pairs", __name__, url_prefix="/pairs")

from app.pairs import plan_setup  # noqa: E402,F401  (individual plans and meetings: issue 13, part B)
