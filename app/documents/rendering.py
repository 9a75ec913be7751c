"""Filling a Word template: docxtpl with a sandboxed, escaping, strict Jinja environment.

docxtpl's own environment neither escapes (a value with "&" or "<" silently cuts the document) nor
complains about a missing value (it prints nothing). Here values are escaped, a missing one is an
error, and the sandbox keeps a template uploaded by an administrator away from Python's internals
(``{{ ''.__class__ }}``). Compiled templates are cached by their source, so issuing the hundredth
order does not compile the same XML a hundredth time.
"""
import io
import re
from functools import lru_cache

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from app.documents.russian import FILTERS, DocumentValueError


class RenderError(Exception):
    """A template could not be filled; ``name`` is the variable at fault when it is known."""

    def __init__(self, message, name=None):
        super().__init__(message)
        self.message = message
        self.name = name


class DocumentEnvironment(SandboxedEnvironment):
    """The sandbox with the Russian filters; ``from_string`` remembers what it compiled."""

    def __init__(self):
        super().__init__(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True,
                         finalize=_empty_for_none)
        self.filters.update(FILTERS)
        self._compiled = lru_cache(maxsize=512)(super().from_string)

    def from_string(self, source, globals=None, template_class=None):
        if globals is None and template_class is None:
            return self._compiled(source)
        return super().from_string(source, globals, template_class)


def _empty_for_none(value):
    """An optional field left empty prints nothing, not "None" (required ones never reach here empty)."""
    return "" if value is None else value


_ENVIRONMENT = None


def environment():
    """The one environment every render and every template check uses."""
    global _ENVIRONMENT
    if _ENVIRONMENT is None:
        _ENVIRONMENT = DocumentEnvironment()
    return _ENVIRONMENT


class PreparedDocxTemplate(DocxTemplate):
    """docxtpl, with each part's XML prepared for Jinja once per template rather than once per document."""

    def patch_xml(self, src_xml):
        return _patched_xml(src_xml)


@lru_cache(maxsize=512)
def _patched_xml(src_xml):
    # DocxTemplate.patch_xml only transforms the string it is given; it reads nothing from the instance.
    return DocxTemplate.patch_xml(None, src_xml)


def render_docx(template_bytes: bytes, context: dict) -> bytes:
    """The filled document as .docx bytes; RenderError says what is missing or wrong."""
    template = PreparedDocxTemplate(io.BytesIO(template_bytes))
    try:
        template.render(context, environment(), autoescape=True)
    except UndefinedError as error:
        name = undefined_name(error)
        raise RenderError(str(error), name=name) from None
    except SecurityError as error:
        raise RenderError(f"шаблон обращается к недоступному: {error}") from None
    except DocumentValueError as error:
        raise RenderError(str(error)) from None
    except TemplateSyntaxError as error:
        raise RenderError(f"ошибка в шаблоне (строка {error.lineno}): {error.message}") from None
    except TemplateError as error:
        raise RenderError(f"ошибка в шаблоне: {error}") from None
    output = io.BytesIO()
    template.save(output)
    return output.getvalue()


_UNDEFINED_PATTERNS = [
    re.compile(r"^'(?P<name>[^']+)' is undefined"),
    re.compile(r"has no attribute '(?P<name>[^']+)'"),
    re.compile(r"^'(?P<name>[^']+)' of '[^']*' object is undefined"),
]


def undefined_name(error: UndefinedError):
    """The variable or attribute a StrictUndefined error is about ("curator", "position")."""
    for pattern in _UNDEFINED_PATTERNS:
        match = pattern.search(str(error))
        if match:
            return match.group("name")
    return None
