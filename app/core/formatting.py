"""Russian dates and numbers for pages (Babel); documents build on the same functions."""
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from flask import current_app

LOCALE = "ru_RU"


def local_zone():
    return ZoneInfo(current_app.config["TIMEZONE"])


def ru_date(value, pattern="dd.MM.yyyy"):
    """08.09.2020; any Babel pattern, e.g. "d MMMM yyyy" for 8 сентября 2020."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_local(value).date()
    return _formatted_date(value, pattern)


@lru_cache(maxsize=8192)
def _formatted_date(value, pattern):
    """Babel takes ~0.1 ms a date; a list of papers shows the same few hundred dates thousands of times (issue 12)."""
    return format_date(value, pattern, locale=LOCALE)


def ru_datetime(value, pattern="dd.MM.yyyy HH:mm"):
    """A moment in the college's time zone: 08.09.2020 14:05."""
    if value is None:
        return ""
    return format_datetime(to_local(value), pattern, tzinfo=local_zone(), locale=LOCALE)


def ru_number(value, digits=2):
    """A fraction with a decimal comma and a fixed number of digits, rounded half up as people count: 1,125 -> 1,13."""
    if value is None:
        return ""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return format_decimal(rounded, format="0." + "0" * digits if digits else "0", locale=LOCALE)


def to_local(value):
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(local_zone())


def local_today():
    """Today's date in the college's time zone (not the server's)."""
    return datetime.now(local_zone()).date()


def age_on(birth_date: date, on: date) -> int:
    """Full years on a date: the age a rule about minors needs (4.11)."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def register_filters(app):
    """Dates, numbers, and the words that agree with a person (``{{ person|gendered("участвовал", "участвовала") }}``)
    or decline his name (``{{ person|name_in("genitive") }}``) on pages as in documents."""
    from app.core.declension import full_name_in, gendered

    app.add_template_filter(gendered)
    app.add_template_filter(full_name_in, "name_in")
    app.add_template_filter(ru_date)
    app.add_template_filter(ru_datetime)
    app.add_template_filter(ru_number)
