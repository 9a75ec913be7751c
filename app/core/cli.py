"""`flask --app wsgi storage check`: are the stored files all there and unchanged?"""
import click
from flask.cli import AppGroup

from app.core.backup import BackupError, create_backup, restore_backup
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


backup_cli = AppGroup("backup", help="Резервная копия: база данных, все файлы и опись в одном архиве.")


@backup_cli.command("create")
@click.argument("path", type=click.Path(dir_okay=False))
def backup_create_command(path):
    """Write the database, every stored file and their manifest (SHA-256, row counts) to PATH."""
    try:
        manifest = create_backup(path)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Резервная копия записана: {path}. Таблиц: {len(manifest['tables'])}, строк: "
               f"{sum(manifest['tables'].values())}, файлов: {len(manifest['files'])}.")


@backup_cli.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def backup_restore_command(path):
    """Restore PATH into this empty instance and check every file and table against the manifest."""
    try:
        manifest = restore_backup(path)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Восстановлено из копии от {manifest['created_at']}: таблиц {len(manifest['tables'])}, строк "
               f"{sum(manifest['tables'].values())}, файлов {len(manifest['files'])}; всё сверено с описью.")
