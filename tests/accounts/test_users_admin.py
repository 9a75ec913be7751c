"""The administrator's work with accounts and roles, and the last-administrator rule."""
import pytest
from sqlalchemy import select

from app.accounts import services
from app.accounts.models import User
from app.audit.models import AuditEvent
from app.core.errors import RuleError
from app.core.roles import Role
from app.extensions import db
from tests.helpers import page_text


@pytest.fixture
def admin(make_user, auth):
    user = make_user(Role.ADMIN, email="admin@kmt.test", last_name="Сидоров", first_name="Алексей")
    auth.login_as(user)
    return user


def new_user_data(**overrides):
    data = {"last_name": "Морозова", "first_name": "Ольга", "middle_name": "Николаевна",
            "email": "Morozova@kmt.test", "position": "заместитель директора", "roles": ["curator", "commission"],
            "password": ""}
    data.update(overrides)
    return data


def test_admin_creates_user_with_several_roles_and_sees_password_once(client, admin):
    response = client.post("/admin/users/new", data=new_user_data(), follow_redirects=True)
    text = page_text(response)
    assert "Учётная запись создана. Пароль для morozova@kmt.test:" in text
    user = services.find_user_by_email("morozova@kmt.test")
    assert user.roles == {Role.CURATOR, Role.COMMISSION}
    password = text.split("morozova@kmt.test: ")[1].split(" ")[0]
    assert user.check_password(password)
    assert password not in page_text(client.get("/admin/users"))
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user_created",
                                                       AuditEvent.target_id == user.id))
    assert event.actor_id == admin.id and event.details["roles"] == ["commission", "curator"]


def test_user_form_keeps_input_and_shows_errors_next_to_fields(client, admin):
    response = client.post("/admin/users/new", data=new_user_data(email="not-an-email", roles=[]))
    text = page_text(response)
    assert response.status_code == 200
    assert "Введите адрес электронной почты" in text
    assert "Выберите хотя бы одну роль." in text
    assert 'value="Морозова"' in response.get_data(as_text=True)
    assert services.find_user_by_email("not-an-email") is None


def test_duplicate_email_is_refused_next_to_the_field(client, admin, make_user):
    make_user(Role.STAFF, email="morozova@kmt.test")
    response = client.post("/admin/users/new", data=new_user_data())
    assert "Учётная запись с таким адресом электронной почты уже есть." in page_text(response)
    assert db.session.scalar(select(db.func.count(User.id))) == 2


def test_short_password_is_refused(client, admin):
    response = client.post("/admin/users/new", data=new_user_data(password="short1"))
    assert "Пароль должен содержать не менее 10 символов." in page_text(response)
    assert services.find_user_by_email("morozova@kmt.test") is None


def test_admin_edits_roles_and_the_change_is_audited(client, admin, make_user):
    user = make_user(Role.STAFF, email="staff@kmt.test")
    response = client.post(f"/admin/users/{user.id}/edit", data=new_user_data(
        email="staff@kmt.test", roles=["staff", "secretary"]))
    assert response.status_code == 302
    assert db.session.get(User, user.id).roles == {Role.STAFF, Role.SECRETARY}
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "roles_changed"))
    assert event.details == {"before": ["staff"], "after": ["secretary", "staff"]}
    assert event.ip_address == "127.0.0.1"


def test_last_active_admin_cannot_lose_the_role(client, admin):
    response = client.post(f"/admin/users/{admin.id}/edit", data=new_user_data(
        email="admin@kmt.test", roles=["curator"]))
    assert "последний активный администратор" in page_text(response)
    assert db.session.get(User, admin.id).roles == {Role.ADMIN}


def test_last_active_admin_cannot_be_deactivated(client, admin):
    response = client.post(f"/admin/users/{admin.id}/deactivate", follow_redirects=True)
    assert "последний активный администратор" in page_text(response)
    assert db.session.get(User, admin.id).active


def test_an_inactive_admin_does_not_count_as_the_other_admin(app, admin, make_user):
    make_user(Role.ADMIN, email="old-admin@kmt.test", active=False)
    with pytest.raises(RuleError):
        services.deactivate_user(admin)


def test_with_two_admins_one_can_be_deactivated(client, admin, make_user):
    other = make_user(Role.ADMIN, email="admin2@kmt.test")
    client.post(f"/admin/users/{other.id}/deactivate")
    assert not db.session.get(User, other.id).active
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user_deactivated"))
    client.post(f"/admin/users/{other.id}/activate")
    assert db.session.get(User, other.id).active


def test_admin_sets_a_password_for_a_user(client, admin, make_user):
    user = make_user(Role.STAFF, email="staff@kmt.test")
    response = client.post(f"/admin/users/{user.id}/password", data={"password": ""}, follow_redirects=True)
    password = page_text(response).split("Новый пароль для staff@kmt.test: ")[1].split(" ")[0]
    assert db.session.get(User, user.id).check_password(password)


def test_user_list_searches_and_filters(client, admin, make_user):
    make_user(Role.CURATOR, email="curator@kmt.test", last_name="Морозова")
    make_user(Role.STAFF, email="staff@kmt.test", last_name="Кузнецова")
    make_user(Role.STAFF, email="old@kmt.test", last_name="Старова", active=False)
    text = page_text(client.get("/admin/users?q=мороз"))
    assert "Морозова" in text and "Кузнецова" not in text
    text = page_text(client.get("/admin/users?role=staff&status=active"))
    assert "Кузнецова" in text and "Старова" not in text and "Морозова" not in text
    text = page_text(client.get("/admin/users?status=inactive"))
    assert "Старова" in text and "отключена" in text


def test_audit_log_shows_who_when_and_from_where(client, admin, make_user):
    client.post("/admin/users/new", data=new_user_data(), environ_base={"REMOTE_ADDR": "10.1.2.3"})
    text = page_text(client.get("/admin/audit/?action=user_created"))
    assert "Создана учётная запись" in text and "Сидоров А." in text and "10.1.2.3" in text
    assert "10.1.2.3" in page_text(client.get("/admin/audit/?ip=10.1."))
    assert "10.1.2.3" not in page_text(client.get("/admin/audit/?ip=192.168."))


def test_admin_links_an_account_to_its_holders_card_once(client, admin, make_user):
    """4.13: the link lets the commission refuse a member's review of his own candidacy."""
    from tests.factories import make_person

    user = make_user(Role.COMMISSION, email="lebedev@kmt.test", last_name="Лебедев", first_name="Дмитрий",
                     middle_name="Игоревич")
    card = make_person(last_name="Лебедев", first_name="Дмитрий", middle_name="Игоревич", category="teacher",
                       position="преподаватель")
    stranger = make_person(last_name="Смирнов", first_name="Павел")
    page = client.get(f"/admin/users/{user.id}/edit").get_data(as_text=True)
    assert "Лебедев Дмитрий Игоревич, 01.03.2005 г. р." in page and "Смирнов" not in page  # only his name's cards
    data = {"last_name": "Лебедев", "first_name": "Дмитрий", "middle_name": "Игоревич", "email": "lebedev@kmt.test",
            "position": "преподаватель", "roles": ["commission"], "person": str(card.id)}
    assert "Изменения сохранены." in page_text(client.post(f"/admin/users/{user.id}/edit", data=data,
                                                            follow_redirects=True))
    assert db.session.get(User, user.id).person_id == card.id
    other = make_user(Role.STAFF, email="lebedev2@kmt.test", last_name="Лебедев", first_name="Дмитрий")
    with pytest.raises(RuleError, match="уже связана с учётной записью lebedev@kmt.test"):
        services.link_person(other, card)
    db.session.rollback()
    refused = client.post(f"/admin/users/{user.id}/edit", data={**data, "person": str(stranger.id)})
    assert refused.status_code == 200 and "Изменения сохранены." not in page_text(refused)  # not among the offered
    assert db.session.get(User, user.id).person_id == card.id
