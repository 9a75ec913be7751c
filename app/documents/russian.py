"""Russian wording for documents: dates, names in every case, initials, numbers in words.

These are the Jinja filters the Word templates use (``{{ curator|name("accusative") }}``); each takes
the plain values a document's context holds (ISO dates, person dicts) so a template renders the same
from the JSON kept with an issued document as it did on the day it was issued.

A person is a dict (or any object) with ``last_name``, ``first_name``, ``middle_name``, ``gender``
and optionally ``name_forms``: {case: full name in that case}, typed by hand where the automatic
declension is wrong; it wins over pytrovich for that case.
"""
from datetime import date, datetime

from babel.dates import format_date
from num2words import num2words

from app.core import declension
from app.core.declension import DeclensionError
from app.core.names import GrammaticalCase

LOCALE = "ru_RU"
#: «08» сентября 2020 г. — the form of the regulation's own title page.
LONG_DATE = "«dd» MMMM yyyy 'г.'"
SHORT_DATE = "dd.MM.yyyy"
TEXT_DATE = "d MMMM yyyy 'г.'"

#: num2words' names of the cases.
_NUM2WORDS_CASES = {
    GrammaticalCase.NOMINATIVE: "nominative", GrammaticalCase.GENITIVE: "genitive",
    GrammaticalCase.DATIVE: "dative", GrammaticalCase.ACCUSATIVE: "accusative",
    GrammaticalCase.INSTRUMENTAL: "instrumental", GrammaticalCase.PREPOSITIONAL: "prepositional",
}


#: A value a filter cannot use (not a date, not a person, no such case); the renderer names the field.
DocumentValueError = DeclensionError


# Dates -------------------------------------------------------------------------------------------

def as_date(value):
    """A date from a date, a datetime or an ISO string (the form contexts are stored in)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise DocumentValueError(f"не дата: {value!r}")


def date_long(value):
    """«08» сентября 2020 г."""
    return format_date(as_date(value), LONG_DATE, locale=LOCALE)


def date_short(value):
    """08.09.2020"""
    return format_date(as_date(value), SHORT_DATE, locale=LOCALE)


def date_text(value):
    """8 сентября 2020 г."""
    return format_date(as_date(value), TEXT_DATE, locale=LOCALE)


# Names -------------------------------------------------------------------------------------------
# People's names and phrases are declined by app.core.declension, which pages and messages use too.

name = declension.full_name_in
initials_after = declension.initials_after
initials_before = declension.initials_before
gendered = declension.gendered
decline = declension.decline_phrase
declined_parts = declension.declined_parts
person_gender = declension.person_gender
_case = declension.grammatical_case


# Numbers -----------------------------------------------------------------------------------------

def _number(value):
    if isinstance(value, bool):
        raise DocumentValueError(f"не число: {value!r}")
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise DocumentValueError(f"не число: {value!r}") from None


def words(value, case="nominative", gender="m"):
    """48 -> «сорок восемь»; ``gender`` "f" for «две», ``case`` as in name()."""
    kwargs = {"case": _NUM2WORDS_CASES[_case(case)]}
    if gender in ("f", "n"):
        kwargs["gender"] = gender
    return num2words(_number(value), lang="ru", **kwargs)


def plural(value, one, few, many):
    """The noun form after a number: 1 лист, 2 листа, 5 листов (21 лист, 11 листов)."""
    number = abs(_number(value))
    if number % 10 == 1 and number % 100 != 11:
        return one
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return few
    return many


def capfirst(value):
    """Upper-case the first letter only (a college name that starts a line)."""
    text = str(value)
    return text[:1].upper() + text[1:]


FILTERS = {
    "date_long": date_long,
    "date_short": date_short,
    "date_text": date_text,
    "name": name,
    "initials_after": initials_after,
    "initials_before": initials_before,
    "gendered": gendered,
    "decline": decline,
    "words": words,
    "plural": plural,
    "capfirst": capfirst,
}

#: What the reference page for template authors shows: filter, example of use, result.
FILTER_EXAMPLES = [
    ("date_long", "{{ doc_date|date_long }}", "«08» сентября 2020 г."),
    ("date_short", "{{ doc_date|date_short }}", "08.09.2020"),
    ("date_text", "{{ doc_date|date_text }}", "8 сентября 2020 г."),
    ("name", "{{ curator|name('genitive') }}", "Морозовой Ольги Николаевны"),
    ("initials_before", "{{ college.director|initials_before('dative') }}", "Е.В. Елсуковой"),
    ("initials_after", "{{ college.director|initials_after('genitive') }}", "Елсуковой Е.В."),
    ("gendered", "{{ candidate|gendered('ознакомлен', 'ознакомлена') }}", "ознакомлена"),
    ("decline", "{{ candidate_position|decline('genitive') }}", "студентки группы ТМ-25"),
    ("words", "{{ portfolio_pages|words }}", "двенадцать"),
    ("plural", "{{ portfolio_pages|plural('листе', 'листах', 'листах') }}", "листах"),
    ("capfirst", "{{ college.full_name|capfirst }}", "Государственное автономное …"),
]
