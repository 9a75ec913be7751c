"""The regulation's own text (docs/polozhenie-o-nastavnichestve.txt) with the corrections docs/regulation.md lists, for
tests that compare the papers with it word for word."""
import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGULATION = ROOT / "docs" / "polozhenie-o-nastavnichestve.txt"
GUIDE = ROOT / "docs" / "regulation.md"


@lru_cache(maxsize=1)
def corrections():
    """[(where, original, corrected)] from the table under «Corrections of the regulation's typos»."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("### Corrections of the regulation's typos", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("where", "---") and not set(cells[0]) <= {"-"}:
            rows.append(tuple(cells))
    return rows


@lru_cache(maxsize=1)
def corrected_text():
    """The regulation with every listed correction made; an original that no longer occurs is an error."""
    text = REGULATION.read_text(encoding="utf-8")
    for where, original, corrected in corrections():
        if original not in text:
            raise AssertionError(f"docs/regulation.md, {where}: «{original}» is not in the regulation")
        text = text.replace(original, corrected)
    return text


def between(start, end):
    """The regulation's lines from the one starting with ``start`` up to (not including) the one starting with
    ``end``, blank lines left out."""
    lines = corrected_text().splitlines()
    first = next(index for index, line in enumerate(lines) if line.strip().startswith(start))
    last = next(index for index, line in enumerate(lines[first + 1:], start=first + 1) if line.strip().startswith(end))
    return [line.strip() for line in lines[first:last] if line.strip()]


def appendix_headings(number):
    """The column headings of Приложение 3 or 4, in order (the lines under its title, their numbers removed)."""
    start = f"Приложение {number}. Форма"
    lines = between(start, f"Приложение {number + 1}.")[1:]
    return [re.sub(r"^\d+\s+", "", line) for line in lines]


def normal(text):
    """For a word-for-word comparison: spaces collapsed, a dash with or without spaces around it one dash, «ё» as
    «е» — how a typist sets them, not what the text says."""
    text = text.replace("ё", "е").replace("Ё", "Е")
    text = re.sub(r"\s*[-–—]\s*", "-", text)
    return " ".join(text.split())
