"""The papers of 4.11 a participant or his parent signs: consents to personal-data processing and applications to
take part in the Program. They carry no number of the college: they come to it signed. A parent's paper is for a
minor (app.consents.services.check_signed_for_a_minor), and his application also for a student candidate of any age
(Приложение 5)."""
from datetime import date

from app.consents.models import ParticipantRole
from app.consents.services import REPRESENTATIVE_RELATIONS, check_signed_for_a_minor
from app.core.errors import RuleError
from app.core.formatting import age_on
from app.documents.kinds import PAPERS, register_kind
from app.documents.kinds.common import (
    academic_year,
    boolean,
    check_academic_year,
    choice,
    date_field,
    doc_date,
    person,
    person_example,
    text,
    textarea,
)
from app.documents.kinds.schema import Kind
from app.people.categories import MenteeCategory
from app.people.models import ADULT_AGE

#: «Участвует в Программе в качестве наставника»: the participant's part, in the words the papers print.
PARTICIPANT_ROLES = tuple((role.genitive, role.label) for role in ParticipantRole)
#: 4.3: who may have a mentor; the value completes «Категория: …».
MENTEE_CATEGORIES = tuple((category.label, category.label) for category in MenteeCategory)

PARENT = person_example("Белых", "Елена", "Петровна", "female")
MINOR = person_example("Белых", "Иван", "Олегович", "male")
ID_DOCUMENT = "паспорт 6515 123456, выдан ГУ МВД России по Свердловской области 12.03.2016, код подразделения 660-012"


def _representative(*details):
    """4.11: the parent (legal representative), ``details`` about him, and the minor he signs for."""
    return (person("representative", "Родитель (законный представитель)", PARENT),
            choice("relation", "Кем приходится несовершеннолетнему", REPRESENTATIVE_RELATIONS), *details,
            person("minor", "Несовершеннолетний участник", MINOR),
            date_field("minor_birth_date", "Дата рождения несовершеннолетнего", "2010-05-14"),
            text("minor_group", "Группа", "ТМ-21"),
            choice("participant_role", "Участвует в Программе в качестве", PARTICIPANT_ROLES))


def _check_minor(values):
    """4.11, on the paper's own values: the participant is under 18 on the paper's date."""
    birth, on = values.get("minor_birth_date"), values.get("doc_date")
    if birth and on:
        check_signed_for_a_minor(date.fromisoformat(birth), date.fromisoformat(on), field="minor_birth_date")


register_kind(Kind(
    code="consent_personal_data",
    short_title="Согласие",
    title="Согласие на обработку персональных данных",
    heading="Согласие на обработку персональных данных",
    group=PAPERS, order=20, template="consent_personal_data.docx", section="4.11",
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
    short_title="Согласие родителя",
    title="Согласие родителя (законного представителя) на обработку персональных данных несовершеннолетнего",
    heading="Согласие родителя (законного представителя) на обработку персональных данных",
    group=PAPERS, order=30, template="consent_personal_data_parent.docx", section="4.11",
    description="Для участника, которому на дату согласия нет 18 лет.",
    fields=(
        doc_date("Дата согласия"),
        *_representative(
            text("representative_address", "Адрес регистрации родителя",
                 "624330, Свердловская область, г. Красноуральск, ул. Кирова, 3, кв. 7"),
            text("representative_id_document", "Документ родителя, удостоверяющий личность", ID_DOCUMENT)),
    ),
    checks=(_check_minor,),
    summary_fields=("minor",),
))

register_kind(Kind(
    code="participation_application_mentee",
    short_title="Заявление на участие",
    title="Заявление на участие в Программе наставничества (наставляемого)",
    heading="Заявление на участие в Программе наставничества",
    group=PAPERS, order=40, template="participation_application_mentee.docx", section="4.3, 4.11",
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

def _check_parents_application(values):
    """4.11 for a minor; Приложение 5 for a student candidate or mentor of any age («согласие родителей … (для
    наставников-обучающихся)»), whom the paper then does not call a minor."""
    birth, on = values.get("minor_birth_date"), values.get("doc_date")
    if not (birth and on):
        return
    minor = age_on(date.fromisoformat(birth), date.fromisoformat(on)) < ADULT_AGE
    if values.get("is_minor") and not minor:
        raise RuleError("На дату заявления участнику уже исполнилось 18 лет: снимите отметку «несовершеннолетний».",
                        section="4.11", field="is_minor")
    if not values.get("is_minor") and minor:
        raise RuleError("Участнику на дату заявления нет 18 лет: отметьте «несовершеннолетний».", section="4.11",
                        field="is_minor")
    if not minor and values.get("participant_role") == ParticipantRole.MENTEE.genitive:
        check_signed_for_a_minor(date.fromisoformat(birth), date.fromisoformat(on), field="minor_birth_date")


register_kind(Kind(
    code="participation_application_parent",
    short_title="Заявление родителя",
    title="Заявление родителя (законного представителя) на участие в Программе наставничества",
    heading="Заявление родителя (законного представителя) на участие в Программе наставничества",
    group=PAPERS, order=50, template="participation_application_parent.docx", section="4.11, Приложение 5",
    description="Для участника, которому на дату заявления нет 18 лет, и для кандидата в наставники из числа "
                "обучающихся («согласие родителей» Приложения 5).",
    fields=(
        doc_date("Дата заявления"),
        *_representative(text("representative_phone", "Телефон родителя", "+7 (912) 600-33-44")),
        boolean("is_minor", "Участник несовершеннолетний на дату заявления", True, default=lambda: True),
        academic_year(),
    ),
    checks=(_check_parents_application, check_academic_year),
    summary_fields=("minor",),
))
