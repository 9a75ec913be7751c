"""`flask --app wsgi documents …`: the kinds as JSON, rendering from a JSON file, the PDF converter."""
import json
from pathlib import Path

import click

from app.core.errors import RuleError
from app.documents import bp
from app.documents.archives import purge_archives
from app.documents.context import build_context
from app.documents.converter import ConverterError
from app.documents.kinds import all_kinds, get_kind
from app.documents.kinds.common import COMMON_FIELDS
from app.documents.pdf import converter
from app.documents.services import render_version
from app.documents.template_store import active_template
from app.extensions import db


@bp.cli.command("kinds")
def kinds_command():
    """Print every document kind with its title and fields (an example value each) as JSON."""
    described = [kind.describe(COMMON_FIELDS) for kind in all_kinds()]
    click.echo(json.dumps(described, ensure_ascii=False, indent=2))


@bp.cli.command("render")
@click.argument("kind_code")
@click.option("--data", "data_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="JSON с полями документа (как в `documents kinds`).")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False), help="Куда записать .docx.")
@click.option("--pdf", "pdf_path", type=click.Path(dir_okay=False), help="Куда записать PDF (LibreOffice).")
@click.option("--number", default="", help="Номер, который напечатать (документ в реестр не вносится).")
def render_command(kind_code, data_path, out_path, pdf_path, number):
    """Fill KIND's active template from a JSON file; nothing is numbered or registered."""
    kind = get_kind(kind_code)
    if kind is None:
        raise click.ClickException(f"Нет вида документа «{kind_code}». Список: flask --app wsgi documents kinds")
    try:
        values = json.loads(Path(data_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise click.ClickException(f"Не удалось прочитать JSON {data_path}: {error}") from None
    try:
        template = active_template(kind)
        docx = render_version(kind, template, build_context(kind.clean(values), number_text=number))
        db.session.commit()  # the first use of a kind keeps its built-in template as version 1
    except RuleError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    Path(out_path).write_bytes(docx)
    click.echo(f"DOCX: {out_path} ({len(docx)} байт, шаблон: {template.label})")
    if pdf_path:
        try:
            pdf = converter().convert(docx)
        except ConverterError as error:
            raise click.ClickException(f"PDF не сформирован: {error}") from None
        Path(pdf_path).write_bytes(pdf)
        click.echo(f"PDF: {pdf_path} ({len(pdf)} байт)")


@bp.cli.group("converter")
def converter_group():
    """The warm LibreOffice (unoserver) that turns DOCX into PDF."""


@converter_group.command("start")
@click.option("--owner", type=int, default=None,
              help="Процесс, с которым конвертер завершится (make run передаёт свою оболочку); без него — до stop.")
def converter_start(owner):
    """Start the converter now (otherwise the first PDF starts it); with --owner it ends when that process ends."""
    try:
        server = converter().ensure_running(owner=owner)
    except ConverterError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Конвертер PDF работает: 127.0.0.1:{server['port']}, процесс {server['pid']}.")


@converter_group.command("status")
def converter_status():
    server = converter().status()
    if server is None:
        click.echo("Конвертер PDF не запущен (запустится при первом PDF).")
        raise SystemExit(1)
    click.echo(f"Конвертер PDF работает: 127.0.0.1:{server['port']}, процесс {server['pid']}.")


@converter_group.command("stop")
def converter_stop():
    """Stop the converter and its LibreOffice (the whole process group), then look for what is left of it."""
    pdf = converter()
    click.echo("Конвертер PDF остановлен." if pdf.stop() else "Конвертер PDF не был запущен.")
    left = pdf.processes()
    if left:
        raise click.ClickException(f"Остались процессы конвертера: {', '.join(map(str, left))}. Завершите их: "
                                   f"kill -9 {' '.join(map(str, left))}")
    click.echo("Процессов конвертера не осталось.")


@bp.cli.command("purge-archives")
@click.option("--days", default=7, show_default=True, help="Удалить ZIP-архивы старше стольких дней.")
def purge_archives_command(days):
    """Delete built ZIP archives older than DAYS (the documents themselves stay)."""
    click.echo(f"Удалено архивов: {purge_archives(days)}.")
