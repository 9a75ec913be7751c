"""Registers: the numbered series of the college's papers, one count per calendar year.

A register's number format is a setting (section «Документы»); it may use {number}, {number:02}
(zero-padded to that width), {year} and {yy}. Nothing else is substituted: the format is typed by
an administrator and must not reach Python's own formatting.
"""
import re
from dataclasses import dataclass

from app.core.errors import RuleError


@dataclass(frozen=True)
class Register:
    code: str
    title: str
    default_format: str
    example: str

    @property
    def setting_key(self):
        return f"documents.{self.code}.number_format"


REGISTERS = {register.code: register for register in (
    Register("orders", "Приказы по основной деятельности", "{number}-од", "12-од"),
    Register("agreements", "Соглашения с организациями-партнёрами", "{number}/{yy}", "3/26"),
    Register("protocols", "Протоколы заседаний конкурсной комиссии", "{number:02}", "04"),
)}

_TOKEN = re.compile(r"\{(number(?::0?(\d))?|year|yy)\}")
_BRACES = re.compile(r"[{}]")


def format_number(pattern: str, number: int, year: int) -> str:
    """"{number}-од" -> "12-од"; an unknown substitution is refused with what to write instead."""

    def substitute(match):
        token, width = match.group(1), match.group(2)
        if token == "year":
            return str(year)
        if token == "yy":
            return f"{year % 100:02d}"
        return str(number).zfill(int(width)) if width else str(number)

    result = _TOKEN.sub(substitute, pattern)
    if _BRACES.search(result) or "{number" not in pattern:
        raise RuleError(f"Формат номера «{pattern}» неверен: в нём должен быть {{number}}; допустимы также "
                        "{number:02}, {year} и {yy}. Исправьте его в настройках (раздел «Документы»).")
    return result.strip()
