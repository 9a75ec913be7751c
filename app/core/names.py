"""A person's name as documents need it: the parts, the gender, and the cases of Russian grammar.

Anything with ``last_name``, ``first_name``, ``middle_name``, ``gender`` (a Gender or its value) and,
optionally, ``name_forms`` (a dict: case value -> the full name in that case, entered by hand where
the automatic declension is wrong) can be declined by the document engine's helpers.
"""
from enum import StrEnum


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"

    @property
    def label(self):
        return {Gender.MALE: "мужской", Gender.FEMALE: "женский"}[self]


class GrammaticalCase(StrEnum):
    NOMINATIVE = "nominative"
    GENITIVE = "genitive"
    DATIVE = "dative"
    ACCUSATIVE = "accusative"
    INSTRUMENTAL = "instrumental"
    PREPOSITIONAL = "prepositional"

    @property
    def label(self):
        return CASE_LABELS[self]


CASE_LABELS = {
    GrammaticalCase.NOMINATIVE: "именительный (кто?)",
    GrammaticalCase.GENITIVE: "родительный (кого?)",
    GrammaticalCase.DATIVE: "дательный (кому?)",
    GrammaticalCase.ACCUSATIVE: "винительный (кого?)",
    GrammaticalCase.INSTRUMENTAL: "творительный (кем?)",
    GrammaticalCase.PREPOSITIONAL: "предложный (о ком?)",
}


def initials(first_name, middle_name):
    """"Е.В." from "Елена", "Викторовна" (or from "Е.", "В." already given as initials)."""
    return "".join(f"{part.strip()[0]}." for part in (first_name, middle_name) if part and part.strip())


class FullNameMixin:
    """«Иванова Мария Петровна» and «Иванова М.П.» from ``last_name``, ``first_name``, ``middle_name``."""

    @property
    def full_name(self):
        return " ".join(part for part in (self.last_name, self.first_name, self.middle_name) if part)

    @property
    def short_name(self):
        return f"{self.last_name} {initials(self.first_name, self.middle_name)}".strip()
