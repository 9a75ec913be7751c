"""Why a Word template's Jinja does not parse, in Russian, and where in the document: «абзац 12: „…“».

Jinja speaks English and counts lines of the part's XML, which the administrator never sees. The message is put in
the words of someone who edits the template in Word, and the place is found by reading the document as he reads it:
paragraph by paragraph (table cells too), each paragraph's own expressions checked alone, and the blocks ({% for %},
{% if %}) paired across paragraphs.
"""
import io
import re

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from jinja2.exceptions import TemplateSyntaxError

_MESSAGES = [
    (re.compile(r"unexpected '(?P<x>[^']*)'"), "лишний знак «{x}»: проверьте парные скобки {{{{ … }}}} и {{% … %}}"),
    (re.compile(r"unexpected char '(?P<x>[^']*)'"), "недопустимый знак «{x}» внутри {{{{ … }}}} или {{% … %}}"),
    (re.compile(r"No filter named '(?P<x>[^']*)'"), "нет фильтра «{x}»: фильтры перечислены на справочной странице "
                                                    "вида документа"),
    (re.compile(r"No test named '(?P<x>[^']*)'"), "нет проверки «{x}»"),
    (re.compile(r"Encountered unknown tag '(?P<x>end\w+)'.*innermost block that needs to be closed is '(?P<y>\w+)'",
                re.S), "команда «{x}» закрывает не тот блок: сначала нужно закрыть «{y}»"),
    (re.compile(r"Encountered unknown tag '(?P<x>end\w+)'"), "команда «{x}» закрывает блок, который не открыт"),
    (re.compile(r"Encountered unknown tag '(?P<x>[^']*)'"), "неизвестная команда «{x}»"),
    (re.compile(r"Unexpected end of template.*innermost block that needs to be closed is '(?P<x>\w+)'", re.S),
     "блок «{x}» не закрыт: не хватает {{% end{x} %}}"),
    (re.compile(r"unexpected end of template", re.I), "шаблон оборвался внутри {{{{ … }}}} или {{% … %}}: не хватает "
                                                      "закрывающих скобок"),
    (re.compile(r"Expected an expression, got '(?P<x>[^']*)'"), "внутри скобок не хватает выражения (пусто перед "
                                                                "«{x}»)"),
    (re.compile(r"expected token '(?P<x>[^']*)', got '(?P<y>[^']*)'"), "лишнее «{y}» в выражении: ожидалось «{x}»"),
]
_WORDS = {"end of print statement": "}}", "end of statement block": "%}", "end of template": "конец текста"}


def explain(error):
    """The reason of a TemplateSyntaxError (or of a template that does not compile), in Russian."""
    message = getattr(error, "message", None) or str(error)
    for pattern, text in _MESSAGES:
        match = pattern.search(message)
        if match:
            return text.format(**{key: _WORDS.get(value, value) for key, value in match.groupdict().items()})
    return "запись переменных или команд шаблона не разбирается"


def _paragraphs(data):
    """(where, text) of every paragraph of the body, table cells included, in reading order."""
    document = Document(io.BytesIO(data))
    found = []

    def walk(element, table_path=None):
        for child in element.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                text = Paragraph(child, document).text
                found.append((table_path, text))
            elif tag == "tbl":
                table = Table(child, document)
                for row_index, row in enumerate(table.rows, start=1):
                    for column_index, cell in enumerate(row.cells, start=1):
                        walk(cell._tc, (row_index, column_index))
    walk(document.element.body)
    return found


_BLOCK = re.compile(r"{%-?\s*(?:[ptr]\s+)?(?P<tag>\w+)")
_OPENERS = {"for", "if", "macro", "call", "filter", "set", "with", "block", "raw"}


def locate(data, env):
    """«абзац 12: „…“» (or «таблица, строка 2, столбец 3: „…“») where the template's Jinja breaks, or ""."""
    try:
        paragraphs = _paragraphs(data)
    except Exception:  # noqa: BLE001 - the place is a help; the reason is reported anyway
        return ""
    stack = []
    for number, (cell, text) in enumerate(paragraphs, start=1):
        if "{" not in text:
            continue
        place = _place(number, cell, text)
        expressions = re.sub(r"{%.*?%}", "", text)
        try:
            env.parse(expressions)
        except TemplateSyntaxError:
            return place
        if text.count("{%") != text.count("%}"):
            return place
        for match in _BLOCK.finditer(text):
            tag = match.group("tag")
            if tag in _OPENERS and not (tag == "set" and "=" in text[match.end():text.find("%}", match.end())]):
                stack.append((tag, place))
            elif tag.startswith("end"):
                if not stack or stack[-1][0] != tag[3:]:
                    return place
                stack.pop()
    return stack[-1][1] if stack else ""


def find(data, needle):
    """The place of the first paragraph whose text holds ``needle`` (a filter's or a variable's name), or ""."""
    try:
        paragraphs = _paragraphs(data)
    except Exception:  # noqa: BLE001 - the place is a help; the reason is reported anyway
        return ""
    pattern = re.compile(r"(?<![\w.])" + re.escape(needle) + r"(?!\w)")
    for number, (cell, text) in enumerate(paragraphs, start=1):
        if "{" in text and pattern.search(text):
            return _place(number, cell, text)
    return ""


def _place(number, cell, text):
    shown = " ".join(text.split())
    shown = shown if len(shown) <= 120 else shown[:117] + "…"
    where = f"абзац {number}" if cell is None else f"таблица, строка {cell[0]}, столбец {cell[1]}"
    return f"{where}: «{shown}»"
