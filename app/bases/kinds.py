"""The papers printed from the bases: the Program and its pairs (4.14), the orders on one pair (4.7, 4.8), the bases
as tables (Приложения 3, 4), awards and letters of thanks (9). The orders on pairs are checked by the rules of
app.bases.pair_changes; the pairs domain will take them with the pairs."""
from datetime import date

from app.bases import labels
from app.bases.pair_changes import (
    ABSENT_PARTIES,
    EXTENSION_REASONS,
    REPLACEMENT_REASONS,
    check_early_end,
    check_extension,
)
from app.documents.kinds import AWARDS, BASES, ORDERS, register_kind
from app.documents.kinds.common import (
    CHERNYKH,
    FORM_EXAMPLE,
    KUZMICH,
    LEBEDEV,
    MOROZOVA,
    VASILYEVA,
    academic_year,
    boolean,
    check_academic_year,
    check_period,
    choice,
    date_field,
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

pair_columns = (
    Field("mentor", "Наставник", FieldType.TEXT, "Лебедев Дмитрий Игоревич"),
    Field("mentees", "Наставляемый (наставляемые)", FieldType.TEXT, "Черных Алексей Викторович"),
    Field("form", "Форма наставничества", FieldType.TEXT, FORM_EXAMPLE),
    Field("start", "Начало", FieldType.DATE, "2026-09-15"),
    Field("end", "Окончание", FieldType.DATE, "2027-06-30"),
)


def _pair(mentee_example, form_example, end_label, end_example):
    """The fields naming a pair and its period (4.7): mentor, mentee, form, start and end."""
    return (person("mentor", "Наставник", LEBEDEV), person("mentee", "Наставляемый", mentee_example),
            text("form", "Форма наставничества", form_example),
            date_field("period_start", "Начало наставничества", "2026-09-15"),
            date_field("period_end", end_label, end_example))


def _dates(values, *names):
    return [date.fromisoformat(values[name]) if values.get(name) else None for name in names]


def _check_early_end(values):
    check_early_end(*_dates(values, "period_start", "period_end", "end_date"))


def _check_extension(values):
    check_extension(*_dates(values, "period_end", "new_end"))


register_kind(Kind(
    code="order_approve_program",
    title="Приказ об утверждении Программы наставничества и наставнических пар (групп)",
    heading="Об утверждении Программы наставничества и состава наставнических пар (групп)",
    group=ORDERS, order=50, register="orders", template="order_approve_program.docx", section="4.14",
    description="По итогам пятого этапа: Программа на учебный год и пары (группы) с их сроками.",
    fields=(
        doc_date("Дата приказа"),
        academic_year(),
        person("curator", "Куратор наставнической деятельности", MOROZOVA),
        boolean("mentor_training", "В Программу включено обучение наставников (п. 4.14)", True),
        table("pairs", "Наставнические пары (группы)", pair_columns, [
            {"mentor": "Лебедев Дмитрий Игоревич", "mentees": "Кузьмич Анна Сергеевна",
             "form": "преподаватель – преподаватель", "start": "2026-09-15", "end": "2027-06-30"},
            {"mentor": "Черных Алексей Викторович", "mentees": "Белых Иван Олегович, Цой Виктория Андреевна",
             "form": FORM_EXAMPLE, "start": "2026-09-15", "end": "2027-05-31"},
        ]),
    ),
    checks=(check_academic_year,),
    summary_fields=("academic_year",),
))

register_kind(Kind(
    code="order_replace_mentor",
    title="Приказ о замене наставника",
    heading="О замене наставника",
    group=ORDERS, order=60, register="orders", template="order_replace_mentor.docx", section="4.8",
    description="Только по одному из пяти оснований п. 4.8; период наставничества не меняется.",
    fields=(
        doc_date("Дата приказа"),
        person("mentee", "Наставляемый", KUZMICH),
        text("mentee_position", "Наставляемый: группа или должность", "преподаватель математики"),
        person("former_mentor", "Прежний наставник", VASILYEVA),
        person("new_mentor", "Новый наставник", LEBEDEV),
        text("new_mentor_position", "Новый наставник: должность (место учёбы)", "преподаватель специальных дисциплин"),
        text("form", "Форма наставничества", "преподаватель – преподаватель"),
        choice("reason", "Основание замены (п. 4.8)", REPLACEMENT_REASONS),
        textarea("reason_details", "Документ-основание", "заявление наставника от 10.01.2027", required=False,
                 help="Например: заявление, служебная записка с датой."),
        date_field("period_start", "Период наставничества: начало", "2026-09-15"),
        date_field("period_end", "Период наставничества: окончание", "2027-06-30"),
    ),
    checks=(check_period("period_start", "period_end", "Окончание периода наставничества раньше его начала."),),
    summary_fields=("mentee",),
))

register_kind(Kind(
    code="order_end_pair_early",
    title="Приказ о досрочном завершении наставничества",
    heading="О досрочном завершении наставничества",
    group=ORDERS, order=70, register="orders", template="order_end_pair_early.docx", section="4.7",
    description="При быстром и успешном освоении компетенций, по согласованию с наставником и куратором.",
    fields=(
        doc_date("Дата приказа"),
        *_pair(KUZMICH, "преподаватель – преподаватель", "Плановое окончание", "2027-06-30"),
        date_field("end_date", "Дата досрочного завершения", "2027-02-28"),
        textarea("reason", "Основание", "индивидуальный план развития выполнен досрочно, наставляемый освоил "
                 "необходимые компетенции"),
    ),
    checks=(_check_early_end,),
    summary_fields=("mentee",),
))

register_kind(Kind(
    code="order_extend_pair",
    title="Приказ о продлении срока наставничества",
    heading="О продлении срока наставничества",
    group=ORDERS, order=80, register="orders", template="order_extend_pair.docx", section="4.7",
    description="При временной нетрудоспособности, командировке или ином продолжительном отсутствии.",
    fields=(
        doc_date("Дата приказа"),
        *_pair(CHERNYKH, FORM_EXAMPLE, "Текущая дата окончания", "2027-05-31"),
        date_field("new_end", "Новая дата окончания", "2027-06-30"),
        choice("absence_reason", "Причина (п. 4.7)", EXTENSION_REASONS),
        choice("absent_party", "Кто отсутствовал", ABSENT_PARTIES),
        textarea("reason_details", "Подтверждающий документ, сведения о причине",
                 "листок нетрудоспособности с 12.01.2027 по 05.02.2027"),
    ),
    checks=(_check_extension,),
    summary_fields=("mentee",),
))

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
