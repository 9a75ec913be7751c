"""Pairs and groups: the list, forming a pair or a group, a pairing's page and its actions (the orders of 4.7 and 4.8,
a group's agreements and new members, completion)."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from app.bases import gates
from app.bases.models import MenteeParticipation, MenteeStatus, MentorParticipation, MentorStatus
from app.core.actions import perform
from app.core.formatting import local_today, ru_date
from app.core.pagination import paginate
from app.core.permissions import get_for_user_or_403, role_required
from app.documents.services import issue_document
from app.extensions import db
from app.pairs import bp, changes, services
from app.pairs.models import MANAGE_ROLES, READ_ROLES, Pairing, PairingAgreement, PairingKind, PairingState
from app.pairs.prefill import agreement_subjects, agreement_values
from app.pairs.queries import PairingFilters, pairing_query
from app.people.models import Person
from app.programs.models import ProgramYear
from app.programs.services import all_forms, current_year, years_newest_first
from forms.base import ConfirmForm, choices
from forms.pairs import CompleteForm, EndEarlyForm, ExtendForm, GroupForm, MemberForm, PairForm, ReplaceForm

REQUEST_KINDS = ("mentor_step_down_request", "mentee_mentor_change_request")


@bp.route("/")
@role_required(*READ_ROLES)
def pairing_list():
    filters = PairingFilters.from_args(request.args, current_year())
    return render_template("pairs/pairing_list.html", page=paginate(pairing_query(filters)), filters=filters,
                           year_options=[(y.id, y.title) for y in years_newest_first()],
                           form_options=[(f.id, f.name) for f in all_forms()],
                           kind_options=[(k.value, k.label) for k in PairingKind],
                           state_options=[(s.value, s.label) for s in PairingState])


# --- forming ---------------------------------------------------------------------------------------------

def _year():
    chosen = request.args.get("year", type=int)
    year = db.session.get(ProgramYear, chosen) if chosen else current_year()
    if year is None or not year.is_open:
        return None
    return year


def _registered_mentors(year):
    return db.session.scalars(
        select(MentorParticipation).join(MentorParticipation.person)
        .where(MentorParticipation.program_year_id == year.id, MentorParticipation.status == MentorStatus.REGISTERED)
        .order_by(Person.search_name)).all()


def _waiting_mentees(year):
    return db.session.scalars(
        select(MenteeParticipation).join(MenteeParticipation.person)
        .where(MenteeParticipation.program_year_id == year.id, MenteeParticipation.status == MenteeStatus.WAITING)
        .order_by(Person.search_name)).all()


def _mentor_label(mentor, withdrawn):
    consent = withdrawn.get(mentor.person_id)
    flag = f" — согласие отозвано {ru_date(consent.withdrawn_on)}" if consent is not None else ""
    return f"{mentor.person.full_name}{flag} — {mentor.mentorship_form.name}, {mentor.person.place_of_work_or_study}"


def _mentee_label(mentee):
    form = f", форма «{mentee.mentorship_form.name}»" if mentee.mentorship_form else ""
    return f"{mentee.person.full_name} — {mentee.category.label}{form}"


@bp.route("/new", methods=["GET", "POST"])
@role_required(*MANAGE_ROLES)
def pairing_new():
    """Form a pair (``kind=pair``) or a group (``kind=group``) of an open year."""
    kind = request.args.get("kind", "pair")
    if kind not in ("pair", "group"):
        abort(404)
    year = _year()
    if year is None:
        flash("Пары формируются в идущем учебном году: откройте его на странице «Учебные годы».", "warning")
        return redirect(url_for("pairs.pairing_list"))
    mentors, mentees = _registered_mentors(year), _waiting_mentees(year)
    withdrawn = gates.kept_out({mentor.person_id for mentor in mentors})
    form = PairForm() if kind == "pair" else GroupForm()
    form.mentor.choices = choices((m.id, _mentor_label(m, withdrawn)) for m in mentors)
    mentee_choices = choices((m.id, _mentee_label(m)) for m in mentees)
    if kind == "pair":
        form.mentee.choices = mentee_choices
    else:
        form.mentees.choices = mentee_choices
    if request.method == "GET":
        today = local_today()
        form.starts_on.data = max(today, year.start_date) if today <= year.end_date else year.start_date
        form.planned_end_on.data = year.end_date
        chosen = request.args.get("mentee", type=int)
        if kind == "pair" and chosen:
            form.mentee.data = str(chosen)
            mentee = next((m for m in mentees if m.id == chosen), None)
            if mentee is not None:
                form.starts_on.data = max(form.starts_on.data, mentee.entry_date)
    if form.validate_on_submit():
        mentor = next(m for m in mentors if str(m.id) == form.mentor.data)
        if kind == "pair":
            mentee = next(m for m in mentees if str(m.id) == form.mentee.data)
            result = perform(lambda: services.form_pair(mentee, mentor, starts_on=form.starts_on.data,
                                                        planned_end_on=form.planned_end_on.data),
                             lambda pairing: f"Пара сформирована: {pairing.title}.", form)
        else:
            chosen = [m for m in mentees if str(m.id) in form.mentees.data]
            result = perform(lambda: services.form_group(mentor, chosen, starts_on=form.starts_on.data,
                                                         planned_end_on=form.planned_end_on.data),
                             lambda pairing: f"Группа сформирована: {pairing.title}. Распечатайте согласия "
                                             "участников на групповую форму работы (п. 4.6).", form)
        if result:
            return redirect(url_for("pairs.pairing_view", pairing_id=result.id))
    return render_template("pairs/pairing_new.html", form=form, kind=kind, year=year, withdrawn=withdrawn,
                           mentors=mentors, years=[y for y in years_newest_first() if y.is_open])


# --- a pairing ------------------------------------------------------------------------------------------

@bp.route("/<int:pairing_id>")
@role_required(*READ_ROLES)
def pairing_view(pairing_id):
    pairing = get_for_user_or_403(Pairing, pairing_id, current_user)
    member_form = None
    if pairing.is_group and pairing.state.is_open and pairing.can(current_user, "manage"):
        member_form = MemberForm()
        member_form.mentee.choices = choices((m.id, _mentee_label(m)) for m in _waiting_mentees(pairing.program_year))
        member_form.joined_on.data = max(local_today(), pairing.starts_on)
    complete_form = CompleteForm()
    complete_form.on.data = min(local_today(), pairing.planned_end_on)
    documents = sorted({*pairing.linked_documents}, key=lambda d: (d.doc_date, d.id), reverse=True)
    return render_template("pairs/pairing_view.html", pairing=pairing, member_form=member_form,
                           complete_form=complete_form, documents=documents, confirm=ConfirmForm(),
                           manager=pairing.can(current_user, "manage") and pairing.program_year.is_open)


def _manageable(pairing_id):
    return get_for_user_or_403(Pairing, pairing_id, current_user, "manage")


def _back(pairing):
    return redirect(url_for("pairs.pairing_view", pairing_id=pairing.id))


@bp.route("/<int:pairing_id>/start", methods=["POST"])
@role_required(*MANAGE_ROLES)
def pairing_start(pairing_id):
    pairing = _manageable(pairing_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        perform(lambda: services.start_group(pairing), "Группа начала работу: согласия подписаны.", once=form)
    return _back(pairing)


@bp.route("/<int:pairing_id>/complete", methods=["POST"])
@role_required(*MANAGE_ROLES)
def pairing_complete(pairing_id):
    pairing = _manageable(pairing_id)
    form = CompleteForm()
    if form.validate_on_submit():
        perform(lambda: services.complete(pairing, on=form.on.data),
                "Отмечено завершение: наставляемые прошли программу.", once=form)
    else:
        flash("Укажите дату завершения.", "danger")
    return _back(pairing)


@bp.route("/<int:pairing_id>/undo", methods=["POST"])
@role_required(*MANAGE_ROLES)
def pairing_undo(pairing_id):
    pairing = _manageable(pairing_id)
    form = ConfirmForm()
    if form.validate_on_submit() and perform(lambda: services.undo(pairing),
                                             "Пара удалена: наставляемые снова ожидают наставника.", once=form):
        return redirect(url_for("pairs.pairing_list"))
    return _back(pairing)


@bp.route("/<int:pairing_id>/members", methods=["POST"])
@role_required(*MANAGE_ROLES)
def pairing_add_member(pairing_id):
    pairing = _manageable(pairing_id)
    form = MemberForm()
    mentees = _waiting_mentees(pairing.program_year)
    form.mentee.choices = choices((m.id, _mentee_label(m)) for m in mentees)
    if form.validate_on_submit():
        mentee = next(m for m in mentees if str(m.id) == form.mentee.data)
        perform(lambda: services.add_member(pairing, mentee, joined_on=form.joined_on.data),
                f"{mentee.person.full_name} в группе; распечатайте согласие на групповую форму работы.", once=form)
    else:
        flash("Выберите наставляемого и дату вступления.", "danger")
    return _back(pairing)


@bp.route("/<int:pairing_id>/agreements/<int:agreement_id>/print", methods=["POST"])
@role_required(*MANAGE_ROLES)
def agreement_print(pairing_id, agreement_id):
    """4.6: print one participant's agreement to group work; its signed scan is filed like every paper."""
    pairing = _manageable(pairing_id)
    agreement = db.session.get(PairingAgreement, agreement_id)
    if agreement is None or agreement.pairing_id != pairing.id:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        values = {"doc_date": local_today(), **agreement_values(agreement)}
        perform(lambda: issue_document("group_work_agreement", values, current_user,
                                       subjects=agreement_subjects(agreement)),
                f"Согласие распечатано ({agreement.person.short_name}): загрузите скан подписанного.", once=form)
    return _back(pairing)


# --- the orders (4.7, 4.8) --------------------------------------------------------------------------------

ORDER_MESSAGE = ("Приказ выпущен: пара изменена.", "Проект приказа подготовлен: секретарь выпускает его в реестре "
                 "документов, и тогда пара изменится.")


def _order_done(document):
    return ORDER_MESSAGE[0] if document.status == "issued" else ORDER_MESSAGE[1]


def _member(pairing):
    """``?member=``: the one mentee of a group the order concerns (4.6–4.8); none: the pair or the whole group."""
    member_id = request.args.get("member", type=int)
    if member_id is None:
        return None
    member = next((m for m in pairing.current_members if m.id == member_id), None)
    if member is None or not pairing.is_group:
        abort(404)
    return member


def _order_page(pairing_id, form_class, kind_code, title, prepare, fill=None):
    pairing = _manageable(pairing_id)
    member = _member(pairing)
    form = form_class()
    if fill is not None:
        fill(pairing, form, member)
    if request.method == "GET":
        form.doc_date.data = local_today()
    if form.validate_on_submit():
        document = perform(lambda: prepare(pairing, form, member), _order_done, form)
        if document:
            return _back(pairing)
    if member is not None:
        title = f"{title}: {member.mentee.person.full_name}, наставляемый группы"
    elif pairing.is_group:
        title = f"{title}: вся группа"
    return render_template("pairs/order_form.html", form=form, pairing=pairing, title=title, kind_code=kind_code,
                           member=member)


@bp.route("/<int:pairing_id>/extend", methods=["GET", "POST"])
@role_required(*MANAGE_ROLES)
def pairing_extend(pairing_id):
    def fill(pairing, form, member):
        form.absence_reason.choices = choices(changes.EXTENSION_REASONS)
        form.absent_party.choices = choices(changes.ABSENT_PARTIES)

    def prepare(pairing, form, member):
        values = {**changes.pair_values(pairing, member), "doc_date": form.doc_date.data,
                  "new_end": form.new_end.data, "absence_reason": form.absence_reason.data,
                  "absent_party": form.absent_party.data, "reason_details": form.reason_details.data}
        return changes.prepare_order(changes.EXTEND, pairing, values, current_user, member=member)
    return _order_page(pairing_id, ExtendForm, changes.EXTEND, "Продление срока наставничества (п. 4.7)", prepare,
                       fill)


@bp.route("/<int:pairing_id>/end-early", methods=["GET", "POST"])
@role_required(*MANAGE_ROLES)
def pairing_end_early(pairing_id):
    def prepare(pairing, form, member):
        values = {**changes.pair_values(pairing, member), "doc_date": form.doc_date.data,
                  "end_date": form.end_date.data, "reason": form.reason.data,
                  "mentor_agreed_on": form.mentor_agreed_on.data, "curator_agreed_on": form.curator_agreed_on.data}
        return changes.prepare_order(changes.END_EARLY, pairing, values, current_user, member=member)
    return _order_page(pairing_id, EndEarlyForm, changes.END_EARLY, "Досрочное завершение наставничества (п. 4.7)",
                       prepare)


@bp.route("/<int:pairing_id>/replace", methods=["GET", "POST"])
@role_required(*MANAGE_ROLES)
def pairing_replace(pairing_id):
    mentors = []

    def fill(pairing, form, member):
        mentors.extend(m for m in _registered_mentors(pairing.program_year)
                       if m.id != pairing.mentor_id and m.mentorship_form_id == pairing.mentorship_form_id)
        withdrawn = gates.kept_out({mentor.person_id for mentor in mentors})
        form.new_mentor.choices = choices((m.id, _mentor_label(m, withdrawn)) for m in mentors)
        form.reason.choices = choices(changes.REPLACEMENT_REASONS)
        request_document = _latest_request(pairing)
        if request.method == "GET" and request_document is not None:
            form.reason.data = changes.REQUEST_REASON
            title = request_document.kind_spec.title.lower()
            form.reason_details.data = f"{title} от {ru_date(request_document.doc_date)}"

    def prepare(pairing, form, member):
        new_mentor = next(m for m in mentors if str(m.id) == form.new_mentor.data)
        values = {**changes.replacement_values(pairing, new_mentor, member), "doc_date": form.doc_date.data,
                  "reason": form.reason.data, "reason_details": form.reason_details.data or ""}
        return changes.prepare_order(changes.REPLACE, pairing, values, current_user, new_mentor=new_mentor,
                                     member=member)
    return _order_page(pairing_id, ReplaceForm, changes.REPLACE, "Замена наставника (п. 4.8)", prepare, fill)


def _latest_request(pairing):
    """The mentor's request to step down (6.2) or the mentee's request for another mentor (7.2), if printed."""
    requests = [d for d in pairing.linked_documents if d.kind in REQUEST_KINDS and d.status != "cancelled"]
    return max(requests, key=lambda d: (d.doc_date, d.id)) if requests else None
