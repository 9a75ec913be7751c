"""Selection of mentors (4.13): the approval sheet of a draft order, the commission's protocol."""
from app.core.errors import RuleError
from app.documents.kinds import register_kind
from app.documents.kinds.common import (
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
from app.documents.kinds.orders import COMMISSION_EXAMPLE, COMMISSION_ROLES
from app.documents.kinds.schema import Field, FieldType, Kind

GROUP = "Отбор наставников"

APPROVER_ROLES = (("потенциальный наставник", "потенциальный наставник"),
                  ("куратор наставнической деятельности", "куратор наставнической деятельности"))
DECISIONS = (("рекомендовать к включению в реестр наставников", "рекомендовать к включению в реестр"),
             ("отказать во включении в реестр наставников", "отказать во включении в реестр"),
             # The curator's own selection (Приложение 1, last paragraph) goes through the same commission.
             ("рекомендовать к назначению куратором наставнической деятельности", "рекомендовать к назначению "
                                                                                   "куратором"),
             ("отказать в назначении куратором наставнической деятельности", "отказать в назначении куратором"))
VOTES = (("за", "за"), ("против", "против"), ("воздержался", "воздержался"))


def _check_votes(values):
    """Nobody votes twice: the votes on a candidate are at most the members present."""
    present = len(values.get("members_present") or [])
    total = values.get("members_total")
    if total is not None and present > total:
        raise RuleError(f"Присутствующих ({present}) больше, чем членов комиссии ({total}).",
                        section="4.13", field="members_present")
    for index, row in enumerate(values.get("candidates") or []):
        cast = sum(row.get(key) or 0 for key in ("votes_for", "votes_against", "votes_abstained"))
        if cast > present:
            raise RuleError(f"За кандидата «{row['name']}» подано голосов ({cast}) больше, чем присутствует "
                            f"членов комиссии ({present}).", section="4.13",
                            field=f"candidates.{index}.votes_for")


register_kind(Kind(
    code="approval_sheet",
    title="Лист согласования проекта приказа",
    heading="Лист согласования проекта приказа",
    group=GROUP, template="approval_sheet.docx", section="4.13",
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
    code="commission_protocol",
    title="Протокол заседания конкурсной комиссии по отбору наставников",
    heading="Протокол заседания конкурсной комиссии по отбору наставников",
    group=GROUP, register="protocols", template="commission_protocol.docx", section="4.13, Приложение 1",
    description="Присутствующие, кандидаты, оценки и голоса каждого члена комиссии, решение.",
    fields=(
        doc_date("Дата заседания"),
        academic_year(),
        person("chair", "Председатель комиссии", person_example("Гордеева", "Светлана", "Александровна", "female")),
        text("secretary_name", "Секретарь комиссии (фамилия, инициалы)", "Васильева Н.Ю.", required=False),
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
            Field("votes_for", "За", FieldType.INT, 4, minimum=0),
            Field("votes_against", "Против", FieldType.INT, 0, minimum=0),
            Field("votes_abstained", "Воздержались", FieldType.INT, 0, minimum=0),
            Field("decision", "Решение", FieldType.CHOICE, DECISIONS[0][0], choices=DECISIONS),
        ), [
            {"name": "Лебедев Дмитрий Игоревич", "position": "преподаватель специальных дисциплин",
             "form": "преподаватель – преподаватель", "total_score": 34, "votes_for": 4, "votes_against": 0,
             "votes_abstained": 0, "decision": DECISIONS[0][0]},
            {"name": "Черных Алексей Викторович", "position": "студент группы ТМ-31", "form": "студент – студент",
             "total_score": 29, "votes_for": 3, "votes_against": 0, "votes_abstained": 1,
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
            Field("average", "Средний балл", FieldType.TEXT, "1,5"),
        ), [
            {"candidate": "Лебедев Д.И.", "criterion": "авторитетность в среде коллег и обучающихся",
             "marks": "Гордеева С.А. — 2; Морозова О.Н. — 1", "average": "1,5"},
        ], required=False),
        textarea("decision", "Решение комиссии", "Рекомендовать директору техникума включить в реестр наставников "
                 "на 2026/2027 учебный год кандидатов, получивших большинство голосов."),
    ),
    checks=(check_academic_year, _check_votes),
    summary_fields=("academic_year",),
))
