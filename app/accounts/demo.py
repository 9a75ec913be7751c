"""Demo accounts: one person per role, and one who holds several (docs/design.md "Who uses it")."""
from app.accounts import services
from app.core.roles import Role
from app.settings import services as settings

DEMO_ACCOUNTS = [
    ("admin@kmt.example", "Сидоров", "Алексей", "Петрович", "системный администратор", [Role.ADMIN]),
    ("director@kmt.example", "Гордеева", "Светлана", "Александровна", "директор",
     [Role.DIRECTOR, Role.COMMISSION]),
    ("curator@kmt.example", "Морозова", "Ольга", "Николаевна", "заместитель директора по УВР",
     [Role.CURATOR, Role.COMMISSION]),
    ("secretary@kmt.example", "Белова", "Ирина", "Сергеевна", "секретарь учебной части", [Role.SECRETARY]),
    ("staff@kmt.example", "Кузнецова", "Марина", "Андреевна", "социальный педагог", [Role.STAFF]),
    ("commission@kmt.example", "Лебедев", "Дмитрий", "Игоревич", "преподаватель спецдисциплин",
     [Role.COMMISSION]),
    ("methodist@kmt.example", "Васильева", "Наталья", "Юрьевна", "методист", [Role.COMMISSION, Role.STAFF]),
]


def seed(context):
    """Create the demo accounts (password: the one given to seed-demo); the director signs documents."""
    for email, last, first, middle, position, roles in DEMO_ACCOUNTS:
        user = services.find_user_by_email(email)
        if user is None:
            user, _ = services.create_user(email=email, last_name=last, first_name=first, middle_name=middle,
                                           position=position, roles=roles, password=context.password)
        context.users[email.split("@")[0]] = user
    director = context.users["director"]
    settings.update({"college.director_last_name": director.last_name,
                     "college.director_first_name": director.first_name,
                     "college.director_middle_name": director.middle_name,
                     "college.director_gender": "female"})
