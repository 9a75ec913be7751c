"""Commands for administrators and scripts: create-user, ensure-admin, seed-demo."""
from app.accounts import services
from app.core.roles import Role
from app.extensions import db


def test_create_user_reads_password_from_stdin(runner):
    result = runner.invoke(args=["create-user", "Secretary@kmt.ru", "--role", "secretary", "--role", "staff",
                                 "--last-name", "Белова", "--first-name", "Ирина"], input="sekretar-2026\n")
    assert result.exit_code == 0, result.output
    assert "Создана учётная запись secretary@kmt.ru: сотрудник, секретарь." in result.output
    user = services.find_user_by_email("secretary@kmt.ru")
    assert user.roles == {Role.SECRETARY, Role.STAFF} and user.check_password("sekretar-2026")


def test_create_user_refuses_a_weak_password_and_bad_role(runner):
    result = runner.invoke(args=["create-user", "x@kmt.ru", "--role", "staff"], input="123\n")
    assert result.exit_code == 1 and "не менее 10 символов" in result.output
    result = runner.invoke(args=["create-user", "x@kmt.ru", "--role", "king"], input="dlinnyi-parol-1\n")
    assert result.exit_code == 2
    assert services.find_user_by_email("x@kmt.ru") is None


def test_ensure_admin_uses_the_environment(runner, monkeypatch):
    monkeypatch.setenv("ADMIN_EMAIL", "root@kmt.ru")
    monkeypatch.setenv("ADMIN_PASSWORD", "admin-parol-2026")
    result = runner.invoke(args=["ensure-admin"])
    assert result.exit_code == 0 and "Создан администратор root@kmt.ru." in result.output
    assert "Пароль администратора" not in result.output
    assert services.find_user_by_email("root@kmt.ru").check_password("admin-parol-2026")
    assert runner.invoke(args=["ensure-admin"]).output == ""


def test_ensure_admin_prints_a_random_password_once(runner, monkeypatch):
    monkeypatch.delenv("ADMIN_EMAIL", raising=False)
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    result = runner.invoke(args=["ensure-admin"])
    password = result.output.split("Пароль администратора: ")[1].split()[0]
    assert services.find_user_by_email("admin@example.org").check_password(password)
    assert runner.invoke(args=["ensure-admin"]).output == ""


def test_seed_demo_creates_an_account_for_every_role(demo_college, runner):
    result = demo_college.result  # `flask seed-demo --password demo-parol-2026`, run once per worker
    assert result.exit_code == 0, result.output
    held = set()
    for email in ["admin", "director", "curator", "secretary", "staff", "commission", "mentor"]:
        user = services.find_user_by_email(f"{email}@kmt.example")
        assert user.check_password("demo-parol-2026")
        held |= user.roles
    assert held == set(Role)
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code == 1 and "В базе уже есть данные (учётные записи, кроме администраторов: " in again.output
    assert "ничего не изменено" in again.output


def test_seed_demo_on_a_database_with_data_says_so_and_changes_nothing(runner, bases_world, make_user):
    """Real records (a person, a year) and the demo must not mix: the command names what is there and stops."""
    from sqlalchemy import func, select

    from app.audit.models import AuditEvent
    from app.people.models import Person

    make_user(Role.ADMIN)  # the administrator `make run` creates does not count
    bases_world.year()
    bases_world.person(last_name="Настоящий")
    before = (db.session.scalar(select(func.count()).select_from(Person)),
              db.session.scalar(select(func.count()).select_from(AuditEvent)))
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 1
    assert "В базе уже есть данные (люди: 1, учебные годы: 1)." in " ".join(result.output.split())
    assert services.find_user_by_email("curator@kmt.example") is None
    assert (db.session.scalar(select(func.count()).select_from(Person)),
            db.session.scalar(select(func.count()).select_from(AuditEvent))) == before
