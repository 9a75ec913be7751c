"""What filling a template may cost: limits in the sandbox for every render, and a separate process with a clock
and a memory cap for the check of an uploaded template.

An administrator's template is code. ``{% for x in range(10**9) %}``, ``{{ 10**(10**6) }}``, ``{{ 'a'*10**8 }}``
or a few nested loops once answered 500 or kept a worker busy for half a minute and were put into use. Now the
sandbox refuses a range, a power or a repeated string beyond MAX_RANGE / MAX_EXPONENT / MAX_STRING, a part's
text beyond MAX_OUTPUT, and the check on upload fills the template in a forked child (a fork server:
single-threaded, started once) that is killed after ``TEMPLATE_CHECK_SECONDS`` and may use ``CHECK_MEMORY``.
Each refusal names its limit.
"""
import multiprocessing
import resource

from jinja2.exceptions import TemplateError

MAX_RANGE = 10_000
MAX_EXPONENT = 100
#: A power's result, in bits (2**4096 has 1234 digits: more than any document needs).
MAX_POWER_BITS = 4096
MAX_STRING = 100_000
#: Characters of XML one part of a document may come to (a base of 5,000 rows is a few megabytes).
MAX_OUTPUT = 20 * 1024 * 1024
CHECK_SECONDS = 5
CHECK_MEMORY = 1024 * 1024 * 1024


class LimitExceeded(TemplateError):
    """A template asked for more than the limits allow; the message names the limit, in Russian."""


def limited_range(*args):
    """``range`` of the sandbox: at most MAX_RANGE values."""
    values = range(*args)
    if len(values) > MAX_RANGE:
        raise LimitExceeded(f"range даёт {len(values):,} значений (ограничение: range не больше "
                            f"{MAX_RANGE:,} значений)".replace(",", " "))
    return values


def checked_binop(operator, left, right, compute):
    """``**`` and ``*`` of the sandbox: no giant numbers, no giant strings or lists."""
    if operator == "**" and _number(left) and _number(right) and (
            abs(right) > MAX_EXPONENT or (isinstance(left, int) and left.bit_length() * abs(right) > MAX_POWER_BITS)):
        raise LimitExceeded(f"возведение в степень {right} слишком велико (ограничение: показатель степени не "
                                f"больше {MAX_EXPONENT}, результат — не длиннее {MAX_POWER_BITS} бит)")
    if operator == "*":
        sequence, times = (left, right) if isinstance(right, int) else (right, left)
        if isinstance(sequence, str | list | tuple) and isinstance(times, int) and len(sequence) * times > MAX_STRING:
            raise LimitExceeded(f"повторение даёт {len(sequence) * times:,} знаков (ограничение: строка не длиннее "
                                f"{MAX_STRING:,} знаков)".replace(",", " "))
    return compute(left, right)


def check_output_size(size):
    if size > MAX_OUTPUT:
        raise LimitExceeded(f"текст документа больше {MAX_OUTPUT // (1024 * 1024)} МБ текста (ограничение размера)")


def _number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


# --- the check of an uploaded template, in a child process ------------------------------------------------

_CONTEXT = None


def _context():
    global _CONTEXT
    if _CONTEXT is None:
        _CONTEXT = multiprocessing.get_context("forkserver")
        _CONTEXT.set_forkserver_preload(["app.documents.rendering"])
    return _CONTEXT


def render_with_limits(template_bytes, context, seconds=CHECK_SECONDS):
    """Fill the template in a child process; LimitExceeded when it outlasts ``seconds`` or its memory, RenderError
    (from rendering) as filling it in-process would."""
    receive, send = _context().Pipe(duplex=False)
    child = _context().Process(target=_child, args=(send, template_bytes, context), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise LimitExceeded(f"заполнение примерными данными длится дольше {seconds:g} с (ограничение времени): "
                                "уберите лишние циклы")
        try:
            outcome, detail = receive.recv()
        except EOFError:
            raise LimitExceeded(f"заполнению не хватило {CHECK_MEMORY // (1024 * 1024)} МБ памяти (ограничение "
                                "памяти)") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receive.close()
    if outcome == "limit":
        raise LimitExceeded(detail)
    if outcome == "error":
        from app.documents.rendering import RenderError

        raise RenderError(*detail)
    return detail


def _child(send, template_bytes, context):
    resource.setrlimit(resource.RLIMIT_AS, (CHECK_MEMORY, CHECK_MEMORY))
    from app.documents.rendering import RenderError, render_docx

    try:
        result = ("ok", len(render_docx(template_bytes, context)))
    except LimitExceeded as error:
        result = ("limit", str(error))
    except RenderError as error:
        result = ("error", (error.message, error.name))
    except MemoryError:
        result = ("limit", f"заполнению не хватило {CHECK_MEMORY // (1024 * 1024)} МБ памяти (ограничение памяти)")
    send.send(result)
    send.close()
