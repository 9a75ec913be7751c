"""Where each candidate of a year stands, stages 3 and 4 (4.12, 4.13): for the secretary, the director, the curator
and the members of the year's commission."""
from flask import abort, render_template, request
from flask_login import current_user

from app.core.pagination import ListPage
from app.core.permissions import role_required
from app.programs.services import all_forms, years_newest_first
from app.selection import bp
from app.selection.progress import ProgressFilters, Stage, may_follow, progress_page
from app.selection.routes.commission import VIEWERS, year_from_args

PER_PAGE = 50


@bp.route("/selection/progress")
@role_required(*VIEWERS)
def progress():
    year = year_from_args()
    if not may_follow(current_user, year):
        abort(403)
    filters = ProgressFilters.from_args(request.args)
    number = request.args.get("page", 1, type=int)
    page = progress_page(year, filters, number, PER_PAGE) if year else ListPage.of([], number, PER_PAGE)
    return render_template(
        "selection/progress.html", year=year, filters=filters, page=page,
        year_options=[(y.id, y.title) for y in years_newest_first()],
        stage_options=[(stage.value, stage.label) for stage in Stage],
        form_options=[(form.id, form.name) for form in all_forms()],
        candidacy_options=[("mentor", "в наставники"), ("curator", "в кураторы")])
