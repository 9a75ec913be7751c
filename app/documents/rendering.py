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
from jinja2 import StrictUndefined, Template, TemplateError, UndefinedError
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from app.documents import render_limits
from app.documents.render_limits import LimitExceeded
from app.documents.russian import FILTERS, DocumentValueError


class RenderError(Exception):
    """A template could not be filled; ``name`` is the variable at fault when it is known."""

    def __init__(self, message, name=None):
        super().__init__(message)
        self.message = message
        self.name = name


class LimitedTemplate(Template):
    """Renders piece by piece and stops once the text passes render_limits.MAX_OUTPUT."""

    def render(self, *args, **kwargs):
        context = self.new_context(dict(*args, **kwargs))
        pieces, size = [], 0
        try:
            for piece in self.root_render_func(context):
                size += len(piece)
                render_limits.check_output_size(size)
                pieces.append(piece)
        except Exception:  # noqa: BLE001 - Jinja's own render() does the same: it re-raises with template lines
            self.environment.handle_exception()
        return "".join(pieces)


class DocumentEnvironment(SandboxedEnvironment):
    """The sandbox with the Russian filters and the limits of render_limits; ``from_string`` remembers what it
    compiled."""

    intercepted_binops = frozenset({"**", "*"})
    template_class = LimitedTemplate

    def __init__(self):
        super().__init__(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True,
                         finalize=_empty_for_none)
        self.filters.update(FILTERS)
        self.globals["range"] = render_limits.limited_range
        self._compiled = lru_cache(maxsize=512)(super().from_string)

    def call_binop(self, context, operator, left, right):
        return render_limits.checked_binop(operator, left, right, self.binop_table[operator])

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
    except (DocumentValueError, LimitExceeded) as error:
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
