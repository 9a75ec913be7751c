"""The regulation's own headings of the mentee base (Приложение 3) and the mentor base (Приложение 4).

Pages, forms and the Excel sheets take their words from here, in the regulation's order, so the
bases read the same everywhere. The regulation's spelling is kept («учебы»), except its typo
«Дата входления в программу» in Приложение 4; the import accepts that spelling too.
"""

MENTEE_BASE_TITLE = "База наставляемых"
MENTOR_BASE_TITLE = "База наставников"

#: Приложение 3. Форма базы наставляемых.
MENTEE_COLUMNS = {
    "full_name": "ФИО наставляемого",
    "contacts": "Контактные данные для связи (данные представителя)",
    "birth_year": "Год рождения наставляемого",
    "main_request": "Основной запрос наставляемого",
    "entry_date": "Дата вхождения в программу",
    "mentor": "ФИО наставника",
    "mentorship_form": "Форма наставничества",
    "mentor_place": "Место работы/учебы наставника",
    "end_date": "Дата завершения программы",
    "results": "Результаты программы",
    "case_link": "Ссылка на кейс/отзыв наставляемого, размещенные на сайте организации",
    "program_passed": "Отметка о прохождении программы",
}

#: Приложение 4. Форма базы наставников.
MENTOR_COLUMNS = {
    "full_name": "ФИО наставника",
    "contacts": "Контактные данные для связи",
    "place": "Место работы/учебы наставника",
    "competencies": "Основные компетенции наставника",
    "achievements": "Важные для программы достижения наставника",
    "interests": "Интересы наставника",
    "desired_mentee_age": "Желаемый возраст наставляемых",
    "time_resource": "Ресурс времени на программу наставничества",
    "entry_date": "Дата вхождения в программу",
    "mentees": "ФИО наставляемого (наставляемых)",
    "mentorship_form": "Форма наставничества",
    "mentee_place": "Место работы/учебы наставляемого",
    "end_date": "Дата завершения программы",
    "results": "Результаты программы",
    "case_link": "Ссылка на кейс/отзыв наставника, размещенные на сайте организации",
}

#: What the intranet adds after the regulation's columns.
MENTEE_CATEGORY = "Категория наставляемого (п. 4.3)"
MENTOR_CATEGORY = "Категория наставника (п. 4.4)"
STATUS = "Статус"
PROGRAM_YEAR = "Учебный год"
REGISTRY_BASIS = "Основание включения в реестр наставников"

PROGRAM_PASSED = {True: "пройдена", False: "не пройдена", None: ""}
