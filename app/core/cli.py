"""`flask --app wsgi storage check`: are the stored files all there and unchanged?"""
import click
from flask.cli import AppGroup

from app.core.storage import check_storage

storage_cli = AppGroup("storage", help="Хранилище файлов (сканы, выпущенные документы, шаблоны).")


@storage_cli.command("check")
def storage_check_command():
    """Re-hash every stored file; report missing, altered and orphaned files (exit 1 if any)."""
    report = check_storage()
    click.echo(f"Проверено файлов: {report.checked}")
    for title, items in (("Нет файла", report.missing), ("Файл изменён (SHA-256 не совпадает)", report.altered),
                         ("Файл без записи в базе", report.orphaned)):
        if items:
            click.echo(f"{title}: {len(items)}")
            for item in items:
                click.echo(f"  {item}")
    if not report.ok:
        raise SystemExit(1)
    click.echo("Все файлы на месте и не изменены.")
