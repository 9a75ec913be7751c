"""Russian dates on pages, in the college's time zone; ages for the rules about minors."""
from datetime import UTC, date, datetime

import pytest

from app.core.errors import RuleError
from app.core.formatting import age_on, ru_date, ru_datetime, ru_number
from app.core.validation import check_email, check_phone


def test_dates_are_russian(app):
    assert ru_date(date(2020, 9, 8)) == "08.09.2020"
    assert ru_date(date(2020, 9, 8), "d MMMM yyyy") == "8 сентября 2020"
    assert ru_date(None) == ""


def test_moments_are_shown_in_the_colleges_zone(app):
    moment = datetime(2026, 11, 24, 20, 30, tzinfo=UTC)  # 01:30 on the 25th in Yekaterinburg
    assert ru_datetime(moment) == "25.11.2026 01:30"
    assert ru_date(moment) == "25.11.2026"


def test_numbers_have_a_decimal_comma():
    assert ru_number(1.666) == "1,67"
    assert ru_number(1, digits=1) == "1,0"
    assert ru_number(None) == ""


def test_age_counts_full_years():
    assert age_on(date(2008, 11, 25), date(2026, 11, 24)) == 17
    assert age_on(date(2008, 11, 25), date(2026, 11, 25)) == 18
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17


def test_email_and_phone_checks():
    assert check_email("Ivanova@KMT.ru") == "Ivanova@kmt.ru"
    assert check_phone("8 (343) 432-12-34") == "+7 (343) 432-12-34"
    assert check_phone("+79221234567") == "+7 (922) 123-45-67"
    for bad in ["ivanova", "a@", "@kmt.ru"]:
        with pytest.raises(RuleError):
            check_email(bad)
    for bad in ["12345", "+7 922 123 45 6x", "+1 212 555 0100 1"]:
        with pytest.raises(RuleError):
            check_phone(bad)
