"""Pairs and groups (4.6–4.8, 4.14): formed from the bases, changed only by their papers."""
from flask import Blueprint

bp = Blueprint("pairs", __name__, url_prefix="/pairs")
