"""Login, logout, own password; the administrator's pages for accounts and roles."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select

from app.accounts import bp, services
from app.accounts.models import User, UserRole
from app.audit import services as audit
from app.core.actions import perform
from app.core.pagination import paginate
from app.core.permissions import get_or_404, role_required
from app.core.roles import Role
from app.core.search import contains_pattern
from app.core.security import safe_next_url
from app.extensions import db, limiter
from forms.accounts import EditUserForm, LoginForm, NewUserForm, OwnPasswordForm, ResetPasswordForm
from forms.base import ConfirmForm

GENERIC_LOGIN_ERROR = "Неверный адрес электронной почты или пароль."


def _login_rate():
    return current_app.config["LOGIN_RATE_LIMIT"]


def _account_key():
    """Count attempts per account as well as per address (a spray from many addresses)."""
    return "account:" + services.normalise_email(request.form.get("email"))


def _on_login_throttled(limit):
    audit.record("login_throttled", details={"email": services.normalise_email(request.form.get("email"))[:254],
                                             "limit": str(limit.limit)})
    db.session.commit()


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_rate, methods=["POST"], on_breach=_on_login_throttled)
@limiter.limit(_login_rate, methods=["POST"], key_func=_account_key, on_breach=_on_login_throttled)
def login():
    next_url = safe_next_url(request.values.get("next"))
    if current_user.is_authenticated:
        return redirect(next_url or url_for("main.index"))
    form = LoginForm(next=next_url or "")
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None:
            services.record_failed_login(form.email.data, reason="credentials")
            db.session.commit()
            flash(GENERIC_LOGIN_ERROR, "danger")
            return render_template("accounts/login.html", form=form), 200
        login_user(user, remember=form.remember.data)
        services.record_login(user)
        db.session.commit()
        return redirect(safe_next_url(form.next.data) or url_for("main.index"))
    return render_template("accounts/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    if ConfirmForm().validate_on_submit():
        services.log_out(current_user._get_current_object())
        db.session.commit()
        logout_user()
        flash("Вы вышли из системы.", "info")
    return redirect(url_for("accounts.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def own_password():
    form = OwnPasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        if perform(lambda: services.change_own_password(user, current_password=form.current_password.data,
                                                        new_password=form.new_password.data),
                   "Пароль изменён. На других компьютерах нужно войти заново.", form):
            login_user(user)  # the new session version: other sessions end, this one stays
            return redirect(url_for("main.index"))
    return render_template("accounts/own_password.html", form=form)


@bp.route("/admin/users")
@role_required(Role.ADMIN)
def user_list():
    query = select(User).order_by(User.last_name, User.first_name)
    search = request.args.get("q", "").strip()
    if search:
        query = query.where(User.search_name.like(contains_pattern(search), escape="\\"))
    role = request.args.get("role", "")
    if role in {r.value for r in Role}:
        query = query.where(User.role_rows.any(UserRole.role == Role(role)))
    status = request.args.get("status", "")
    if status == "active":
        query = query.where(User.active.is_(True))
    elif status == "inactive":
        query = query.where(User.active.is_(False))
    page = paginate(query)
    return render_template("accounts/user_list.html", page=page, roles=list(Role), search=search,
                           role=role, status=status)


@bp.route("/admin/users/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def user_new():
    form = NewUserForm()
    if form.validate_on_submit() and perform(lambda: services.create_user(
            email=form.email.data, last_name=form.last_name.data, first_name=form.first_name.data,
            middle_name=form.middle_name.data, position=form.position.data, roles=form.roles.data,
            password=form.password.data or None), _created_message(bool(form.password.data)), form):
        return redirect(url_for("accounts.user_list"))
    return render_template("accounts/user_form.html", form=form, user=None)


def _created_message(password_typed):
    def message(result):
        user, password = result
        if password_typed:
            return f"Учётная запись {user.email} создана."
        return (f"Учётная запись создана. Пароль для {user.email}: {password} — передайте его пользователю, "
                "больше он показан не будет.")
    return message


@bp.route("/admin/users/<int:user_id>/edit", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def user_edit(user_id):
    user = get_or_404(User, user_id)
    form = EditUserForm(obj=user)
    people = services.people_to_link(user)
    form.set_people(people)
    if request.method == "GET":
        form.roles.data = sorted(role.value for role in user.roles)
        form.person.data = str(user.person_id or "")
    if form.validate_on_submit():
        person = next((p for p in people if str(p.id) == form.person.data), None)
        if perform(lambda: _update(user, form, person), "Изменения сохранены.", form):
            return redirect(url_for("accounts.user_list"))
        user = get_or_404(User, user_id)
    return render_template("accounts/user_form.html", form=form, user=user, confirm=ConfirmForm(),
                           password_form=ResetPasswordForm())


def _update(user, form, person):
    services.update_user(user, email=form.email.data, last_name=form.last_name.data, first_name=form.first_name.data,
                         middle_name=form.middle_name.data, position=form.position.data, roles=form.roles.data)
    services.link_person(user, person)


@bp.route("/admin/users/<int:user_id>/deactivate", methods=["POST"])
@role_required(Role.ADMIN)
def user_deactivate(user_id):
    user = get_or_404(User, user_id)
    if ConfirmForm().validate_on_submit():
        perform(lambda: services.deactivate_user(user), f"Учётная запись {user.email} отключена.")
    return redirect(url_for("accounts.user_edit", user_id=user_id))


@bp.route("/admin/users/<int:user_id>/activate", methods=["POST"])
@role_required(Role.ADMIN)
def user_activate(user_id):
    user = get_or_404(User, user_id)
    if ConfirmForm().validate_on_submit():
        perform(lambda: services.activate_user(user), f"Учётная запись {user.email} включена.")
    return redirect(url_for("accounts.user_edit", user_id=user_id))


@bp.route("/admin/users/<int:user_id>/password", methods=["POST"])
@role_required(Role.ADMIN)
def user_password(user_id):
    user = get_or_404(User, user_id)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        typed = bool(form.password.data)
        perform(lambda: services.reset_password(user, form.password.data or None),
                lambda password: f"Пароль для {user.email} изменён." if typed else
                f"Новый пароль для {user.email}: {password} — передайте его пользователю, больше он показан не будет.")
    return redirect(url_for("accounts.user_edit", user_id=user_id))
