"""A demo college's people: ~60 students in five groups (some minors, with a parent), 25 teachers and
staff, a few graduates, and the partners' employees. Invented names, fixed seed: the same every run."""
import random
from datetime import date

from app.core.names import Gender
from app.people import services
from app.people.categories import PersonCategory
from app.people.models import Relation

MALE_NAMES = ["Александр", "Дмитрий", "Максим", "Илья", "Артём", "Кирилл", "Никита", "Егор", "Матвей", "Иван",
              "Денис", "Роман", "Павел", "Владислав", "Тимофей", "Глеб", "Даниил", "Сергей", "Андрей", "Михаил"]
FEMALE_NAMES = ["Анна", "Мария", "Екатерина", "Дарья", "Полина", "Виктория", "Алёна", "Ксения", "Софья",
                "Валерия", "Елизавета", "Ольга", "Татьяна", "Юлия", "Наталья", "Ирина", "Марина", "Светлана"]
#: Fathers' names and the patronymics they give: (male, female).
PATRONYMICS = [("Александрович", "Александровна"), ("Сергеевич", "Сергеевна"), ("Андреевич", "Андреевна"),
               ("Владимирович", "Владимировна"), ("Николаевич", "Николаевна"), ("Игоревич", "Игоревна"),
               ("Олегович", "Олеговна"), ("Викторович", "Викторовна"), ("Юрьевич", "Юрьевна"),
               ("Евгеньевич", "Евгеньевна"), ("Павлович", "Павловна"), ("Дмитриевич", "Дмитриевна")]
#: Surnames as (male, female).
SURNAMES = [("Шубин", "Шубина"), ("Зырянов", "Зырянова"), ("Бажов", "Бажова"), ("Чусовитин", "Чусовитина"),
            ("Пермяков", "Пермякова"), ("Серебренников", "Серебренникова"), ("Глухих", "Глухих"),
            ("Медведев", "Медведева"), ("Ощепков", "Ощепкова"), ("Вотинцев", "Вотинцева"), ("Горбунов", "Горбунова"),
            ("Кочнев", "Кочнева"), ("Мальцев", "Мальцева"), ("Сысоев", "Сысоева"), ("Тетюев", "Тетюева"),
            ("Устинов", "Устинова"), ("Черепанов", "Черепанова"), ("Южаков", "Южакова"), ("Белоусов", "Белоусова"),
            ("Коновалов", "Коновалова"), ("Русаков", "Русакова"), ("Долгих", "Долгих"), ("Рябов", "Рябова"),
            ("Вершинин", "Вершинина"), ("Сарапулов", "Сарапулова"), ("Неустроев", "Неустроева"),
            ("Бессонов", "Бессонова"), ("Плотников", "Плотникова"), ("Крутиков", "Крутикова"),
            ("Анисимов", "Анисимова"), ("Мезенцев", "Мезенцева"), ("Ильиных", "Ильиных"), ("Хомяков", "Хомякова"),
            ("Стрельников", "Стрельникова"), ("Завьялов", "Завьялова"), ("Лыжин", "Лыжина")]
#: Study groups: the number is the year of admission; students are admitted at 15 or 16.
GROUPS = [("ТМ-23", 2023), ("ЭМ-24", 2024), ("СВ-24", 2024), ("ПК-25", 2025), ("АТ-25", 2025)]
TEACHER_POSITIONS = ["преподаватель спецдисциплин", "преподаватель математики", "преподаватель русского языка",
                     "мастер производственного обучения", "преподаватель электротехники",
                     "преподаватель информатики", "преподаватель истории", "преподаватель физической культуры"]
STAFF_POSITIONS = ["социальный педагог", "педагог-психолог", "методист", "педагог-организатор",
                   "заведующий отделением"]
#: Per demo partner, in the order of app/partners/demo.py: its employees' positions.
EMPLOYEE_POSITIONS = [["мастер участка механообработки", "инженер-технолог"],
                      ["электромонтажник 5 разряда", "инженер-наладчик"],
                      ["шеф-повар"]]


class _Names:
    """Invented, non-repeating full names from the pools above."""

    def __init__(self, seed):
        self.random = random.Random(seed)
        self.used = set()

    def next(self, gender):
        while True:
            male, female = self.random.choice(SURNAMES)
            patronymic = self.random.choice(PATRONYMICS)
            if gender == Gender.MALE:
                name = (male, self.random.choice(MALE_NAMES), patronymic[0])
            else:
                name = (female, self.random.choice(FEMALE_NAMES), patronymic[1])
            if name not in self.used:
                self.used.add(name)
                return name


def seed(context):
    names = _Names(2026)
    chance = names.random

    def person(gender, birth_date, category, **fields):
        last, first, middle = names.next(gender)
        return services.create_person(last_name=last, first_name=first, middle_name=middle, gender=gender,
                                      birth_date=birth_date, category=category, phone=_phone(chance, "912"),
                                      confirm_duplicate=True, **fields)

    students = []
    for group, admitted in GROUPS:
        for _ in range(12):
            gender = chance.choice([Gender.MALE, Gender.FEMALE])
            born = date(admitted - chance.choice([15, 16]), chance.randint(1, 12), chance.randint(1, 28))
            student = person(gender, born, PersonCategory.STUDENT, study_group=group,
                             email=f"st{len(students) + 1:03d}@students.kmt.example")
            if student.is_minor_on(date(2025, 9, 1)):  # a minor in either demo year
                _add_parent(student, names, chance)
            students.append(student)
    teachers = [person(chance.choice([Gender.MALE, Gender.FEMALE]), date(chance.randint(1965, 2000),
                       chance.randint(1, 12), chance.randint(1, 28)), PersonCategory.TEACHER,
                       position=TEACHER_POSITIONS[index % len(TEACHER_POSITIONS)],
                       email=f"teacher{index + 1:02d}@kmt.example") for index in range(20)]
    staff = [person(Gender.FEMALE, date(chance.randint(1970, 1995), 6, index + 1), PersonCategory.COLLEGE_STAFF,
                    position=position, email=f"staff{index + 1}@kmt.example")
             for index, position in enumerate(STAFF_POSITIONS)]
    graduates = [person(Gender.MALE, date(2003, 4, 12), PersonCategory.GRADUATE,
                        position="мастер участка, ООО «Уралмехсервис»"),
                 person(Gender.FEMALE, date(2004, 11, 3), PersonCategory.GRADUATE, position="студентка УрФУ")]
    employees = []
    for partner, positions in zip(context.data["partners"], EMPLOYEE_POSITIONS, strict=True):
        for number, position in enumerate(positions):
            employees.append(person(chance.choice([Gender.MALE, Gender.FEMALE]), date(1978 + 5 * number, 3, 15),
                                    PersonCategory.PARTNER_EMPLOYEE, organisation=partner, position=position))
    teachers.append(_indeclinable_teacher())
    context.data.update(students=students, teachers=teachers, college_staff=staff, graduates=graduates,
                        employees=employees)


def _phone(chance, code):
    return f"+7 ({code}) {chance.randint(200, 999)}-{chance.randint(10, 99)}-{chance.randint(10, 99)}"


def _add_parent(student, names, chance):
    """A mother (mostly) or a father, with the family's surname in the right gender."""
    mother = chance.random() < 0.75
    gender = Gender.FEMALE if mother else Gender.MALE
    _, first, middle = names.next(gender)
    family = next(pair for pair in SURNAMES if student.last_name in pair)
    services.add_representative(student, last_name=family[1] if mother else family[0], first_name=first,
                                middle_name=middle, gender=gender,
                                relation=Relation.MOTHER if mother else Relation.FATHER, phone=_phone(chance, "922"))


def _indeclinable_teacher():
    """A surname that does not decline: the case forms are entered by hand, as the person page allows."""
    teacher = services.create_person(last_name="Дурново", first_name="Марина", middle_name="Павловна",
                                     gender=Gender.FEMALE, birth_date=date(1988, 10, 21),
                                     category=PersonCategory.TEACHER, position="преподаватель иностранного языка",
                                     phone="+7 (912) 240-18-77", email="durnovo@kmt.example", confirm_duplicate=True)
    services.set_name_forms(teacher, {"genitive": "Дурново Марины Павловны", "dative": "Дурново Марине Павловне",
                                      "accusative": "Дурново Марину Павловну",
                                      "instrumental": "Дурново Мариной Павловной",
                                      "prepositional": "Дурново Марине Павловне"})
    return teacher
