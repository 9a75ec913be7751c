"""Flask commands for administrators and scripts (`flask --app wsgi ...`)."""
import os
import sys

import click
from flask.cli import with_appcontext

from app.accounts import services as accounts
from app.core.errors import RuleError
from app.core.roles import Role
from app.extensions import db


def register_commands(app):
    from app.core.cli import backup_cli, storage_cli

    app.cli.add_command(storage_cli)
    app.cli.add_command(backup_cli)
    app.cli.add_command(create_user_command)
    app.cli.add_command(ensure_admin_command)
    app.cli.add_command(seed_demo_command)


def _read_password():
    """Prompt on a terminal; read one line from stdin when piped (scripts, CI)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Пароль", hide_input=True, confirmation_prompt="Пароль ещё раз")


@click.command("create-user")
@click.argument("email")
@click.option("--role", "roles", multiple=True, required=True, type=click.Choice([r.value for r in Role]),
              help="Роль; можно указать несколько раз.")
@click.option("--last-name", default="Пользователь", show_default=True)
@click.option("--first-name", default="Новый", show_default=True)
@click.option("--middle-name", default="")
@with_appcontext
def create_user_command(email, roles, last_name, first_name, middle_name):
    """Create an account; the password is prompted, or read from stdin when piped."""
    password = _read_password()
    try:
        user, _ = accounts.create_user(email=email, last_name=last_name, first_name=first_name,
                                       middle_name=middle_name, roles=roles, password=password)
    except RuleError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Создана учётная запись {user.email}: {', '.join(user.role_labels)}.")


@click.command("ensure-admin")
@with_appcontext
def ensure_admin_command():
    """Create an administrator if there is none (ADMIN_EMAIL / ADMIN_PASSWORD, or a random password)."""
    try:
        user, shown_password = accounts.ensure_admin(os.environ.get("ADMIN_EMAIL"),
                                                     os.environ.get("ADMIN_PASSWORD") or None)
    except RuleError as error:
        db.session.rollback()
        raise click.ClickException(f"ADMIN_PASSWORD: {error}") from None
    if user is None:
        return
    db.session.commit()
    click.echo(f"Создан администратор {user.email}.")
    if shown_password:
        click.echo("=" * 60)
        click.echo(f"  Пароль администратора: {shown_password}")
        click.echo("  Он показан один раз: сохраните его и смените после входа.")
        click.echo("=" * 60)


@click.command("seed-demo")
@click.option("--password", default="demo-parol-2026", show_default=True,
              help="Пароль всех демонстрационных учётных записей.")
@with_appcontext
def seed_demo_command(password):
    """Fill the database with a realistic demo college: accounts for every role and domain data."""
    from app.demo import existing_data, run_seeders

    found = existing_data()
    if found:
        what = ", ".join(f"{label}: {count}" for label, count in found)
        raise click.ClickException(
            f"В базе уже есть данные ({what}). Демонстрационный техникум загружается только в пустую базу, чтобы не "
            "смешать его с настоящими данными; ничего не изменено. Для демонстрации создайте отдельную базу "
            "(DATABASE_URL) и запустите команду для неё.")
    try:
        context = run_seeders(password)
    except RuleError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Демонстрационные учётные записи (пароль у всех: {password}):")
    for user in context.users.values():
        click.echo(f"  {user.email:<28} {', '.join(user.role_labels)}")
