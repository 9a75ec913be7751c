"""Agreements on mentorship (Приложение 2): entry as a draft, its page, printing by the secretary, termination."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.core.actions import perform
from app.core.formatting import local_today
from app.core.permissions import get_for_user_or_403, role_required
from app.partners import agreements, bp
from app.partners.models import Agreement, PartnerOrganisation
from app.people.access import EDIT_ROLES, ISSUE_ROLES, READ_ROLES
from forms.base import ConfirmForm
from forms.papers import UploadForm
from forms.partners import AgreementForm, TerminateForm


@bp.route("/<int:partner_id>/agreements/new", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def agreement_new(partner_id):
    partner = get_for_user_or_403(PartnerOrganisation, partner_id, current_user, "edit")
    form = AgreementForm(data=agreements.default_values(partner) if request.method == "GET" else None)
    if form.validate_on_submit():
        agreement = perform(lambda: agreements.create_agreement(partner, current_user, **form.values()),
                            "Проект соглашения сохранён в реестре документов: проверьте его и передайте секретарю "
                            "для печати с номером.", form)
        if agreement:
            return redirect(url_for("partners.agreement_view", agreement_id=agreement.id))
    return render_template("partners/agreement_form.html", form=form, partner=partner, agreement=None)


@bp.route("/agreements/<int:agreement_id>")
@role_required(*READ_ROLES)
def agreement_view(agreement_id):
    agreement = get_for_user_or_403(Agreement, agreement_id, current_user)
    return render_template("partners/agreement_view.html", agreement=agreement, today=local_today(),
                           upload_form=UploadForm(), terminate_form=TerminateForm(on=local_today()),
                           confirm=ConfirmForm())


@bp.route("/agreements/<int:agreement_id>/edit", methods=["GET", "POST"])
@role_required(*EDIT_ROLES)
def agreement_edit(agreement_id):
    agreement = get_for_user_or_403(Agreement, agreement_id, current_user, "edit")
    form = AgreementForm(obj=agreement)
    if request.method == "GET":
        form.signatory_gender.data = str(agreement.signatory_gender)
        for name, value in agreements.college_signatory_values(agreement).items():
            form[name].data = value  # an agreement entered before it was recorded starts from the director
    if form.validate_on_submit() and perform(
            lambda: agreements.update_agreement(agreement, current_user, **form.values()), "Проект соглашения изменён.",
            form):
        return redirect(url_for("partners.agreement_view", agreement_id=agreement.id))
    return render_template("partners/agreement_form.html", form=form, partner=agreement.partner, agreement=agreement)


@bp.route("/agreements/<int:agreement_id>/print", methods=["POST"])
@role_required(*ISSUE_ROLES)
def agreement_print(agreement_id):
    agreement = get_for_user_or_403(Agreement, agreement_id, current_user, "issue")
    if ConfirmForm().validate_on_submit():
        perform(lambda: agreements.print_agreement(agreement, current_user),
                lambda document: f"Соглашение № {document.number_text} распечатано: после подписания загрузите скан.")
    return redirect(url_for("partners.agreement_view", agreement_id=agreement_id))


@bp.route("/agreements/<int:agreement_id>/terminate", methods=["POST"])
@role_required(*EDIT_ROLES)
def agreement_terminate(agreement_id):
    agreement = get_for_user_or_403(Agreement, agreement_id, current_user, "edit")
    form = TerminateForm()
    if form.validate_on_submit():
        perform(lambda: agreements.terminate_agreement(agreement, current_user, on=form.on.data,
                                                       reason=form.reason.data),
                "Расторжение отмечено: сотрудники партнёра не включаются в новые пары.")
    else:
        flash("Укажите дату и основание расторжения.", "danger")
    return redirect(url_for("partners.agreement_view", agreement_id=agreement_id))
