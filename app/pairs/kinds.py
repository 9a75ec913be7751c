"""The papers of pairs and groups: the Program and its pairs (4.14), the orders on one pair (4.7, 4.8) — whose
issue changes the pair (app.pairs.changes) —, a group's agreements (4.6), the mentor's request to step down (6.2) and
the mentee's request for another mentor (7.2), which lead to the replacement order."""
from datetime import date

from app.documents.kinds import ORDERS, PAPERS, register_kind
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
    table,
    text,
    textarea,
)
from app.documents.kinds.schema import Field, FieldType, Kind
from app.pairs.changes import (
    ABSENT_PARTIES,
    EXTENSION_REASONS,
    REPLACEMENT_REASONS,
    SCOPES,
    check_early_end,
    check_extension,
)

pair_columns = (
    Field("mentor", "Наставник", FieldType.TEXT, "Лебедев Дмитрий Игоревич"),
    Field("mentees", "Наставляемый (наставляемые)", FieldType.TEXT, "Черных Алексей Викторович"),
    Field("form", "Форма наставничества", FieldType.TEXT, FORM_EXAMPLE),
    Field("start", "Начало", FieldType.DATE, "2026-09-15"),
    Field("end", "Окончание", FieldType.DATE, "2027-06-30"),
    #: 4.14: the pairs are approved with their individual plans (app.pairs.plans.plan_summary).
    Field("plan", "Индивидуальный план", FieldType.TEXT, "составлен (мероприятий: 5), подписан", required=False),
)


def _concerns():
    """Whom the order concerns (4.6: a group is one mentor and several mentees): the mentee of a pair, one mentee
    of a group (named in «Наставляемый»), or the whole group (its mentees listed)."""
    return (choice("scope", "Кого касается приказ", SCOPES),
            table("group_mentees", "Наставляемые группы (если приказ касается всей группы)",
                  (Field("name", "ФИО наставляемого", FieldType.TEXT, "Цой Виктория Андреевна"),), [],
                  required=False))


def _pair(mentee_example, form_example, end_label, end_example):
    """The fields naming a pair and its period (4.7): mentor, mentee, form, start and end."""
    return (person("mentor", "Наставник", LEBEDEV), person("mentee", "Наставляемый", mentee_example),
            *_concerns(), text("form", "Форма наставничества", form_example),
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
             "form": "преподаватель – преподаватель", "start": "2026-09-15", "end": "2027-06-30",
             "plan": "составлен (мероприятий: 5), подписан"},
            {"mentor": "Черных Алексей Викторович", "mentees": "Белых Иван Олегович, Цой Виктория Андреевна",
             "form": FORM_EXAMPLE, "start": "2026-09-15", "end": "2027-05-31",
             "plan": "составлен (мероприятий: 6)"},
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
        *_concerns(),
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
        date_field("mentor_agreed_on", "Дата согласия наставника (п. 4.7)", "2027-02-20"),
        date_field("curator_agreed_on", "Дата согласования с куратором (п. 4.7)", "2027-02-21"),
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

#: 4.6: who agrees to group work.
GROUP_ROLES = (("наставника", "наставник"), ("наставляемого", "наставляемый"))

register_kind(Kind(
    code="group_work_agreement",
    short_title="Согласие на групповую работу",
    title="Согласие на групповую форму наставнической деятельности",
    heading="Согласие на групповую форму наставнической деятельности",
    group=PAPERS, order=60, template="group_work_agreement.docx", section="4.6",
    description="Наставник и каждый наставляемый группы соглашаются на групповую форму работы (п. 4.6).",
    fields=(
        doc_date("Дата согласия"),
        person("signer", "Кто даёт согласие", KUZMICH),
        choice("role", "В качестве", GROUP_ROLES),
        person("mentor", "Наставник группы", LEBEDEV),
        textarea("mentees", "Наставляемые группы", "Кузьмич Анна Сергеевна, Цой Виктория Андреевна"),
        text("form", "Форма наставничества", FORM_EXAMPLE),
        date_field("period_start", "Начало наставничества", "2026-09-15"),
        date_field("period_end", "Плановое окончание", "2027-06-30"),
    ),
    checks=(check_period("period_start", "period_end", "Окончание наставничества раньше его начала."),),
    summary_fields=("signer",),
))

register_kind(Kind(
    code="mentor_step_down_request",
    short_title="Заявление наставника о сложении обязанностей",
    title="Заявление наставника о сложении обязанностей наставника",
    heading="Заявление о сложении обязанностей наставника",
    group=PAPERS, order=70, template="mentor_step_down_request.docx", section="6.2",
    description="Мотивированное заявление наставника директору (п. 6.2); ведёт к приказу о замене наставника.",
    fields=(
        doc_date("Дата заявления"),
        person("mentor", "Наставник (заявитель)", VASILYEVA),
        text("mentor_position", "Должность (группа) наставника", "преподаватель математики"),
        person("mentee", "Наставляемый", KUZMICH),
        text("form", "Форма наставничества", "преподаватель – преподаватель"),
        textarea("reason", "Мотивы", "по причинам личного характера: длительный отпуск по уходу за ребёнком с "
                 "01.02.2027"),
    ),
    summary_fields=("mentor",),
))

register_kind(Kind(
    code="mentee_mentor_change_request",
    short_title="Ходатайство о замене наставника",
    title="Ходатайство наставляемого о замене наставника",
    heading="Ходатайство о замене наставника",
    group=PAPERS, order=80, template="mentee_mentor_change_request.docx", section="7.2",
    description="Наставляемый просит куратора заменить наставника, если личный контакт не установлен (п. 7.2).",
    fields=(
        doc_date("Дата ходатайства"),
        person("mentee", "Наставляемый (заявитель)", CHERNYKH),
        text("mentee_position", "Группа или должность", "студент группы ТМ-11"),
        person("curator", "Куратор наставнической деятельности", MOROZOVA),
        person("mentor", "Наставник", LEBEDEV),
        textarea("reason", "Почему личный контакт не установлен", "за два месяца не состоялось ни одной встречи "
                 "по индивидуальному плану"),
    ),
    summary_fields=("mentee",),
))
