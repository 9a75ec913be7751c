"""Turning what people type into Excel cells into values the services accept, with Russian messages.

Each parser takes the raw cell value and returns a clean value (None for an empty cell) or raises
CellError saying what is wrong and what to type instead.
"""
import re
from datetime import date, datetime

from openpyxl.utils.datetime import from_excel

from app.core.errors import RuleError
from app.core.names import Gender
from app.core.search import search_key
from app.core.validation import check_email, check_phone

#: A lone dash means "nothing" in the tables people keep by hand.
EMPTY_MARKS = {"", "-", "—", "–"}
DATE_PATTERNS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y")
#: Plausible Excel serial numbers of dates (1954 to 2119): a bare number outside is not a date.
SERIAL_RANGE = (20000, 80000)
MALE_ENDINGS = ("вич", "ич", "оглы", "улы")
FEMALE_ENDINGS = ("вна", "чна", "шна", "кызы", "гызы")
YES = {"да", "+", "1", "пройдена", "пройден", "прошел", "прошла", "true"}
NO = {"нет", "0", "не пройдена", "не пройден", "не прошел", "не прошла", "false"}


class CellError(Exception):
    """One cell cannot be read; the message says what to type instead."""


def text(value):
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    value = re.sub(r"\s+", " ", str(value)).strip()
    return None if value in EMPTY_MARKS else value


def a_date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if SERIAL_RANGE[0] <= value <= SERIAL_RANGE[1]:
            return from_excel(value).date()
        raise CellError(f"«{text(value)}» — не дата: введите ДД.ММ.ГГГГ, например 01.09.2026.")
    raw = text(value)
    if raw is None:
        return None
    for pattern in DATE_PATTERNS:
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise CellError(f"«{raw}» — не дата: введите ДД.ММ.ГГГГ, например 01.09.2026.")


def gender(value):
    raw = search_key(text(value) or "").rstrip(".")
    if not raw:
        return None
    if raw in {"м", "муж", "мужской"}:
        return Gender.MALE
    if raw in {"ж", "жен", "женский"}:
        return Gender.FEMALE
    raise CellError(f"«{text(value)}» — укажите пол буквой «м» или «ж».")


def gender_from_patronymic(middle_name):
    """Russian patronymics show the gender: «Петрович», «Петровна»; None when they do not."""
    key = search_key(middle_name or "")
    if key.endswith(FEMALE_ENDINGS):
        return Gender.FEMALE
    if key.endswith(MALE_ENDINGS):
        return Gender.MALE
    return None


def yes_no(value):
    if isinstance(value, bool):
        return value
    raw = search_key(text(value) or "")
    if not raw:
        return None
    if raw in YES:
        return True
    if raw in NO:
        return False
    raise CellError(f"«{text(value)}» — напишите «да» (программа пройдена) или «нет».")


def phone(value):
    return _checked(value, check_phone)


def email(value):
    return _checked(value, check_email)


def _checked(value, check):
    """The cell's text passed through one of app.core.validation's checks, its refusal as a CellError."""
    raw = text(value)
    if raw is None:
        return None
    try:
        return check(raw)
    except RuleError as error:
        raise CellError(f"«{raw}» — {error.message[0].lower()}{error.message[1:]}") from None


def choice(options, what):
    """A parser accepting any of the words in ``options`` ({word: value}), case and ё aside."""
    keys = {search_key(word): result for word, result in options.items()}

    def parse(value):
        raw = text(value)
        if raw is None:
            return None
        key = search_key(raw)
        if key not in keys:
            raise CellError(f"«{raw}» — не {what}. Возможные значения: {', '.join(sorted(set(options)))}.")
        return keys[key]

    return parse


def dash_key(name):
    """«студент-студент», «Студент – студент» and «студент — студент» all read the same."""
    return re.sub(r"\s*[-–—]\s*", "-", search_key(name or ""))
