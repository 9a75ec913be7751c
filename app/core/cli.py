"""`flask --app wsgi storage check`: are the stored files all there and unchanged?"""
import click
from flask.cli import AppGroup

from app.core.storage import UNCOMMITTED_GRACE, check_storage, remove_orphans

storage_cli = AppGroup("storage", help="Хранилище файлов (сканы, выпущенные документы, шаблоны).")


@storage_cli.command("check")
@click.option("--repair", is_flag=True, help="Удалить файлы без записи в базе (после списка).")
def storage_check_command(repair):
    """Re-hash every stored file; report missing, altered and orphaned files (exit 1 if any); --repair removes
    the orphans after listing them."""
    report = check_storage()
    click.echo(f"Проверено файлов: {report.checked}")
    for title, items in (("Нет файла", report.missing), ("Файл изменён (SHA-256 не совпадает)", report.altered),
                         ("Файл без записи в базе", report.orphaned),
                         ("Загрузка идёт сейчас", report.in_progress)):
        if items:
            click.echo(f"{title}: {len(items)}")
            for item in items:
                click.echo(f"  {item}")
    if repair and report.orphaned:
        removed = remove_orphans(report)
        click.echo(f"Удалено файлов без записи в базе: {len(removed)}")
        kept = sorted(set(report.orphaned) - set(removed))
        if kept:
            click.echo(f"Оставлены (моложе {UNCOMMITTED_GRACE} с или уже пишутся): {', '.join(kept)}")
        report.orphaned = kept
    if not report.ok:
        raise SystemExit(1)
    click.echo("Все файлы на месте и не изменены.")
