"""Letters of thanks to the parents of student mentors (9.1)."""
from app.documents.kinds import register_kind
from app.documents.kinds.common import (
    academic_year,
    check_academic_year,
    doc_date,
    person,
    person_example,
    text,
    textarea,
)
from app.documents.kinds.schema import Kind

register_kind(Kind(
    code="letter_of_thanks",
    title="Благодарственное письмо родителям наставника-обучающегося",
    heading="Благодарственное письмо родителям",
    group="Поощрение", template="letter_of_thanks.docx", section="9.1",
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
