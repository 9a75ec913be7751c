"""The mentee base (Приложение 3) and the mentor base (Приложение 4), printed as tables."""
from app.documents.kinds import register_kind
from app.documents.kinds.common import academic_year, check_academic_year, doc_date, table
from app.documents.kinds.schema import Field, FieldType, Kind

GROUP = "Базы наставляемых и наставников"


def _column(name, label, example, type_=FieldType.TEXT, required=False):
    return Field(name, label, type_, example, required=required)


#: Приложение 3, the columns in the regulation's order and words.
MENTEE_COLUMNS = (
    _column("full_name", "ФИО наставляемого", "Цой Виктория Андреевна", required=True),
    _column("contacts", "Контактные данные для связи (данные представителя)", "+7 (912) 600-11-22"),
    _column("birth_year", "Год рождения наставляемого", 2010, FieldType.INT),
    _column("main_request", "Основной запрос наставляемого", "адаптация к учёбе"),
    _column("join_date", "Дата вхождения в программу", "2026-09-15", FieldType.DATE),
    _column("mentor_name", "ФИО наставника", "Черных Алексей Викторович"),
    _column("form", "Форма наставничества", "студент – студент"),
    _column("mentor_place", "Место работы/учёбы наставника", "ГАПОУ СО «КМТ», группа ТМ-31"),
    _column("end_date", "Дата завершения программы", "2027-05-31", FieldType.DATE),
    _column("results", "Результаты программы", "средний балл вырос с 3,6 до 4,2"),
    _column("case_link", "Ссылка на кейс/отзыв наставляемого, размещённые на сайте организации",
            "kmt-krasnouralsk.ru/nastavnichestvo/keys-1"),
    _column("completed", "Отметка о прохождении программы", "прошла"),
)

#: Приложение 4, the columns in the regulation's order and words.
MENTOR_COLUMNS = (
    _column("full_name", "ФИО наставника", "Лебедев Дмитрий Игоревич", required=True),
    _column("contacts", "Контактные данные для связи", "+7 (343) 432-12-34, lebedev@kmt.example"),
    _column("place", "Место работы/учёбы наставника", "ГАПОУ СО «КМТ», преподаватель"),
    _column("competencies", "Основные компетенции наставника", "технология машиностроения, САПР"),
    _column("achievements", "Важные для программы достижения наставника", "победитель регионального конкурса "
            "«Преподаватель года — 2025»"),
    _column("interests", "Интересы наставника", "техническое творчество, шахматы"),
    _column("mentee_age", "Желаемый возраст наставляемых", "от 22 лет"),
    _column("time_resource", "Ресурс времени на программу наставничества", "2 часа в неделю"),
    _column("join_date", "Дата вхождения в программу", "2026-09-15", FieldType.DATE),
    _column("mentees", "ФИО наставляемого (наставляемых)", "Кузьмич Анна Сергеевна"),
    _column("form", "Форма наставничества", "преподаватель – преподаватель"),
    _column("mentee_place", "Место работы/учёбы наставляемого", "ГАПОУ СО «КМТ», преподаватель математики"),
    _column("end_date", "Дата завершения программы", "2027-06-30", FieldType.DATE),
    _column("results", "Результаты программы", "проведено 2 открытых урока"),
    _column("case_link", "Ссылка на кейс/отзыв наставника, размещённые на сайте организации",
            "kmt-krasnouralsk.ru/nastavnichestvo/keys-2"),
)


def _register_base(code, heading, appendix, section, rows_label, columns, description):
    register_kind(Kind(
        code=code, title=f"{heading} ({appendix})", heading=heading, group=GROUP, template=f"{code}.docx",
        section=f"{section}, {appendix}", description=description,
        fields=(doc_date("По состоянию на"), academic_year(),
                table("rows", rows_label, columns, [{column.name: column.example for column in columns}])),
        checks=(check_academic_year,),
        summary_fields=("rows",),
    ))


_register_base("mentee_base", "База наставляемых", "Приложение 3", "4.11", "Наставляемые", MENTEE_COLUMNS,
               "Перечень лиц, желающих иметь наставников, по форме Приложения 3.")
_register_base("mentor_base", "База наставников", "Приложение 4", "4.12", "Наставники", MENTOR_COLUMNS,
               "Потенциальные и действующие наставники по форме Приложения 4.")
