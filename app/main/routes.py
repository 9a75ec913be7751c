"""The start page shows each role where its work is; /healthz tells a monitor the database answers."""
from flask import jsonify, render_template
from flask_login import current_user, login_required
from sqlalchemy import text

from app.core.navigation import navigation_for
from app.extensions import db
from app.main import bp


@bp.route("/")
@login_required
def index():
    return render_template("main/index.html", sections=navigation_for(current_user))


@bp.route("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any failure means the database is not usable
        db.session.rollback()
        return jsonify(status="error", database="unavailable", detail=type(error).__name__), 503
    return jsonify(status="ok", database="ok", dialect=db.engine.dialect.name)
