"""The papers printed from the bases: the bases as tables (Приложения 3, 4), awards and letters of thanks (9). The
Program and its pairs (4.14) and the orders on one pair (4.7, 4.8) are the pairs domain's (app.pairs.kinds)."""
from app.bases import labels
from app.documents.kinds import AWARDS, BASES, ORDERS, register_kind
from app.documents.kinds.common import (
    academic_year,
    boolean,
    check_academic_year,
    doc_date,
    person,
    person_example,
    table,
    text,
    textarea,
)
from app.documents.kinds.schema import Field, FieldType, Kind

#: Section 9.1: the forms of public recognition an order may give.
AWARD_KINDS = (
    ("объявить благодарность", "благодарность"),
    ("наградить Почётной грамотой", "Почётная грамота"),
    ("наградить грамотой", "грамота"),
)

register_kind(Kind(
    code="order_awards",
    title="Приказ о поощрении участников наставнической деятельности",
    heading="О поощрении участников наставнической деятельности",
    group=ORDERS, order=90, register="orders", template="order_awards.docx", section="9",
    description="Публичное признание: благодарность, грамота, Почётная грамота (п. 9.1).",
    fields=(
        doc_date("Дата приказа"),
        academic_year(),
        table("awardees", "Кого поощрить", (
            Field("name", "ФИО", FieldType.TEXT, "Лебедев Дмитрий Игоревич"),
            Field("role", "Участник", FieldType.TEXT, "наставник, преподаватель специальных дисциплин"),
            Field("award", "Вид поощрения", FieldType.CHOICE, "объявить благодарность", choices=AWARD_KINDS),
            Field("merit", "За что", FieldType.TEXT, "за высокие результаты работы наставнической пары"),
        ), [
            {"name": "Лебедев Дмитрий Игоревич", "role": "наставник, преподаватель специальных дисциплин",
             "award": "наградить Почётной грамотой", "merit": "за высокие результаты работы наставнической пары"},
            {"name": "Черных Алексей Викторович", "role": "наставник, студент группы ТМ-31",
             "award": "объявить благодарность", "merit": "за помощь первокурсникам в адаптации к учёбе"},
        ]),
        boolean("publish_on_site", "Разместить сведения о поощрении на сайте техникума (п. 9.1)", True,
                default=lambda: True),
    ),
    checks=(check_academic_year,),
    summary_fields=("academic_year", "awardees"),
))


def _column(name, label, example, type_=FieldType.TEXT, required=False):
    return Field(name, label, type_, example, required=required)


#: Приложение 3, the columns in the regulation's order and words.
MENTEE_COLUMNS = (
    _column("full_name", labels.MENTEE_COLUMNS["full_name"], "Цой Виктория Андреевна", required=True),
    _column("contacts", labels.MENTEE_COLUMNS["contacts"], "+7 (912) 600-11-22"),
    _column("birth_year", labels.MENTEE_COLUMNS["birth_year"], 2010, FieldType.INT),
    _column("main_request", labels.MENTEE_COLUMNS["main_request"], "адаптация к учёбе"),
    _column("join_date", labels.MENTEE_COLUMNS["entry_date"], "2026-09-15", FieldType.DATE),
    _column("mentor_name", labels.MENTEE_COLUMNS["mentor"], "Черных Алексей Викторович"),
    _column("form", labels.MENTEE_COLUMNS["mentorship_form"], "студент – студент"),
    _column("mentor_place", labels.MENTEE_COLUMNS["mentor_place"], "ГАПОУ СО «КМТ», группа ТМ-31"),
    _column("end_date", labels.MENTEE_COLUMNS["end_date"], "2027-05-31", FieldType.DATE),
    _column("results", labels.MENTEE_COLUMNS["results"], "средний балл вырос с 3,6 до 4,2"),
    _column("case_link", labels.MENTEE_COLUMNS["case_link"],
            "kmt-krasnouralsk.ru/nastavnichestvo/keys-1"),
    _column("completed", labels.MENTEE_COLUMNS["program_passed"], "прошла"),
)

#: Приложение 4, the columns in the regulation's order and words.
MENTOR_COLUMNS = (
    _column("full_name", labels.MENTOR_COLUMNS["full_name"], "Лебедев Дмитрий Игоревич", required=True),
    _column("contacts", labels.MENTOR_COLUMNS["contacts"], "+7 (343) 432-12-34, lebedev@kmt.example"),
    _column("place", labels.MENTOR_COLUMNS["place"], "ГАПОУ СО «КМТ», преподаватель"),
    _column("competencies", labels.MENTOR_COLUMNS["competencies"], "технология машиностроения, САПР"),
    _column("achievements", labels.MENTOR_COLUMNS["achievements"], "победитель регионального конкурса "
            "«Преподаватель года — 2025»"),
    _column("interests", labels.MENTOR_COLUMNS["interests"], "техническое творчество, шахматы"),
    _column("mentee_age", labels.MENTOR_COLUMNS["desired_mentee_age"], "от 22 лет"),
    _column("time_resource", labels.MENTOR_COLUMNS["time_resource"], "2 часа в неделю"),
    _column("join_date", labels.MENTOR_COLUMNS["entry_date"], "2026-09-15", FieldType.DATE),
    _column("mentees", labels.MENTOR_COLUMNS["mentees"], "Кузьмич Анна Сергеевна"),
    _column("form", labels.MENTOR_COLUMNS["mentorship_form"], "преподаватель – преподаватель"),
    _column("mentee_place", labels.MENTOR_COLUMNS["mentee_place"], "ГАПОУ СО «КМТ», преподаватель математики"),
    _column("end_date", labels.MENTOR_COLUMNS["end_date"], "2027-06-30", FieldType.DATE),
    _column("results", labels.MENTOR_COLUMNS["results"], "проведено 2 открытых урока"),
    _column("case_link", labels.MENTOR_COLUMNS["case_link"],
            "kmt-krasnouralsk.ru/nastavnichestvo/keys-2"),
)


def _register_base(code, heading, appendix, section, rows_label, columns, description, order):
    register_kind(Kind(
        code=code, title=f"{heading} ({appendix})", heading=heading, group=BASES, order=order,
        template=f"{code}.docx", section=f"{section}, {appendix}", description=description,
        fields=(doc_date("По состоянию на"), academic_year(),
                table("rows", rows_label, columns, [{column.name: column.example for column in columns}])),
        checks=(check_academic_year,),
        summary_fields=("rows",),
    ))


_register_base("mentee_base", "База наставляемых", "Приложение 3", "4.11", "Наставляемые", MENTEE_COLUMNS,
               "Перечень лиц, желающих иметь наставников, по форме Приложения 3.", order=10)
_register_base("mentor_base", "База наставников", "Приложение 4", "4.12", "Наставники", MENTOR_COLUMNS,
               "Потенциальные и действующие наставники по форме Приложения 4.", order=20)

register_kind(Kind(
    code="letter_of_thanks",
    short_title="Благодарственное письмо",
    title="Благодарственное письмо родителям наставника-обучающегося",
    heading="Благодарственное письмо родителям",
    group=AWARDS, order=10, template="letter_of_thanks.docx", section="9.1",
    description="Благодарственное письмо родителям наставников из числа обучающихся.",
    fields=(
        doc_date("Дата письма"),
        person("parent", "Родитель (кому адресовано)", person_example("Черных", "Татьяна", "Ивановна", "female")),
        person("student", "Обучающийся-наставник", person_example("Черных", "Алексей", "Викторович", "male")),
        text("student_group", "Группа, специальность", "группы ТМ-31 специальности 15.02.16 «Технология "
             "машиностроения»", help="После слов «студента (студентки)…»: «группы ТМ-31 специальности …»."),
        academic_year(),
        textarea("achievements", "За что благодарим", "Алексей помог двум первокурсникам освоиться в техникуме, "
                 "организовал консультации по черчению и вместе с наставляемыми подготовил проект, занявший "
                 "второе место на областной олимпиаде."),
    ),
    checks=(check_academic_year,),
    summary_fields=("student",),
))
