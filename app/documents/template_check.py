"""Checks a Word template must pass before it can be used: it opens, its Jinja parses, it reaches for
nothing private, it uses only the variables its kind provides, and it fills with the kind's examples.

The sandbox would stop ``{{ ''.__class__ }}`` at render time anyway; refusing it on upload tells
the administrator at once, with the place in the text, instead of failing a secretary later.
"""
import io
import re
import zipfile

from docx.opc.constants import RELATIONSHIP_TYPE as REL_TYPE
from docx.opc.oxml import parse_xml
from docxtpl import DocxTemplate
from flask import current_app
from jinja2 import meta, nodes
from jinja2.exceptions import TemplateError
from lxml.etree import XMLSyntaxError

from app.core.errors import RuleError
from app.core.zip_limits import ArchiveRefused, check_zip
from app.documents.context import example_context, render_context
from app.documents.kinds.common import COMMON_NAMES
from app.documents.render_limits import CHECK_SECONDS, LimitExceeded, render_with_limits
from app.documents.rendering import RenderError, environment
from app.documents.template_errors import explain, find, locate

FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
CORE_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
_FORBIDDEN_NODES = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


def check_template(kind, data: bytes):
    """Refuse a template the engine cannot fill safely; RuleError says what and where, in Russian."""
    sources = template_sources(data)
    env = environment()
    used = set()
    for part, source in sources:
        try:
            tree = env.parse(source)
            _refuse_private_access(tree, part)
            env.from_string(source)
        except TemplateError as error:
            raise RuleError(_refusal(part, error, data, env), field="file") from None
        used |= meta.find_undeclared_variables(tree)
    provided = set(COMMON_NAMES) | {item.name for item in kind.fields}
    unknown = sorted(used - provided)
    if unknown:
        places = [place for place in (find(data, name) for name in unknown) if place]
        where = f" Место: {'; '.join(places)}." if places else ""
        raise RuleError(f"Шаблон использует переменные, которых нет у вида «{kind.title}»: {', '.join(unknown)}."
                        f"{where} Допустимые переменные: {', '.join(sorted(provided))}.", field="file")
    seconds = current_app.config.get("TEMPLATE_CHECK_SECONDS", CHECK_SECONDS)
    try:
        render_with_limits(data, render_context(kind, example_context(kind)), seconds=seconds)
    except (RenderError, LimitExceeded) as error:
        raise RuleError(f"Шаблон не заполняется примерными данными: {getattr(error, 'message', error)}.",
                        field="file") from None


def check_container(data: bytes):
    """Refuse a .docx whose parts would inflate beyond app.core.zip_limits, or whose XML declares a DTD or entities
    (billion laughs, external entities): checked before python-docx parses a byte of it."""
    try:
        check_zip(data)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if info.filename.endswith((".xml", ".rels")) and _declares_dtd(archive, info):
                    raise RuleError(f"Файл шаблона недопустим: часть «{info.filename}» объявляет DTD или сущности "
                                    "(<!DOCTYPE>, <!ENTITY>) — Word так не сохраняет. Сохраните шаблон в Word "
                                    "заново и загрузите снова.", field="file")
    except ArchiveRefused as error:
        raise RuleError(f"Файл шаблона не принят: {error}", field="file") from None
    except zipfile.BadZipFile:
        raise RuleError("Файл не открывается как документ Word (.docx). Сохраните его в Word как «Документ Word "
                        "(*.docx)» и загрузите снова.", field="file") from None


def _declares_dtd(archive, info):
    """The part's prolog (everything before its root element) declares a DTD; a prolog longer than 64 KB counts as
    one (Word writes a line)."""
    with archive.open(info) as part:
        head = part.read(65536)
    root = re.search(rb"<[A-Za-z_]", head)
    prolog = head[:root.start()] if root else head
    return root is None and len(head) == 65536 or b"<!DOCTYPE" in prolog.upper() or b"<!ENTITY" in prolog.upper()


def template_sources(data: bytes):
    """[(part name, Jinja source)] of every part docxtpl renders, prepared as docxtpl prepares them."""
    check_container(data)
    try:
        template = DocxTemplate(io.BytesIO(data))
        docx = template.get_docx()
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as error:
        raise RuleError(f"Файл не открывается как документ Word (.docx): {error}. Сохраните его в Word как "
                        "«Документ Word (*.docx)» и загрузите снова.", field="file") from None
    sources = [("основной текст", template.patch_xml(template.xml_to_string(docx._element.body)))]
    for relation in docx.part.rels.values():
        if relation.reltype in (REL_TYPE.HEADER, REL_TYPE.FOOTER) and relation.target_part.blob:
            part_name = "верхний колонтитул" if relation.reltype == REL_TYPE.HEADER else "нижний колонтитул"
            xml = template.xml_to_string(parse_xml(relation.target_part.blob))
            sources.append((part_name, template.patch_xml(xml)))
    for part in docx.part.package.parts:
        if part.content_type == FOOTNOTES:
            blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
            sources.append(("сноски", template.patch_xml(blob)))
    for name in CORE_PROPERTIES:
        value = getattr(docx.core_properties, name) or ""
        if value:
            sources.append((f"свойства документа ({name})", value))
    return sources


def _refuse_private_access(tree, part):
    for node in tree.find_all(_FORBIDDEN_NODES):
        raise RuleError(f"Шаблон ({part}) подключает другие шаблоны ({type(node).__name__.lower()}): это не "
                        "поддерживается.", field="file")
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        name = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if isinstance(name, str) and name.startswith("_"):
            raise RuleError(f"Шаблон ({part}) обращается к служебному атрибуту «{name}»: такие обращения "
                            "запрещены.", field="file")


def _refusal(part, error, data, env):
    """«Ошибка в шаблоне (основной текст): блок «for» не закрыт …. Место: абзац 12: «…».»"""
    place = ""
    if part == "основной текст":
        named = re.search(r"named '([^']+)'", getattr(error, "message", "") or "")
        place = find(data, named.group(1)) if named else locate(data, env)
    where = f" Место: {place}." if place else ""
    return f"Ошибка в шаблоне ({part}): {explain(error)}.{where} Исправьте шаблон в Word и загрузите его снова."
