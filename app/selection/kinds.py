"""The selection's papers (4.13, Приложение 1, Приложение 4): the curator's appointment, the order creating the
commission, the registry of mentors and the commission's protocol. Their values are checked by the selection's own
rules (app.selection.commission, app.selection.decisions)."""
from app.core.errors import RuleError
from app.documents.kinds import ORDERS, SELECTION, register_kind
from app.documents.kinds.common import (
    FORM_EXAMPLE,
    MOROZOVA,
    VASILYEVA,
    academic_year,
    check_academic_year,
    date_field,
    doc_date,
    integer,
    person,
    person_example,
    table,
    text,
    textarea,
)
from app.documents.kinds.schema import Field, FieldType, Kind
from app.selection.commission import check_one_chair, check_size
from app.selection.decisions import PROTOCOL_DECISIONS, check_protocol_votes
from app.selection.models import CommissionRole, Vote

COMMISSION_ROLES = tuple((role.label, role.label) for role in CommissionRole)
DECISIONS = tuple(PROTOCOL_DECISIONS.values())
VOTES = tuple((vote.label, vote.label) for vote in Vote)

COMMISSION_EXAMPLE = [
    {"name": "Гордеева Светлана Александровна", "position": "директор", "role": "председатель комиссии"},
    {"name": "Морозова Ольга Николаевна", "position": "заместитель директора по УВР, куратор наставнической "
     "деятельности", "role": "член комиссии"},
    {"name": "Лебедев Дмитрий Игоревич", "position": "преподаватель специальных дисциплин", "role": "член комиссии"},
    {"name": "Васильева Наталья Юрьевна", "position": "методист", "role": "секретарь комиссии"},
]


def _check_members(values):
    """4.13, the order typed by hand: 3–5 members, one of them the chair."""
    members = values.get("members") or []
    check_size(len(members))
    check_one_chair(len([row for row in members if row["role"] == CommissionRole.CHAIR.label]))


register_kind(Kind(
    code="order_appoint_curator",
    title="Приказ о назначении куратора наставнической деятельности",
    heading="О назначении куратора наставнической деятельности",
    group=ORDERS, order=10, register="orders", template="order_appoint_curator.docx", section="2.3, 5",
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
    group=ORDERS, order=20, register="orders", template="order_create_commission.docx", section="4.13",
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
    checks=(check_academic_year, _check_members),
    summary_fields=("academic_year",),
))

def _check_registry_basis(values):
    """4.13: the registry of mentors «прошедших выдвижение или предварительный отбор» — on the commission's protocol,
    or, for the nominated, on the nomination's order."""
    if bool(values.get("protocol_number")) != bool(values.get("protocol_date")):
        raise RuleError("Укажите и номер, и дату протокола конкурсной комиссии.", section="4.13",
                        field="protocol_number")
    if not values.get("protocol_number") and not values.get("nomination_basis"):
        raise RuleError("Укажите основание приказа: протокол конкурсной комиссии (номер и дату) или, для выдвинутых "
                        "без отбора, приказ о выдвижении.", section="4.13", field="protocol_number")


register_kind(Kind(
    code="order_approve_mentor_registry",
    title="Приказ об утверждении реестра наставников",
    heading="Об утверждении реестра наставников",
    group=ORDERS, order=30, register="orders", template="order_approve_mentor_registry.docx",
    section="4.13, Приложение 4",
    description="Реестр наставников, прошедших выдвижение или предварительный отбор.",
    fields=(
        doc_date("Дата приказа"),
        academic_year(),
        text("protocol_number", "Номер протокола конкурсной комиссии", "02", required=False,
             help="По итогам предварительного отбора; для выдвинутых без отбора — пусто, укажите основание ниже."),
        date_field("protocol_date", "Дата протокола конкурсной комиссии", "2026-09-20", required=False),
        text("nomination_basis", "Основание для выдвинутых (п. 4.13), без протокола", "", required=False,
             help="В родительном падеже: «приказа о выдвижении наставников от 05.09.2026 № 15-од»."),
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
    checks=(check_academic_year, _check_registry_basis),
    summary_fields=("academic_year",),
))

register_kind(Kind(
    code="commission_protocol",
    short_title="Протокол",
    title="Протокол заседания конкурсной комиссии по отбору наставников",
    heading="Протокол заседания конкурсной комиссии по отбору наставников",
    group=SELECTION, order=20, register="protocols", template="commission_protocol.docx",
    section="4.13, Приложение 1",
    description="Присутствующие, кандидаты, оценки и голоса каждого члена комиссии, решение.",
    fields=(
        doc_date("Дата заседания"),
        academic_year(),
        person("chair", "Председатель комиссии", person_example("Гордеева", "Светлана", "Александровна", "female")),
        person("secretary", "Секретарь комиссии", VASILYEVA, required=False,
               help="Подписывает протокол, если присутствовал на заседании."),
        integer("members_total", "Всего членов комиссии", 4, minimum=3, maximum=5),
        table("members_present", "Присутствовали", (
            Field("name", "ФИО", FieldType.TEXT, "Гордеева Светлана Александровна"),
            Field("position", "Должность", FieldType.TEXT, "директор"),
            Field("role", "Роль в комиссии", FieldType.CHOICE, "председатель комиссии", choices=COMMISSION_ROLES),
        ), COMMISSION_EXAMPLE),
        table("candidates", "Рассмотренные кандидаты", (
            Field("name", "ФИО кандидата", FieldType.TEXT, "Лебедев Дмитрий Игоревич"),
            Field("position", "Должность (группа)", FieldType.TEXT, "преподаватель специальных дисциплин"),
            Field("form", "Форма наставничества", FieldType.TEXT, "преподаватель – преподаватель"),
            Field("total_score", "Сумма баллов", FieldType.INT, 34, minimum=0),
            Field("average", "Средний балл на критерий", FieldType.TEXT, "1,42", required=False),
            Field("votes_for", "За", FieldType.INT, 4, minimum=0),
            Field("votes_against", "Против", FieldType.INT, 0, minimum=0),
            Field("votes_abstained", "Воздержались", FieldType.INT, 0, minimum=0),
            Field("decision", "Решение", FieldType.CHOICE, DECISIONS[0][0], choices=DECISIONS),
        ), [
            {"name": "Лебедев Дмитрий Игоревич", "position": "преподаватель специальных дисциплин",
             "form": "преподаватель – преподаватель", "total_score": 34, "average": "1,42", "votes_for": 4,
             "votes_against": 0, "votes_abstained": 0, "decision": DECISIONS[0][0]},
            {"name": "Черных Алексей Викторович", "position": "студент группы ТМ-31", "form": "студент – студент",
             "total_score": 29, "average": "1,21", "votes_for": 3, "votes_against": 0, "votes_abstained": 1,
             "decision": DECISIONS[0][0]},
        ]),
        table("scores", "Оценки и голоса членов комиссии", (
            Field("candidate", "Кандидат", FieldType.TEXT, "Лебедев Д.И."),
            Field("member", "Член комиссии", FieldType.TEXT, "Гордеева С.А."),
            Field("score", "Балл", FieldType.INT, 9, minimum=0),
            Field("vote", "Голос", FieldType.CHOICE, "за", choices=VOTES),
        ), [
            {"candidate": "Лебедев Д.И.", "member": "Гордеева С.А.", "score": 9, "vote": "за"},
            {"candidate": "Лебедев Д.И.", "member": "Морозова О.Н.", "score": 8, "vote": "за"},
            {"candidate": "Черных А.В.", "member": "Гордеева С.А.", "score": 7, "vote": "за"},
            {"candidate": "Черных А.В.", "member": "Морозова О.Н.", "score": 8, "vote": "воздержался"},
        ], required=False),
        text("score_scale", "Шкала оценки критериев", "0 — не соответствует, 1 — соответствует частично, "
             "2 — соответствует полностью", required=False),
        table("criteria_scores", "Оценки по критериям отбора (Приложение 1)", (
            Field("candidate", "Кандидат", FieldType.TEXT, "Лебедев Д.И."),
            Field("criterion", "Критерий", FieldType.TEXT, "авторитетность в среде коллег и обучающихся"),
            Field("marks", "Оценки членов комиссии", FieldType.TEXT, "Гордеева С.А. — 2; Морозова О.Н. — 1"),
            Field("average", "Средний балл", FieldType.TEXT, "1,50"),
        ), [
            {"candidate": "Лебедев Д.И.", "criterion": "авторитетность в среде коллег и обучающихся",
             "marks": "Гордеева С.А. — 2; Морозова О.Н. — 1", "average": "1,50"},
        ], required=False),
        textarea("decision", "Решение комиссии", "Рекомендовать директору техникума включить в реестр наставников "
                 "на 2026/2027 учебный год кандидатов, получивших большинство голосов."),
    ),
    checks=(check_academic_year, check_protocol_votes),
    summary_fields=("academic_year",),
))
