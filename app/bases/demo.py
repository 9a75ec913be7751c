"""Demo bases: last year's finished pairs and this year's, built through the services so every rule holds —
the papers' gate included: everyone paired or registered has his papers printed and signed first, by the
``give_papers`` the applications' first seeder leaves in the demo context."""
from datetime import date

from app.bases import services
from app.bases.models import MenteeParticipation
from app.people.categories import MenteeCategory

REQUESTS = [
    "Адаптация в группе и в техникуме после школы",
    "Подтянуть успеваемость по электротехнике и математике",
    "Подготовка к демонстрационному экзамену",
    "Участие в чемпионате «Профессионалы»: подготовка по компетенции",
    "Определиться с профессиональной траекторией после техникума",
    "Научиться планировать время: совмещать учёбу и подработку",
    "Освоить чтение чертежей и работу на станке с ЧПУ",
    "Развить навыки публичного выступления и защиты проекта",
]
STUDENT_COMPETENCIES = [
    "Староста группы, призёр областной олимпиады по технической механике",
    "Победитель чемпионата «Профессионалы» (региональный этап), волонтёр",
    "Отличник, организатор студенческого совета, помогает первокурсникам с адаптацией",
]
TEACHER_COMPETENCIES = [
    "Стаж 20 лет, высшая категория, автор методических пособий по спецдисциплинам",
    "Эксперт демонстрационного экзамена, ведёт открытые уроки и вебинары",
    "Наставник молодых педагогов с 2018 года, победитель конкурса «Педагог года»",
]
#: In the order of the demo employees (app/people/demo.py EMPLOYEE_POSITIONS).
EMPLOYEE_COMPETENCIES = [
    "Опыт работы 12 лет, руководит участком механообработки, проводит экскурсии на производстве",
    "Технология машиностроения, разработка управляющих программ для станков с ЧПУ",
    "Электромонтаж и наладка оборудования, допуск по электробезопасности V группы",
    "Пусконаладка электрооборудования подстанций, эксперт чемпионата «Профессионалы»",
    "Шеф-повар, член жюри городских кулинарных конкурсов",
]
BASIS = "Приказ № {number}-н от {day}"
#: The demo partners' agreements run to 30 December of the year they were signed in (app.applications.paperwork).
PARTNER_PAIR_END_2025 = date(2025, 12, 26)
CASE_LINK = "https://kmt-krasnouralsk.ru/nastavnichestvo/keisy/{year}-{number}"


def seed(context):
    data = context.data
    forms = data["forms"]
    _previous_year(data, forms)
    _current_year(data, forms)
    from app.programs.demo import finish_stages

    finish_stages(context)


def _previous_year(data, forms):
    year = data["previous_year"]
    entry, end = date(2025, 9, 15), date(2026, 5, 29)
    students = data["students"]
    older = [s for s in students if s.study_group == "ТМ-23"]
    younger = [s for s in students if s.study_group in ("ЭМ-24", "СВ-24")]
    mentors = [
        _mentor(data, older[0], year, forms["student_student"], entry, STUDENT_COMPETENCIES[0], "1"),
        _mentor(data, older[1], year, forms["student_student"], entry, STUDENT_COMPETENCIES[1], "1"),
        _mentor(data, data["teachers"][1], year, forms["teacher_teacher"], entry, TEACHER_COMPETENCIES[0], "1"),
        _mentor(data, data["employees"][0], year, forms["employer_student"], entry, EMPLOYEE_COMPETENCIES[0], "1"),
    ]
    pairs = [(younger[0], mentors[0]), (younger[1], mentors[0]), (younger[2], mentors[1]),
             (younger[3], mentors[3]), (younger[4], mentors[3]), (younger[5], mentors[1])]
    for index, (person, mentor) in enumerate(pairs):
        # A partner's employee mentors while the agreement is in force (to 30 December): his pairs end before.
        finish = PARTNER_PAIR_END_2025 if mentor is mentors[3] else end
        mentee = services.add_mentee(person, year, category=MenteeCategory.STUDENT,
                                     main_request=REQUESTS[index % len(REQUESTS)], entry_date=entry,
                                     mentorship_form=mentor.mentorship_form, end_date=finish)
        _papers(mentee, data)
        services.link_mentor(mentee, mentor)
        mentee.results = "Запрос решён: средний балл вырос, участвует в студенческом совете."
        mentee.case_link = CASE_LINK.format(year=2026, number=index + 1) if index < 3 else None
        services.complete_mentee(mentee, on=finish)
    young_teacher = data["teachers"][-2]
    mentee = services.add_mentee(young_teacher, year, category=MenteeCategory.NEW_TEACHER,
                                 main_request="Освоить ведение журнала, подготовку КТП и открытого урока",
                                 entry_date=entry, mentorship_form=forms["teacher_teacher"])
    _papers(mentee, data)
    services.link_mentor(mentee, mentors[2])
    mentee.results = "Провёл открытый урок, прошёл аттестацию на первую категорию."
    services.complete_mentee(mentee, on=end)
    for mentor in mentors:
        mentor.results = "Программа выполнена, наставляемые завершили индивидуальные планы."
        services.complete_mentor(mentor, on=end)


def _current_year(data, forms):
    year = data["current_year"]
    entry = date(2026, 9, 15)
    students = data["students"]
    seniors = [s for s in students if s.study_group == "ТМ-23"][2:9]
    juniors = [s for s in students if s.study_group in ("ПК-25", "АТ-25", "ЭМ-24", "СВ-24")][6:]
    student_mentors = [_mentor(data, person, year, forms["student_student"], entry,
                               STUDENT_COMPETENCIES[i % 3], "27", registered=i < 6)
                       for i, person in enumerate(seniors)]
    student_mentors.append(_mentor(data, data["graduates"][0], year, forms["student_student"], entry,
                                   "Выпускник 2023 года, мастер участка у партнёра техникума", "27"))
    teacher_mentors = [_mentor(data, person, year, forms["teacher_teacher"], entry, TEACHER_COMPETENCIES[i % 3], "27")
                       for i, person in enumerate(data["teachers"][2:7])]
    employer_mentors = [_mentor(data, person, year, forms["employer_student"], entry, EMPLOYEE_COMPETENCIES[i], "27",
                                registered=i < 4) for i, person in enumerate(data["employees"])]

    registered = [m for m in student_mentors if m.status == "registered"]
    waiting = juniors[: 2 * len(registered) + 3]
    for index, person in enumerate(waiting):
        mentee = services.add_mentee(person, year, category=MenteeCategory.STUDENT,
                                     main_request=REQUESTS[index % len(REQUESTS)], entry_date=entry,
                                     mentorship_form=forms["student_student"])
        if index < 2 * len(registered):
            _papers(mentee, data)
            services.link_mentor(mentee, registered[index // 2])
    employer_group = juniors[len(waiting): len(waiting) + 8]
    employer_mentees = []
    for index, person in enumerate(employer_group):
        mentee = services.add_mentee(person, year, category=MenteeCategory.STUDENT,
                                     main_request=REQUESTS[(index + 3) % len(REQUESTS)], entry_date=entry,
                                     mentorship_form=forms["employer_student"])
        _papers(mentee, data)
        employer_mentees.append(mentee)
    # The pairs' seeder forms them, within the partners' agreements: the first employer's group of four (4.6), then
    # two students for each of the next ones.
    data["employer_mentees"] = (employer_mentors, employer_mentees)
    new_teachers = sorted(data["teachers"][7:], key=lambda person: person.birth_date)[-3:]
    for index, person in enumerate(new_teachers):
        mentee = services.add_mentee(person, year, category=MenteeCategory.NEW_TEACHER,
                                     main_request="Адаптация на новом месте: КТП, журнал, классное руководство",
                                     entry_date=date(2026, 9, 1) if index else date(2026, 10, 5),
                                     mentorship_form=forms["teacher_teacher"])
        _papers(mentee, data)
        services.link_mentor(mentee, teacher_mentors[index])
    dropped = services.add_mentee(juniors[-1], year, category=MenteeCategory.STUDENT,
                                  main_request="Помощь с выбором профиля обучения", entry_date=entry)
    services.withdraw_mentee(dropped, on=date(2026, 11, 2))


def _mentor(data, person, year, form, entry, competencies, order, registered=True):
    mentor = services.add_mentor(person, year, mentorship_form=form, entry_date=entry, competencies=competencies,
                                 interests="Спорт, техническое творчество, волонтёрство",
                                 desired_mentee_age="15–18 лет" if form.code != "teacher_teacher" else "любой",
                                 time_resource="2 часа в неделю")
    if registered:
        _papers(mentor, data)
        services.register_mentor(mentor, basis=BASIS.format(number=order, day=f"{entry:%d.%m.%Y}"), on=entry)
    return mentor


def _papers(participation, data):
    """The gate (4.11, Приложение 5, agreement 2.2): print and sign what the participant needs before he is paired."""
    role = "mentee" if isinstance(participation, MenteeParticipation) else "mentor"
    data["give_papers"](participation.person, role, participation.program_year, participation.entry_date)
