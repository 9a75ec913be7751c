"""Director's orders (приказы): numbered in the orders register of the year (DESIGN.md "Documents")."""
from app.core.errors import RuleError
from app.documents.kinds import register_kind
from app.documents.kinds.common import (
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

GROUP = "Приказы"
REGISTER = "orders"

MOROZOVA = person_example("Морозова", "Ольга", "Николаевна", "female")
LEBEDEV = person_example("Лебедев", "Дмитрий", "Игоревич", "male")
VASILYEVA = person_example("Васильева", "Наталья", "Юрьевна", "female")
CHERNYKH = person_example("Черных", "Алексей", "Викторович", "male")
KUZMICH = person_example("Кузьмич", "Анна", "Сергеевна", "female")
FORM_EXAMPLE = "студент – студент"

#: 4.8: the five grounds for replacing a mentor; the value completes «в связи с …».
REPLACEMENT_REASONS = (
    ("прекращением наставником трудовых отношений с техникумом",
     "прекращение наставником трудовых отношений с техникумом"),
    ("психологической несовместимостью наставника и наставляемого",
     "психологическая несовместимость наставника и наставляемого"),
    ("систематическим неисполнением наставником своих обязанностей",
     "систематическое неисполнение наставником своих обязанностей"),
    ("привлечением наставника к дисциплинарной ответственности",
     "привлечение наставника к дисциплинарной ответственности"),
    ("обоснованной просьбой наставника или лица, в отношении которого осуществляется наставничество",
     "обоснованная просьба наставника или лица, в отношении которого осуществляется наставничество"),
)

#: 4.7: why a pair may be extended; the value completes «в связи с …».
EXTENSION_REASONS = (
    ("временной нетрудоспособностью", "временная нетрудоспособность"),
    ("командировкой", "командировка"),
    ("иным продолжительным отсутствием по уважительной причине",
     "иное продолжительное отсутствие по уважительной причине"),
)
ABSENT_PARTIES = (("наставника", "наставника"), ("наставляемого", "наставляемого"))

COMMISSION_ROLES = (
    ("председатель комиссии", "председатель комиссии"),
    ("член комиссии", "член комиссии"),
    ("секретарь комиссии", "секретарь комиссии"),
)

#: Section 9.1: the forms of public recognition an order may give.
AWARDS = (
    ("объявить благодарность", "благодарность"),
    ("наградить Почётной грамотой", "Почётная грамота"),
    ("наградить грамотой", "грамота"),
)

COMMISSION_EXAMPLE = [
    {"name": "Гордеева Светлана Александровна", "position": "директор", "role": "председатель комиссии"},
    {"name": "Морозова Ольга Николаевна", "position": "заместитель директора по УВР, куратор наставнической "
     "деятельности", "role": "член комиссии"},
    {"name": "Лебедев Дмитрий Игоревич", "position": "преподаватель специальных дисциплин", "role": "член комиссии"},
    {"name": "Васильева Наталья Юрьевна", "position": "методист", "role": "секретарь комиссии"},
]

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


def _check_commission(values):
    """4.13: a commission of 3–5 members; one of them chairs it."""
    members = values.get("members") or []
    if not 3 <= len(members) <= 5:
        raise RuleError(f"В конкурсной комиссии должно быть от 3 до 5 человек, указано: {len(members)}.",
                        section="4.13", field="members")
    chairs = [row for row in members if row["role"] == "председатель комиссии"]
    if len(chairs) != 1:
        raise RuleError("Укажите одного председателя комиссии (её возглавляет директор техникума).",
                        section="4.13", field="members")


def _check_early_end(values):
    """4.7: ending early means before the planned end, not before the start."""
    start, planned, end = values.get("period_start"), values.get("period_end"), values.get("end_date")
    if start and planned and end and not start <= end < planned:
        raise RuleError("Дата досрочного завершения должна быть не раньше начала и раньше планового окончания "
                        "наставничества.", section="4.7", field="end_date")


def _check_extension(values):
    """4.7: an extension moves the end later."""
    if values.get("period_end") and values.get("new_end") and values["new_end"] <= values["period_end"]:
        raise RuleError("Новая дата окончания должна быть позже текущей.", section="4.7", field="new_end")


register_kind(Kind(
    code="order_appoint_curator",
    title="Приказ о назначении куратора наставнической деятельности",
    heading="О назначении куратора наставнической деятельности",
    group=GROUP, register=REGISTER, template="order_appoint_curator.docx", section="2.3, 5",
    description="Назначение куратора, ответственного за внедрение Целевой модели наставничества.",
    fields=(
        doc_date("Дата приказа"),
        academic_year(),
        person("curator", "Куратор", MOROZOVA),
        text("curator_position", "Должность куратора", "заместитель директора по учебно-воспитательной работе"),
    ),
    checks=(check_academic_year,),
    summary_fields=("curator",),
))

register_kind(Kind(
    code="order_create_commission",
    title="Приказ о создании конкурсной комиссии по отбору наставников",
    heading="О создании конкурсной комиссии по отбору наставников",
    group=GROUP, register=REGISTER, template="order_create_commission.docx", section="4.13",
    description="Комиссия из 3–5 человек; её возглавляет директор, в неё входит куратор.",
    fields=(
        doc_date("Дата приказа"),
        academic_year(),
        table("members", "Состав комиссии", (
            Field("name", "ФИО", FieldType.TEXT, "Гордеева Светлана Александровна"),
            Field("position", "Должность", FieldType.TEXT, "директор"),
            Field("role", "Роль в комиссии", FieldType.CHOICE, "председатель комиссии", choices=COMMISSION_ROLES),
        ), COMMISSION_EXAMPLE),
        date_field("selection_deadline", "Провести отбор до", "2026-09-25"),
    ),
    checks=(check_academic_year, _check_commission),
    summary_fields=("academic_year",),
))

register_kind(Kind(
    code="order_approve_mentor_registry",
    title="Приказ об утверждении реестра наставников",
    heading="Об утверждении реестра наставников",
    group=GROUP, register=REGISTER, template="order_approve_mentor_registry.docx", section="4.13, Приложение 4",
    description="Реестр наставников, прошедших выдвижение или предварительный отбор.",
    fields=(
        doc_date("Дата приказа"),
        academic_year(),
        text("protocol_number", "Номер протокола конкурсной комиссии", "02"),
        date_field("protocol_date", "Дата протокола конкурсной комиссии", "2026-09-20"),
        table("mentors", "Реестр наставников", (
            Field("name", "ФИО наставника", FieldType.TEXT, "Лебедев Дмитрий Игоревич"),
            Field("place", "Место работы (учёбы), должность", FieldType.TEXT,
                  "ГАПОУ СО «КМТ», преподаватель специальных дисциплин"),
            Field("form", "Форма наставничества", FieldType.TEXT, "преподаватель – преподаватель"),
            Field("entry", "Дата вхождения в программу", FieldType.DATE, "2026-09-22", required=False),
        ), [
            {"name": "Лебедев Дмитрий Игоревич", "place": "ГАПОУ СО «КМТ», преподаватель специальных дисциплин",
             "form": "преподаватель – преподаватель", "entry": "2026-09-22"},
            {"name": "Гусев Андрей Викторович", "place": "ООО «Красноуральский механический завод», мастер участка",
             "form": "работодатель – студент", "entry": "2026-09-22"},
            {"name": "Черных Алексей Викторович", "place": "ГАПОУ СО «КМТ», студент группы ТМ-31",
             "form": FORM_EXAMPLE, "entry": "2026-09-22"},
        ]),
    ),
    checks=(check_academic_year,),
    summary_fields=("academic_year",),
))

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
    group=GROUP, register=REGISTER, template="order_nominate_mentors.docx", section="4.13",
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
    code="order_approve_program",
    title="Приказ об утверждении Программы наставничества и наставнических пар (групп)",
    heading="Об утверждении Программы наставничества и состава наставнических пар (групп)",
    group=GROUP, register=REGISTER, template="order_approve_program.docx", section="4.14",
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
    group=GROUP, register=REGISTER, template="order_replace_mentor.docx", section="4.8",
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
    group=GROUP, register=REGISTER, template="order_end_pair_early.docx", section="4.7",
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
    group=GROUP, register=REGISTER, template="order_extend_pair.docx", section="4.7",
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
    group=GROUP, register=REGISTER, template="order_awards.docx", section="9",
    description="Публичное признание: благодарность, грамота, Почётная грамота (п. 9.1).",
    fields=(
        doc_date("Дата приказа"),
        academic_year(),
        table("awardees", "Кого поощрить", (
            Field("name", "ФИО", FieldType.TEXT, "Лебедев Дмитрий Игоревич"),
            Field("role", "Участник", FieldType.TEXT, "наставник, преподаватель специальных дисциплин"),
            Field("award", "Вид поощрения", FieldType.CHOICE, "объявить благодарность", choices=AWARDS),
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
    summary_fields=("academic_year",),
))
