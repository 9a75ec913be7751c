"""Papers a participant signs: the candidate's application (Приложение 5), consents, participation
applications (4.11). They carry no number of the college: they come to it signed."""
from app.documents.kinds import register_kind
from app.documents.kinds.common import (
    PARTICIPANT_ROLES,
    REPRESENTATIVE_RELATIONS,
    academic_year,
    boolean,
    check_academic_year,
    check_minor,
    choice,
    date_field,
    doc_date,
    integer,
    person,
    person_example,
    text,
    textarea,
)
from app.documents.kinds.schema import Kind

GROUP = "Заявления и согласия"

#: 4.3: who may have a mentor; the value completes «Категория: …».
MENTEE_CATEGORIES = (
    ("студент, изъявивший желание в назначении наставника",
     "студент, изъявивший желание в назначении наставника"),
    ("педагогический работник, вновь принятый на работу в техникум",
     "педагогический работник, вновь принятый на работу в техникум"),
    ("педагогический работник, изъявивший желание в назначении наставника",
     "педагогический работник, изъявивший желание в назначении наставника"),
)

PARENT = person_example("Белых", "Елена", "Петровна", "female")
MINOR = person_example("Белых", "Иван", "Олегович", "male")
def _representative(*details):
    """4.11: the parent (legal representative), ``details`` about him, and the minor he signs for."""
    return (person("representative", "Родитель (законный представитель)", PARENT),
            choice("relation", "Кем приходится несовершеннолетнему", REPRESENTATIVE_RELATIONS), *details,
            person("minor", "Несовершеннолетний участник", MINOR),
            date_field("minor_birth_date", "Дата рождения несовершеннолетнего", "2010-05-14"),
            text("minor_group", "Группа", "ТМ-21"),
            choice("participant_role", "Участвует в Программе в качестве", PARTICIPANT_ROLES))


ID_DOCUMENT = "паспорт 6515 123456, выдан ГУ МВД России по Свердловской области 12.03.2016, код подразделения 660-012"


register_kind(Kind(
    code="candidate_application",
    title="Заявление кандидата в наставники (Приложение 5)",
    heading="Заявление кандидата в наставники",
    group=GROUP, template="candidate_application.docx", section="4.13, Приложение 5",
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

register_kind(Kind(
    code="consent_personal_data",
    title="Согласие на обработку персональных данных",
    heading="Согласие на обработку персональных данных",
    group=GROUP, template="consent_personal_data.docx", section="4.11",
    description="Собственное согласие совершеннолетнего участника Программы наставничества.",
    fields=(
        doc_date("Дата согласия"),
        person("person", "Субъект персональных данных", person_example("Кузьмич", "Анна", "Сергеевна", "female")),
        date_field("birth_date", "Дата рождения", "1998-04-17", required=False),
        text("address", "Адрес регистрации", "624330, Свердловская область, г. Красноуральск, ул. Ленина, 5, кв. 12"),
        text("id_document", "Документ, удостоверяющий личность (вид, серия, номер, кем и когда выдан)", ID_DOCUMENT),
        choice("participant_role", "Участвует в Программе в качестве", PARTICIPANT_ROLES),
    ),
    summary_fields=("person",),
))

register_kind(Kind(
    code="consent_personal_data_parent",
    title="Согласие родителя (законного представителя) на обработку персональных данных несовершеннолетнего",
    heading="Согласие родителя (законного представителя) на обработку персональных данных",
    group=GROUP, template="consent_personal_data_parent.docx", section="4.11",
    description="Для участника, которому на дату согласия нет 18 лет.",
    fields=(
        doc_date("Дата согласия"),
        *_representative(
            text("representative_address", "Адрес регистрации родителя",
                 "624330, Свердловская область, г. Красноуральск, ул. Кирова, 3, кв. 7"),
            text("representative_id_document", "Документ родителя, удостоверяющий личность", ID_DOCUMENT)),
    ),
    checks=(check_minor("minor_birth_date"),),
    summary_fields=("minor",),
))

register_kind(Kind(
    code="participation_application_mentee",
    title="Заявление на участие в Программе наставничества (наставляемого)",
    heading="Заявление на участие в Программе наставничества",
    group=GROUP, template="participation_application_mentee.docx", section="4.3, 4.11",
    description="Заявление будущего наставляемого с его основным запросом.",
    fields=(
        doc_date("Дата заявления"),
        person("mentee", "Заявитель (наставляемый)", person_example("Цой", "Виктория", "Андреевна", "female")),
        text("mentee_position", "Группа или должность", "студентка группы ТМ-11"),
        choice("category", "Категория (п. 4.3)", MENTEE_CATEGORIES),
        academic_year(),
        textarea("main_request", "Основной запрос", "адаптация к учёбе в техникуме, помощь в освоении "
                 "общепрофессиональных дисциплин"),
        text("phone", "Телефон", "+7 (912) 600-11-22", required=False),
    ),
    checks=(check_academic_year,),
    summary_fields=("mentee",),
))

register_kind(Kind(
    code="participation_application_parent",
    title="Заявление родителя (законного представителя) на участие несовершеннолетнего в Программе наставничества",
    heading="Заявление родителя (законного представителя) на участие в Программе наставничества",
    group=GROUP, template="participation_application_parent.docx", section="4.11",
    description="Для участника, которому на дату заявления нет 18 лет.",
    fields=(
        doc_date("Дата заявления"),
        *_representative(text("representative_phone", "Телефон родителя", "+7 (912) 600-33-44")),
        academic_year(),
    ),
    checks=(check_minor("minor_birth_date"), check_academic_year),
    summary_fields=("minor",),
))
