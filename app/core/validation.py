"""Checks of contact data shared by every domain (accounts, people, partners)."""
import re

from email_validator import EmailNotValidError, validate_email

from app.core.errors import RuleError

EMAIL_MESSAGE = "Введите адрес электронной почты, например ivanova@kmt.ru."
PHONE_MESSAGE = "Введите телефон из 10 цифр после +7 или 8, например +7 (343) 432-12-34."


def check_email(value, field="email"):
    """Return the address normalised (domain in lower case), or refuse it; no DNS look-ups (intranet)."""
    try:
        result = validate_email(value or "", check_deliverability=False, globally_deliverable=False,
                                test_environment=True)
    except EmailNotValidError:
        raise RuleError(EMAIL_MESSAGE, field=field) from None
    return result.normalized


def check_phone(value, field="phone"):
    """Return a Russian phone number as +7 (XXX) XXX-XX-XX, or refuse it."""
    digits = re.sub(r"\D", "", value or "")
    if len(digits) == 11 and digits[0] in "78":
        digits = digits[1:]
    if len(digits) != 10 or re.search(r"[^\d\s()+\-.]", value or ""):
        raise RuleError(PHONE_MESSAGE, field=field)
    return f"+7 ({digits[:3]}) {digits[3:6]}-{digits[6:8]}-{digits[8:]}"
