"""The candidates' papers (4.13, Приложение 5): the order putting candidates forward, the approval sheet of an
administration's nomination, the candidate's own application printed for his signature."""
from app.applications.nominations import CANDIDATE_ROLE_WORDS, CURATOR_CANDIDATE_WORDS, CURATOR_ROLE_WORDS
from app.documents.kinds import ORDERS, PAPERS, SELECTION, register_kind
from app.documents.kinds.common import (
    FORM_EXAMPLE,
    academic_year,
    boolean,
    check_academic_year,
    date_field,
    doc_date,
    integer,
    person,
    person_example,
    table,
    text,
)
from app.documents.kinds.schema import Field, FieldType, Kind

APPROVER_ROLES = ((CANDIDATE_ROLE_WORDS, CANDIDATE_ROLE_WORDS), (CURATOR_CANDIDATE_WORDS, CURATOR_CANDIDATE_WORDS),
                  (CURATOR_ROLE_WORDS, CURATOR_ROLE_WORDS))

#: The candidates of a nomination (4.13): whom the order puts forward, where he works or studies, his form.
CANDIDATE_COLUMNS = (
    Field("name", "ФИО кандидата в наставники", FieldType.TEXT, "Лебедев Дмитрий Игоревич"),
    Field("place", "Место работы (учёбы), должность", FieldType.TEXT,
          "ГАПОУ СО «КМТ», преподаватель специальных дисциплин"),
    Field("form", "Форма наставничества", FieldType.TEXT, "преподаватель – преподаватель"),
)

register_kind(Kind(
    code="order_nominate_mentors",
    title="Приказ о выдвижении наставников",
    heading="О выдвижении наставников",
    group=ORDERS, order=40, register="orders", template="order_nominate_mentors.docx", section="4.13",
    description="Выдвижение администрацией (проект приказа с листом согласования) или на основании представления "
                "коллектива сотрудников; выдвинутые подают заявления (Приложение 5).",
    fields=(
        doc_date("Дата приказа"),
        academic_year(),
        text("presentation", "На основании представления (для выдвижения коллективом)",
             "инициативной группы преподавателей отделения машиностроения от 05.09.2026", required=False,
             help="Кем составлено и от какой даты, в родительном падеже; пусто — выдвижение администрацией."),
        table("candidates", "Выдвигаемые кандидаты в наставники", CANDIDATE_COLUMNS, [
            {"name": "Лебедев Дмитрий Игоревич", "place": "ГАПОУ СО «КМТ», преподаватель специальных дисциплин",
             "form": "преподаватель – преподаватель"},
            {"name": "Черных Алексей Викторович", "place": "ГАПОУ СО «КМТ», студент группы ТМ-31",
             "form": FORM_EXAMPLE},
        ]),
    ),
    checks=(check_academic_year,),
    summary_fields=("academic_year", "candidates"),
))

register_kind(Kind(
    code="approval_sheet",
    short_title="Лист согласования",
    title="Лист согласования проекта приказа",
    heading="Лист согласования проекта приказа",
    group=SELECTION, order=10, template="approval_sheet.docx", section="4.13",
    description="При выдвижении администрацией: проект приказа направляется потенциальным наставникам и куратору.",
    fields=(
        doc_date("Дата составления"),
        text("order_title", "Заголовок проекта приказа", "О назначении наставников на 2026/2027 учебный год"),
        date_field("deadline", "Согласовать до", "2026-09-10", required=False),
        table("approvers", "Согласующие лица", (
            Field("name", "ФИО", FieldType.TEXT, "Лебедев Дмитрий Игоревич"),
            Field("position", "Должность (группа)", FieldType.TEXT, "преподаватель специальных дисциплин"),
            Field("role", "Кем является", FieldType.CHOICE, "потенциальный наставник", choices=APPROVER_ROLES),
        ), [
            {"name": "Лебедев Дмитрий Игоревич", "position": "преподаватель специальных дисциплин",
             "role": "потенциальный наставник"},
            {"name": "Черных Алексей Викторович", "position": "студент группы ТМ-31",
             "role": "потенциальный наставник"},
            {"name": "Морозова Ольга Николаевна", "position": "заместитель директора по УВР",
             "role": "куратор наставнической деятельности"},
        ]),
    ),
    summary_fields=("order_title",),
))

register_kind(Kind(
    code="candidate_application",
    short_title="Заявление кандидата",
    title="Заявление кандидата в наставники (Приложение 5)",
    heading="Заявление кандидата в наставники",
    group=PAPERS, order=10, template="candidate_application.docx", section="4.13, Приложение 5",
    description="Печатается заполненным для подписи кандидата; к нему прилагаются портфолио и согласия.",
    fields=(
        doc_date("Дата заявления"),
        person("candidate", "Кандидат в наставники", person_example("Лебедев", "Дмитрий", "Игоревич", "male")),
        text("candidate_position", "Должность кандидата (для студента — группа)",
             "преподаватель специальных дисциплин"),
        academic_year("Учебный год отбора"),
        text("phone", "Телефон", "+7 (343) 432-12-34"),
        text("email", "Электронная почта", "lebedev@kmt.example"),
        integer("portfolio_pages", "Портфолио: число листов", 12, minimum=1, maximum=500),
        boolean("is_student", "Кандидат — обучающийся: прилагается согласие родителей (законных представителей)",
                False),
        date_field("consent_date", "Дата согласия на обработку персональных данных", "2026-09-01"),
        boolean("for_curator", "Кандидатура на роль куратора наставнической деятельности (Приложение 1)", False),
    ),
    checks=(check_academic_year,),
    summary_fields=("candidate",),
))
