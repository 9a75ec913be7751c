"""The regulation's rules about who may enter a base and who may be paired, one function each.

Each refuses with RuleError naming its section; services.py calls them when a participation is
added or changed, and the pairs domain when a pair is formed, so the same rule speaks in one voice
wherever it applies — the forms, the import and later issues.
"""
import re

from app.core.declension import gendered
from app.core.errors import RuleError
from app.core.formatting import ru_date
from app.people.categories import (
    MENTEE_CATEGORIES_BY_PERSON,
    MENTOR_CATEGORY_BY_PERSON,
    MenteeCategory,
    MentorCategory,
    PersonCategory,
)

#: 2.1: the program is for students "в возрасте от 15 лет".
MIN_STUDENT_AGE = 15
URL_PATTERN = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def check_student_age(person, on):
    """2.1: a student takes part from the age of 15."""
    if person.category == PersonCategory.STUDENT and person.age_on(on) < MIN_STUDENT_AGE:
        raise RuleError(f"{person.full_name} на {ru_date(on)} ещё нет 15 лет: обучающиеся участвуют в программе "
                        "наставничества с 15 лет. Укажите более позднюю дату вхождения или проверьте дату рождения.",
                        section="2.1", field="entry_date")


def check_mentee_category(person, category):
    """4.3: a mentee is a student or a pedagogical worker, and the category must be his."""
    try:
        category = MenteeCategory(category)
    except ValueError:
        raise RuleError("Выберите категорию наставляемого из перечисленных в п. 4.3.", section="4.3",
                        field="category") from None
    allowed = check_may_be_mentee(person)
    if category not in allowed:
        raise RuleError(f"«{category.label}» не подходит человеку категории «{person.category.label}»: выберите "
                        f"{' или '.join('«' + c.label + '»' for c in allowed)}.", section="4.3", field="category")
    return category


def check_may_be_mentee(person):
    """4.3 names students and pedagogical workers; returns the mentee categories open to this person."""
    allowed = MENTEE_CATEGORIES_BY_PERSON[person.category]
    if not allowed:
        raise RuleError(f"Категория «{person.category.label}» не названа в п. 4.3 среди тех, для кого "
                        "устанавливается наставничество: такой человек может быть наставником, но не наставляемым.",
                        section="4.3", field="category")
    return allowed


def check_mentor_category(person, category=None):
    """4.4: a mentor's category follows from who he is; returns it when not given."""
    expected = MENTOR_CATEGORY_BY_PERSON[person.category]
    if category in (None, ""):
        return expected
    try:
        category = MentorCategory(category)
    except ValueError:
        raise RuleError("Выберите категорию наставника из перечисленных в п. 4.4.", section="4.4",
                        field="category") from None
    if category != expected:
        raise RuleError(f"Человек категории «{person.category.label}» может быть наставником только как "
                        f"«{expected.label}» (п. 4.4).", section="4.4", field="category")
    return category


def check_form_running(year, form, field="mentorship_form"):
    """4.1: only the forms the year's program runs."""
    if not year.runs(form):
        running = ", ".join(f"«{f.name}»" for f in year.forms) or "не выбраны"
        raise RuleError(f"Форма «{form.name}» не реализуется в {year.title} учебном году (реализуются: {running}). "
                        "Выберите другую форму или добавьте эту в программу года.", section="4.1", field=field)


def check_form_admits_mentee(form, category, field="mentorship_form"):
    if not form.admits_mentee(category):
        raise RuleError(f"В форме «{form.name}» наставляемым не может быть «{MenteeCategory(category).label}».",
                        section="4.3", field=field)


def check_form_admits_mentor(form, category, field="mentorship_form"):
    if not form.admits_mentor(category):
        raise RuleError(f"В форме «{form.name}» наставником не может быть «{MentorCategory(category).label}».",
                        section="4.4", field=field)


def check_representative(person, on):
    """4.11: a minor enters the program with a parent's or legal representative's participation."""
    if person.is_minor_on(on) and not person.representatives:
        minor = gendered(person, "несовершеннолетний", "несовершеннолетняя")
        raise RuleError(f"{person.full_name} на {ru_date(on)} {minor}: сначала добавьте в "
                        f"{gendered(person, 'его', 'её')} карточку родителя или законного представителя.",
                        section="4.11", field="entry_date")


def check_entry_date(year, entry_date):
    if entry_date is None:
        raise RuleError("Укажите дату вхождения в программу.", field="entry_date")
    if not year.start_date <= entry_date <= year.end_date:
        raise RuleError(f"Дата вхождения в программу должна быть в пределах {year.title} учебного года: с "
                        f"{ru_date(year.start_date)} по {ru_date(year.end_date)}.", field="entry_date")


def one_year_after(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def check_period(entry_date, end_date, field="end_date", extended_to=None):
    """4.7: the program of a pair lasts at most one calendar year, unless an extension order (for illness, a business
    trip or another long absence) set a later end, ``extended_to``."""
    if end_date is None:
        return
    if end_date < entry_date:
        raise RuleError("Дата завершения программы не может быть раньше даты вхождения в неё.", field=field)
    if extended_to is not None and end_date <= extended_to:
        return
    if end_date > one_year_after(entry_date):
        raise RuleError(f"Наставничество длится не более 1 календарного года: при вхождении {ru_date(entry_date)} "
                        f"программа завершается не позднее {ru_date(one_year_after(entry_date))}.", section="4.7",
                        field=field)


def check_case_link(value, field="case_link"):
    value = (value or "").strip()
    if value and not URL_PATTERN.match(value):
        raise RuleError("Ссылка на кейс или отзыв должна быть адресом страницы сайта, начинающимся с https://.",
                        field=field)
    return value or None
