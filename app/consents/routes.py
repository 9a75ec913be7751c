"""The papers of 4.11: print one from the cards (a form, or one click from the checklist), its page, withdrawal."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.consents import bp, services
from app.consents.models import Consent, ConsentKind, ParticipantRole
from app.core.actions import perform
from app.core.formatting import local_today
from app.core.permissions import get_for_user_or_403, get_or_404, role_required
from app.core.security import safe_next_url
from app.people.access import EDIT_ROLES, PRINT_ROLES, READ_ROLES
from app.people.models import Person
from app.programs.models import ProgramYear
from forms.consents import ConsentForm, WithdrawConsentForm
from forms.papers import QuickPrintForm, UploadForm


@bp.route("/new", methods=["GET", "POST"])
@role_required(*PRINT_ROLES)
def consent_new():
    person, kind, year, role = _paper_args()
    form = ConsentForm()
    roles = [ParticipantRole.MENTEE] if kind == ConsentKind.MENTEE_APPLICATION else list(ParticipantRole)
    form.set_choices(roles, person.representatives)
    if not kind.by_representative:
        del form.representative
    if kind not in (ConsentKind.PERSONAL_DATA, ConsentKind.PERSONAL_DATA_PARENT):
        del form.address, form.id_document
    if request.method == "GET":
        form.given_on.data, form.role.data = local_today(), role.value
    if form.validate_on_submit():
        consent = perform(lambda: services.print_consent(
            kind, person, current_user, role=form.role.data, year=year,
            representative=_representative(person, form.representative.data if "representative" in form else None),
            on=form.given_on.data, address=_text(form, "address"), id_document=_text(form, "id_document")),
            lambda consent: f"{consent.title}: документ готов. Скачайте DOCX, дайте подписать и загрузите скан.", form)
        if consent:
            return redirect(url_for("consents.consent_view", consent_id=consent.id))
    return render_template("consents/consent_form.html", form=form, person=person, kind=kind, year=year)


@bp.route("/quick", methods=["POST"])
@role_required(*PRINT_ROLES)
def consent_quick():
    """The checklist's one click: dated today, signed by the first representative; blanks are filled by hand."""
    person, kind, year, role = _paper_args()
    form = QuickPrintForm()
    back = safe_next_url(form.next.data) or url_for("people.person_view", person_id=person.id)
    if form.validate_on_submit():
        representative = person.representatives[0] if kind.by_representative and person.representatives else None
        perform(lambda: services.print_consent(kind, person, current_user, role=role, year=year,
                                               representative=representative),
                lambda consent: f"{consent.title}: документ готов — скачайте DOCX в перечне документов.", once=form)
    return redirect(back)


@bp.route("/<int:consent_id>")
@role_required(*READ_ROLES)
def consent_view(consent_id):
    consent = get_for_user_or_403(Consent, consent_id, current_user)
    return render_template("consents/consent_view.html", consent=consent, upload_form=UploadForm(),
                           withdraw_form=WithdrawConsentForm(on=local_today()))


@bp.route("/<int:consent_id>/withdraw", methods=["POST"])
@role_required(*EDIT_ROLES)
def consent_withdraw(consent_id):
    consent = get_for_user_or_403(Consent, consent_id, current_user, "edit")
    form = WithdrawConsentForm()
    if form.validate_on_submit():
        perform(lambda: services.withdraw_consent(consent, current_user, on=form.on.data, note=form.note.data),
                "Отзыв согласия отмечен: участник не включается в новые пары и отмечен в списках.")
    else:
        flash("Укажите дату отзыва согласия.", "danger")
    return redirect(url_for("consents.consent_view", consent_id=consent_id))


def _paper_args():
    """The person, kind, year and role a paper is printed for, from the query string."""
    person = get_for_user_or_403(Person, request.args.get("person_id", type=int) or abort(404), current_user,
                                 "print")
    try:
        kind = ConsentKind(request.args.get("kind", ""))
        role = ParticipantRole(request.args.get("role", ParticipantRole.MENTEE.value))
    except ValueError:
        abort(404)
    year_id = request.args.get("year_id", type=int)
    year = get_or_404(ProgramYear, year_id) if year_id else None
    return person, kind, year, role


def _representative(person, chosen):
    return next((rep for rep in person.representatives if str(rep.id) == str(chosen)), None)


def _text(form, name):
    return form[name].data if name in form else None

