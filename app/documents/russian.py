"""Russian wording for documents: dates, names in every case, initials, numbers in words.

These are the Jinja filters the Word templates use (``{{ curator|name("accusative") }}``); each takes
the plain values a document's context holds (ISO dates, person dicts) so a template renders the same
from the JSON kept with an issued document as it did on the day it was issued.

A person is a dict (or any object) with ``last_name``, ``first_name``, ``middle_name``, ``gender``
and optionally ``name_forms``: {case: full name in that case}, typed by hand where the automatic
declension is wrong; it wins over pytrovich for that case.
"""
import re
from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date
from num2words import num2words
from pytrovich.detector import PetrovichGenderDetector
from pytrovich.enums import Case, NamePart
from pytrovich.enums import Gender as PetrovichGender
from pytrovich.maker import PetrovichDeclinationMaker

from app.core.names import Gender, GrammaticalCase

LOCALE = "ru_RU"
#: «08» сентября 2020 г. — the form of the regulation's own title page.
LONG_DATE = "«dd» MMMM yyyy 'г.'"
SHORT_DATE = "dd.MM.yyyy"
TEXT_DATE = "d MMMM yyyy 'г.'"

#: "Е." or "Е" — an initial entered instead of a full name; never declined.
_INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.?$")

_CASES = {
    GrammaticalCase.GENITIVE: Case.GENITIVE,
    GrammaticalCase.DATIVE: Case.DATIVE,
    GrammaticalCase.ACCUSATIVE: Case.ACCUSATIVE,
    GrammaticalCase.INSTRUMENTAL: Case.INSTRUMENTAL,
    GrammaticalCase.PREPOSITIONAL: Case.PREPOSITIONAL,
}
_PARTS = (("last_name", NamePart.LASTNAME), ("first_name", NamePart.FIRSTNAME),
          ("middle_name", NamePart.MIDDLENAME))
#: num2words' names of the cases.
_NUM2WORDS_CASES = {
    GrammaticalCase.NOMINATIVE: "nominative", GrammaticalCase.GENITIVE: "genitive",
    GrammaticalCase.DATIVE: "dative", GrammaticalCase.ACCUSATIVE: "accusative",
    GrammaticalCase.INSTRUMENTAL: "instrumental", GrammaticalCase.PREPOSITIONAL: "prepositional",
}


class DocumentValueError(ValueError):
    """A value a filter cannot use (not a date, not a person); the renderer names the field."""


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

def _part(person, key):
    value = person.get(key) if isinstance(person, dict) else getattr(person, key, None)
    return (value or "").strip()


def _name_forms(person):
    forms = person.get("name_forms") if isinstance(person, dict) else getattr(person, "name_forms", None)
    return forms or {}


def _check_person(person):
    if person is None or not _part(person, "last_name"):
        raise DocumentValueError(f"не ФИО: {person!r}")


def person_gender(person):
    """The person's Gender; guessed from the patronymic and first name when not given."""
    value = person.get("gender") if isinstance(person, dict) else getattr(person, "gender", None)
    if value:
        return Gender(value)
    return _detect_gender(_part(person, "first_name"), _part(person, "middle_name"))


@lru_cache(maxsize=4096)
def _detect_gender(first_name, middle_name):
    detected = _detector().detect(firstname=first_name or None, middlename=middle_name or None)
    if detected == PetrovichGender.FEMALE:
        return Gender.FEMALE
    if detected == PetrovichGender.MALE:
        return Gender.MALE
    return None


@lru_cache(maxsize=1)
def _maker():
    return PetrovichDeclinationMaker()


@lru_cache(maxsize=1)
def _detector():
    return PetrovichGenderDetector()


@lru_cache(maxsize=16384)
def _decline(part_name, word, gender, case):
    if not word or case == GrammaticalCase.NOMINATIVE or _INITIAL.match(word):
        return word
    petrovich_gender = {Gender.MALE: PetrovichGender.MALE, Gender.FEMALE: PetrovichGender.FEMALE}.get(
        gender, PetrovichGender.ANDROGYNOUS)
    part = dict(_PARTS)[part_name]
    return _maker().make(part, petrovich_gender, _CASES[case], word)


def _case(case):
    try:
        return GrammaticalCase(case)
    except ValueError:
        raise DocumentValueError(f"нет такого падежа: {case!r}") from None


def declined_parts(person, case="nominative"):
    """(last, first, middle) in ``case``; a hand-typed override for that case wins."""
    _check_person(person)
    case = _case(case)
    parts = [_part(person, key) for key, _ in _PARTS]
    override = (_name_forms(person).get(case.value) or "").split()
    if override:
        given = [p for p in parts[1:] if p]
        tail = len(given)
        if len(override) > tail:
            surname = " ".join(override[: len(override) - tail])
            rest = override[len(override) - tail:]
            first = rest[0] if parts[1] else ""
            middle = rest[-1] if parts[2] else ""
            return surname, first, middle
    gender = person_gender(person)
    return tuple(_decline(key, word, gender, case) for (key, _), word in zip(_PARTS, parts, strict=True))


def name(person, case="nominative"):
    """Елсуковой Елены Викторовны (full name in ``case``)."""
    return " ".join(part for part in declined_parts(person, case) if part)


def _initials(person):
    return "".join(f"{part[0]}." for part in (_part(person, "first_name"), _part(person, "middle_name")) if part)


def initials_after(person, case="nominative"):
    """Елсуковой Е.В. — as in «в лице директора Елсуковой Е.В.»."""
    surname = declined_parts(person, case)[0]
    return f"{surname} {_initials(person)}".strip()


def initials_before(person, case="nominative"):
    """Е.В. Елсуковой — as in «Директору … Е.В. Елсуковой»."""
    surname = declined_parts(person, case)[0]
    return f"{_initials(person)} {surname}".strip()


def gendered(person, male, female):
    """The word that agrees with the person: ``{{ candidate|gendered("ознакомлен", "ознакомлена") }}``."""
    return female if person_gender(person) == Gender.FEMALE else male


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
    ("words", "{{ portfolio_pages|words }}", "двенадцать"),
    ("plural", "{{ portfolio_pages|plural('листе', 'листах', 'листах') }}", "листах"),
    ("capfirst", "{{ college.full_name|capfirst }}", "Государственное автономное …"),
]
