"""The individual development plan as a paper (4.1, 4.14, 6.1, 7.1): printed from the pair's plan, signed by the
mentor and the mentee(s), its scan filed against the printed document."""
from app.documents.kinds import PAPERS, register_kind
from app.documents.kinds.common import (
    FORM_EXAMPLE,
    LEBEDEV,
    academic_year,
    check_academic_year,
    check_period,
    date_field,
    doc_date,
    person,
    table,
    text,
    textarea,
)
from app.documents.kinds.schema import Field, FieldType, Kind

ITEM_COLUMNS = (
    Field("task", "Мероприятие (задача)", FieldType.TEXT, "Проведение первой, организационной, встречи"),
    Field("expected_result", "Ожидаемый результат", FieldType.TEXT, "Согласованы формат и график встреч",
          required=False),
    Field("deadline", "Срок", FieldType.DATE, "2026-09-22", required=False),
    Field("responsible", "Ответственный", FieldType.TEXT, "наставник", required=False),
    Field("status", "Статус", FieldType.TEXT, "выполнено", required=False),
    Field("mentor_mark", "Отметка наставника", FieldType.TEXT, "Встреча проведена, график согласован",
          required=False),
    Field("mentee_report", "Отчёт наставляемого", FieldType.TEXT, "Познакомился с наставником", required=False),
)

register_kind(Kind(
    code="individual_plan",
    title="Индивидуальный план развития наставляемого под руководством наставника",
    heading="Индивидуальный план развития наставляемого",
    short_title="Индивидуальный план",
    group=PAPERS, order=90, template="individual_plan.docx", section="4.1, 4.14",
    description="План пары (группы), составленный из типового плана её формы наставничества: мероприятия, сроки, "
                "ответственные, отметки наставника и отчёт наставляемого; подписывается наставником и "
                "наставляемым.",
    fields=(
        doc_date("Дата плана"),
        academic_year(),
        text("form", "Форма наставничества", FORM_EXAMPLE),
        person("mentor", "Наставник", LEBEDEV),
        table("mentees", "Наставляемый (наставляемые)",
              (Field("name", "ФИО наставляемого", FieldType.TEXT, "Черных Алексей Викторович"),),
              [{"name": "Черных Алексей Викторович"}]),
        date_field("period_start", "Начало наставничества", "2026-09-15"),
        date_field("period_end", "Окончание наставничества", "2027-06-30"),
        text("role_model", "Ролевая модель (п. 4.1)", "«успевающий – неуспевающий»", required=False),
        textarea("planned_results", "Планируемые результаты (п. 4.7)",
                 "Успеваемость по электротехнике не ниже «4» по итогам семестра", required=False),
        table("items", "Мероприятия индивидуального плана", ITEM_COLUMNS, [
            {"task": "Проведение первой, организационной, встречи наставника и наставляемого",
             "expected_result": "Согласованы формат и график встреч", "deadline": "2026-09-22",
             "responsible": "наставник", "status": "выполнено", "mentor_mark": "Встреча проведена",
             "mentee_report": "Познакомился с наставником"},
        ]),
    ),
    checks=(check_academic_year,
            check_period("period_start", "period_end", "Окончание наставничества не может быть раньше начала.")),
    summary_fields=("mentor", "mentees"),
))
