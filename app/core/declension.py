"""Russian declension for pages, messages and documents, in one place.

- People's names: pytrovich, which declines surnames, first names and patronymics right (pymorphy does not);
  a hand-typed form (``name_forms``: {case: full name}) wins for its case.
- Phrases headed by a noun — an organisation's full name, a position: pymorphy3 with its dictionary declines the
  head noun and the adjectives agreeing with it («государственное автономное … учреждение» -> «государственному
  автономному … учреждению»), and leaves alone what follows the head: a genitive tail («Свердловской области»,
  «группы ТМ-25»), a quoted name («Красноуральский многопрофильный техникум»), an abbreviation. Each part of a
  list of appositions («заместитель директора, куратор …») is declined the same way.
- ``gendered(person, "добавлен", "добавлена")``: the word that agrees with the person, for pages and messages too.

A person is a dict or any object with ``last_name``, ``first_name``, ``middle_name``, ``gender`` (a Gender or its
value) and optionally ``name_forms``.
"""
import re
from functools import lru_cache

from pytrovich.detector import PetrovichGenderDetector
from pytrovich.enums import Case, NamePart
from pytrovich.enums import Gender as PetrovichGender
from pytrovich.maker import PetrovichDeclinationMaker

from app.core.names import Gender, GrammaticalCase


class DeclensionError(ValueError):
    """A value that cannot be declined (not a person, not a case); the document engine names the field."""


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


def grammatical_case(case):
    try:
        return GrammaticalCase(case)
    except ValueError:
        raise DeclensionError(f"нет такого падежа: {case!r}") from None


# People ------------------------------------------------------------------------------------------

def as_person(value):
    """A person from a full name typed as text («Гордеева Светлана Александровна»: surname, name, patronymic), or
    the value itself."""
    if not isinstance(value, str):
        return value
    parts = value.split()
    return {"last_name": parts[0] if parts else "", "first_name": parts[1] if len(parts) > 1 else "",
            "middle_name": " ".join(parts[2:])}


def _part(person, key):
    value = person.get(key) if isinstance(person, dict) else getattr(person, key, None)
    return (value or "").strip()


def _name_forms(person):
    forms = person.get("name_forms") if isinstance(person, dict) else getattr(person, "name_forms", None)
    return forms or {}


def _check_person(person):
    if person is None or not _part(person, "last_name"):
        raise DeclensionError(f"не ФИО: {person!r}")


def person_gender(person):
    """The person's Gender; guessed from the patronymic and first name when not given."""
    value = person.get("gender") if isinstance(person, dict) else getattr(person, "gender", None)
    if value:
        return Gender(value)
    return _detect_gender(_part(person, "first_name"), _part(person, "middle_name"))


def gendered(person, male, female):
    """The word that agrees with the person: ``gendered(person, "ознакомлен", "ознакомлена")``."""
    return female if person is not None and person_gender(as_person(person)) == Gender.FEMALE else male


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
def _decline_part(part_name, word, gender, case):
    if not word or case == GrammaticalCase.NOMINATIVE or _INITIAL.match(word):
        return word
    petrovich_gender = {Gender.MALE: PetrovichGender.MALE, Gender.FEMALE: PetrovichGender.FEMALE}.get(
        gender, PetrovichGender.ANDROGYNOUS)
    part = dict(_PARTS)[part_name]
    return _maker().make(part, petrovich_gender, _CASES[case], word)


def automatic_parts(person, case="nominative"):
    """(last, first, middle) in ``case`` as pytrovich declines them, whatever was typed by hand."""
    person = as_person(person)
    _check_person(person)
    case = grammatical_case(case)
    gender = person_gender(person)
    return tuple(_decline_part(key, _part(person, key), gender, case) for key, _ in _PARTS)


def declined_parts(person, case="nominative"):
    """(last, first, middle) in ``case``; a hand-typed override for that case wins."""
    person = as_person(person)
    _check_person(person)
    case = grammatical_case(case)
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
    return automatic_parts(person, case)


def full_name_in(person, case="nominative"):
    """«Елсуковой Елены Викторовны»: the full name in ``case``."""
    return " ".join(part for part in declined_parts(person, case) if part)


def automatic_full_name(person, case="nominative"):
    """The full name as the automatic declension gives it (what an override page shows beside its field)."""
    return " ".join(part for part in automatic_parts(person, case) if part)


def _initials(person):
    person = as_person(person)
    return "".join(f"{part[0]}." for part in (_part(person, "first_name"), _part(person, "middle_name")) if part)


def initials_after(person, case="nominative"):
    """«Елсуковой Е.В.» — as in «в лице директора Елсуковой Е.В.»."""
    surname = declined_parts(person, case)[0]
    return f"{surname} {_initials(person)}".strip()


def initials_before(person, case="nominative"):
    """«Е.В. Елсуковой» — a signature, and «Директору … Е.В. Елсуковой»."""
    surname = declined_parts(person, case)[0]
    return f"{_initials(person)} {surname}".strip()


# Phrases headed by a noun ---------------------------------------------------------------------------

_MORPH_CASES = {
    GrammaticalCase.NOMINATIVE: "nomn", GrammaticalCase.GENITIVE: "gent", GrammaticalCase.DATIVE: "datv",
    GrammaticalCase.ACCUSATIVE: "accs", GrammaticalCase.INSTRUMENTAL: "ablt", GrammaticalCase.PREPOSITIONAL: "loct",
}
_ADJECTIVES = {"ADJF", "PRTF"}
_WORD = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$")
_TOKEN = re.compile(r"\s+|[^\s]+")


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3
    return pymorphy3.MorphAnalyzer(lang="ru")


def decline_phrase(text, case):
    """The phrase in ``case``: each comma-separated part's head noun and the adjectives before it declined.

    «студентка группы ТМ-25» -> «студентки группы ТМ-25» (genitive); a phrase the rule cannot read (no head noun
    in the nominative before a quote, a number or an abbreviation) is returned as it was typed.
    """
    return _declined_phrase(text or "", grammatical_case(case))


@lru_cache(maxsize=4096)  # the same few phrases (the college's name, positions) in every paper: a parse is ~7 ms
def _declined_phrase(text, case):
    if case == GrammaticalCase.NOMINATIVE or not text.strip():
        return text
    return ",".join(_decline_segment(segment, case) for segment in text.split(","))


def _decline_segment(segment, case):
    tokens = _TOKEN.findall(segment)
    words = [index for index, token in enumerate(tokens) if not token.isspace()]
    replaced = _declined_head(tokens, words, _MORPH_CASES[case])
    for index, word in replaced.items():
        tokens[index] = word
    return "".join(tokens)


def _declined_head(tokens, words, target):
    """{token index: declined word} for the adjectives and the head noun the segment starts with."""
    adjectives = []
    head = None
    for position, index in enumerate(words):
        parses = _nominative_parses(tokens[index])
        noun = next((p for p in parses if p.tag.POS == "NOUN"), None)
        adjective = next((p for p in parses if p.tag.POS in _ADJECTIVES), None)
        following = _nominative_parses(tokens[words[position + 1]]) if position + 1 < len(words) else []
        # «старший мастер»: a word that may be either is an adjective when a noun or adjective follows it.
        if adjective is not None and (noun is None or following):
            adjectives.append((index, [p for p in parses if p.tag.POS in _ADJECTIVES]))
            continue
        if noun is not None:
            head = (index, noun)
        break
    if head is None and not adjectives:
        return {}
    declined = {}
    if head is not None:
        index, parse = head
        number, gender, animacy = parse.tag.number, parse.tag.gender, parse.tag.animacy
        form = _inflect(parse, {target})
        if form is None:
            return {}
        declined[index] = _same_letters(tokens[index], form)
    else:
        # A substantivised adjective is the head itself («заведующая отделением»).
        first = adjectives[0][1][0]
        number, gender, animacy = first.tag.number, first.tag.gender, "anim"
    for index, parses in adjectives:
        parse = next((p for p in parses if p.tag.number == number and (number == "plur" or p.tag.gender == gender)),
                     parses[0])
        grammemes = {target}
        if target == "accs" and (number == "plur" or gender == "masc"):
            grammemes.add(animacy or "inan")
        form = _inflect(parse, grammemes) or _inflect(parse, {target})
        if form is None:
            return {}
        declined[index] = _same_letters(tokens[index], form)
    return declined


def _nominative_parses(word):
    """The word's readings in the nominative; none for a quote, a number, a sign or an abbreviation, where the
    name proper starts."""
    if not _WORD.match(word) or (word.isupper() and len(word) > 1):
        return []
    return [p for p in _morph().parse(word) if p.tag.case == "nomn" and p.tag.POS in (_ADJECTIVES | {"NOUN"})]


def _inflect(parse, grammemes):
    inflected = parse.inflect(grammemes)
    return inflected.word if inflected is not None else None


def _same_letters(original, word):
    """The declined word written as the original was: «Государственное» -> «Государственному»."""
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def phrase_forms(text):
    """{case value: the phrase in that case} for every case but the nominative: what a settings page prefills."""
    return {case.value: decline_phrase(text, case) for case in GrammaticalCase if case != GrammaticalCase.NOMINATIVE}
