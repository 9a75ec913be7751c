"""Build the Word templates of doc_templates/ from this file, reproducibly (same bytes on every run).

    .venv/bin/python scripts/build_doc_templates.py          # writes doc_templates/*.docx
    .venv/bin/python scripts/build_doc_templates.py --check  # exit 1 if a committed file differs

The texts are the college's formal wording (the regulation's own for Приложения 2, 3, 4 and 5);
variables are docxtpl tags over the fields each kind declares (app/documents/kinds). An administrator
may still open any of these files in Word, edit it and upload it as a new version of the template.
Fonts: Times New Roman (LibreOffice uses the metric-compatible Liberation Serif), so the DOCX and the
PDF look alike.
"""
import importlib.util
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

ROOT = Path(__file__).resolve().parent.parent


def _labels():
    """app/bases/labels.py, the regulation's own column headings of Приложения 3 and 4 (a module with no imports)."""
    spec = importlib.util.spec_from_file_location("base_labels", ROOT / "app" / "bases" / "labels.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LABELS = _labels()
OUT = ROOT / "doc_templates"
FONT = "Times New Roman"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)

LEFT, CENTER, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT,
                                WD_ALIGN_PARAGRAPH.JUSTIFY)
ACT = ("В соответствии с распоряжением Министерства просвещения Российской Федерации от 25 декабря 2019 г. "
       "№ Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, "
       "осуществляющих образовательную деятельность по общеобразовательным, дополнительным "
       "общеобразовательным программам и программам среднего профессионального образования, в том числе "
       "с применением лучших практик обмена опытом между обучающимися»")
REGULATION = "Положения о наставничестве {{ college.name }}"
CONTROL = "Контроль за исполнением настоящего приказа оставляю за собой."
SIGN_LINE = "«___» ____________ 20___ г."
PAIR_SIGNATURES = ("mentor", "mentee")


class Builder:
    """A document with the college's page setup and the few paragraph shapes official papers use."""

    def __init__(self, title, size=14, landscape=False):
        self.doc = Document()
        self.size = size
        section = self.doc.sections[0]
        section.page_height, section.page_width = Mm(297), Mm(210)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30 if not landscape else 20), Mm(15)
        style = self.doc.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(size)
        run_properties = style.element.get_or_add_rPr()
        fonts = run_properties.get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), "ru-RU")
        language.set(qn("w:eastAsia"), "ru-RU")
        run_properties.append(language)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.line_spacing = 1.0
        properties = self.doc.core_properties
        properties.title, properties.author, properties.comments = title, "Наставничество", ""
        properties.subject = properties.keywords = properties.category = ""
        properties.last_modified_by = "Наставничество"
        properties.revision = 1

    @property
    def text_width(self):
        section = self.doc.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    def new_section(self, landscape):
        """A new page turned landscape (for a table too wide for a portrait page) or back to portrait."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
        section.left_margin, section.right_margin = Mm(20 if landscape else 30), Mm(15)
        return section

    # Paragraphs ------------------------------------------------------------------------------------

    def p(self, text="", align=JUSTIFY, bold=False, italic=False, size=None, indent=True, before=0, after=0,
          left=None, keep=False, caps=False):
        paragraph = self.doc.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.alignment = align
        fmt.first_line_indent = Cm(1.25) if indent and align == JUSTIFY else None
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        if left is not None:
            fmt.left_indent = left
        fmt.keep_with_next = keep
        if text:
            run = paragraph.add_run(text)
            run.bold, run.italic, run.font.all_caps = bold, italic, caps
            if size:
                run.font.size = Pt(size)
        return paragraph

    def tag(self, statement):
        """A paragraph holding only a docxtpl {%p … %} tag (removed when rendered)."""
        return self.p("{%p " + statement + " %}", align=LEFT, indent=False)

    def blank(self, count=1):
        for _ in range(count):
            self.p(align=LEFT, indent=False)

    def page_break(self):
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # Blocks of official papers ---------------------------------------------------------------------

    def draft_mark(self):
        self.tag("if is_draft")
        self.p("ПРОЕКТ", align=RIGHT, bold=True, indent=False)
        self.tag("endif")

    def college_header(self, size=12):
        """The blank's heading: founder, full name, short name."""
        self.tag("if college.founder")
        self.p("{{ college.founder }}", align=CENTER, size=size, indent=False)
        self.tag("endif")
        self.p("{{ college.full_name|capfirst }}", align=CENTER, bold=True, size=size, indent=False)
        self.p("({{ college.short_name }})", align=CENTER, size=size, indent=False, after=12)

    def order_heading(self, title):
        self.draft_mark()
        self.college_header()
        self.p("ПРИКАЗ", align=CENTER, bold=True, size=16, indent=False, after=12)
        self.two_columns("{{ doc_date|date_long }}", "№ {{ number if number else '________' }}")
        self.p("{{ college.city }}", align=CENTER, size=12, indent=False, after=12)
        self.p(title, align=LEFT, bold=True, indent=False, after=12)

    def order_text(self, preamble):
        self.p(preamble)
        self.p("ПРИКАЗЫВАЮ:", align=LEFT, bold=True, indent=False, before=6, after=6)

    def item(self, text):
        self.p(text)

    def director_signature(self, before=24):
        self.two_columns("Директор", "_____________ {{ college.director|initials_before }}", before=before)

    def two_columns(self, left, right, before=0, size=None):
        """A borderless row: text on the left, text on the right (dates and numbers, signatures)."""
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _no_borders(table)
        width = self.text_width
        for cell, text, align, share in ((table.cell(0, 0), left, LEFT, 0.5), (table.cell(0, 1), right, RIGHT, 0.5)):
            cell.width = int(width * share)
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.alignment = align
            paragraph.paragraph_format.space_before = Pt(before)
            run = paragraph.add_run(text)
            if size:
                run.font.size = Pt(size)
        _grid(table, [int(width * 0.5)] * 2)
        return table

    def addressee(self, lines):
        """The "to the director, from …" block in the right half of the page."""
        for text, italic, size in lines:
            self.p(text, align=LEFT, indent=False, left=Cm(8.5), italic=italic, size=size)
        self.blank()

    def signature_with_date(self, date_expression, name_expression, captions=("(дата)", "(подпись)",
                                                                               "(расшифровка подписи)")):
        """Date, signature line, name — with the small captions under them (none when ``captions`` is empty)."""
        table = self.doc.add_table(rows=2 if captions else 1, cols=3)
        _no_borders(table)
        width = self.text_width
        cells = [(date_expression, LEFT, 0.36), ("_______________", CENTER, 0.28), (name_expression, RIGHT, 0.36)]
        for column, (text, align, share) in enumerate(cells):
            cell = table.cell(0, column)
            cell.width = int(width * share)
            cell.paragraphs[0].paragraph_format.alignment = align
            cell.paragraphs[0].paragraph_format.space_before = Pt(12)
            cell.paragraphs[0].add_run(text)
        if captions:
            for column, caption in enumerate(captions):
                cell = table.cell(1, column)
                cell.width = int(width * cells[column][2])
                cell.paragraphs[0].paragraph_format.alignment = cells[column][1]
                run = cell.paragraphs[0].add_run(caption)
                run.italic, run.font.size = True, Pt(9)
        _grid(table, [int(width * share) for _, _, share in cells])
        return table

    def acquaintance(self, people=(), lines_loop=None):
        """«С приказом ознакомлен(а, ы):» with a line per person to sign and date: «_____ И.О. Фамилия».

        ``people`` are the names of the person variables; one person's line agrees with his gender.
        """
        if len(people) == 1 and not lines_loop:
            title = "С приказом {{ " + people[0] + "|gendered('ознакомлен', 'ознакомлена') }}:"
        else:
            title = "С приказом ознакомлены:"
        self.p(title, align=LEFT, indent=False, before=18, after=6)
        for variable in people:
            self.two_columns("_____________ {{ " + variable + "|initials_before }}", SIGN_LINE, before=6, size=12)
        if lines_loop:
            loop_var, items, expression = lines_loop
            self.tag(f"for {loop_var} in {items}")
            self.p("_____________ {{ " + expression + "|initials_before }}          " + SIGN_LINE, align=LEFT,
                   indent=False, size=12, before=6)
            self.tag("endfor")

    # Tables ----------------------------------------------------------------------------------------

    def data_table(self, headers, cells, items, loop_var="row", shares=None, size=12, numbered=True, header_size=None,
                   vertical_headers=False):
        """A bordered table: a header row, one row repeated for each item, the header repeated on each page."""
        if numbered:
            headers = ["№ п/п", *headers]
            cells = ["{{ loop.index }}", *cells]
        columns = len(headers)
        shares = shares or [1 / columns] * columns
        if numbered and len(shares) == columns - 1:
            shares = [0.06, *[share * 0.94 for share in shares]]
        table = self.doc.add_table(rows=4, cols=columns)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        width = self.text_width
        contents = [headers, ["{%tr for " + loop_var + " in " + items + " %}"] + [""] * (columns - 1), cells,
                    ["{%tr endfor %}"] + [""] * (columns - 1)]
        for row_index, row_texts in enumerate(contents):
            row = table.rows[row_index]
            for column, text in enumerate(row_texts):
                cell = row.cells[column]
                cell.width = int(width * shares[column])
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.alignment = CENTER if row_index == 0 else LEFT
                run = paragraph.add_run(text)
                run.font.size = Pt(header_size if row_index == 0 and header_size else size)
                run.bold = row_index == 0
        _grid(table, [int(width * share) for share in shares])
        _repeat_header(table.rows[0])
        if vertical_headers:
            _vertical(table.rows[0], Mm(45))
            _cell_margins(table, Mm(1))
        return table

    def save(self, name):
        _trim(self.doc)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return name, _reproducible_zip(buffer.getvalue())


#: Parts of python-docx's default template that no paper needs; each is read and written again every time a
#: document is rendered (Word 2010's copy of the styles alone is 440 KB).
UNUSED_PARTS = ("stylesWithEffects", "thumbnail", "customXml")
STYLE_REFERENCES = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink")


def _trim(doc):
    """Keep the styles the paper uses (with what they are based on, and the defaults), no latent styles and none of
    UNUSED_PARTS: the template opens and saves four times faster and looks the same in Word and LibreOffice."""
    styles = doc.styles.element
    parts = [doc.part.element] + [rel.target_part.element for rel in doc.part.rels.values()
                                  if not rel.is_external and rel.reltype.endswith(("/numbering", "/header", "/footer"))]
    used = {element.get(qn("w:val")) for part in parts for tag in STYLE_REFERENCES for element in part.iter(qn(tag))}
    by_id = {style.get(qn("w:styleId")): style for style in styles.iterchildren(qn("w:style"))}
    used |= {style_id for style_id, style in by_id.items() if style.get(qn("w:default")) == "1"}
    pending = list(used)
    while pending:
        style = by_id.get(pending.pop())
        for tag in ("w:basedOn", "w:next", "w:link"):
            element = style.find(qn(tag)) if style is not None else None
            if element is not None and element.get(qn("w:val")) not in used:
                used.add(element.get(qn("w:val")))
                pending.append(element.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in used:
            styles.remove(style)
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)
    for owner in (doc.part, doc.part.package):
        for rel_id, rel in list(owner.rels.items()):
            if any(name in rel.reltype or name in str(getattr(rel, "target_ref", "")) for name in UNUSED_PARTS):
                del owner.rels[rel_id]


def _grid(table, widths):
    """Column widths in the table grid too: LibreOffice lays out by the grid, Word by the cells."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width


def _no_borders(table):
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _vertical(row, height):
    """Headings written bottom to top in a row of ``height``, as Russian forms print many narrow columns: a heading
    wraps along the height, so no word of it is cut by a narrow column."""
    for cell in row.cells:
        direction = OxmlElement("w:textDirection")
        direction.set(qn("w:val"), "btLr")
        cell._tc.get_or_add_tcPr().append(direction)
        cell.paragraphs[0].paragraph_format.alignment = LEFT
    row.height = height
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _cell_margins(table, width):
    """Narrow left and right cell margins: a table of many columns keeps its width for the text."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(int(width.twips if hasattr(width, "twips") else width / 635)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _repeat_header(row):
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _reproducible_zip(data):
    """The same bytes for the same content: fixed timestamps, members in a fixed order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return output.getvalue()


# Orders ------------------------------------------------------------------------------------------

def _order(name, title, heading, preamble, items, acquainted=()):
    """An order of numbered items, the director's signature and the lines of those who must sign it."""
    b = Builder(title)
    b.order_heading(heading)
    b.order_text(preamble)
    for text in items:
        b.item(text)
    b.director_signature()
    if acquainted:
        b.acquaintance(list(acquainted))
    return b.save(name)


def _order_appendix(b):
    """A new page headed «Приложение к приказу … от … № …»: the list an order approves."""
    b.page_break()
    b.p("Приложение к приказу {{ college.short_name }}", align=RIGHT, indent=False, size=12)
    b.p("от {{ doc_date|date_short }} № {{ number if number else '________' }}", align=RIGHT, indent=False,
        size=12, after=12)


def order_appoint_curator():
    return _order(
        "order_appoint_curator.docx", "Приказ о назначении куратора наставнической деятельности",
        "О назначении куратора наставнической деятельности",
        f"{ACT}, {REGULATION.replace('Положения', 'Положением')} и в целях организации наставнической "
        "деятельности в {{ college.short_name }} на {{ academic_year }} учебный год",
        ["1. Назначить куратором наставнической деятельности в {{ college.short_name }} на {{ academic_year }} "
         "учебный год {{ curator|name('accusative') }} ({{ curator_position }}).",
         "2. Куратору наставнической деятельности {{ curator|initials_after('dative') }} обеспечить исполнение "
         "обязанностей, предусмотренных разделом 5 " + REGULATION + ", в том числе:",
         "2.1. формирование и актуализацию базы наставников и базы наставляемых;",
         "2.2. разработку проекта Программы наставничества техникума на {{ academic_year }} учебный год;",
         "2.3. организацию и контроль мероприятий в рамках утверждённой Программы наставничества;",
         "2.4. подготовку проектов документов, сопровождающих наставническую деятельность, и представление "
         "их на утверждение директору техникума;",
         "2.5. мониторинг и оценку качества реализации Программы наставничества.",
         "3. " + CONTROL],
        ["curator"])


def order_create_commission():
    b = Builder("Приказ о создании конкурсной комиссии по отбору наставников")
    b.order_heading("О создании конкурсной комиссии по отбору наставников")
    b.order_text("В соответствии с пунктом 4.13 " + REGULATION + ", в целях проведения предварительного отбора "
                 "наставников на {{ academic_year }} учебный год")
    b.item("1. Создать конкурсную комиссию по отбору наставников в следующем составе:")
    b.data_table(["Фамилия, имя, отчество", "Должность", "Роль в комиссии"],
                 ["{{ m.name }}", "{{ m.position }}", "{{ m.role }}"], "members", "m", shares=[0.38, 0.36, 0.26])
    b.item("2. Конкурсной комиссии в срок до {{ selection_deadline|date_long }} провести предварительный отбор "
           "кандидатов в наставники на основании их заявлений (Приложение 5 к Положению о наставничестве) "
           "и критериев отбора (Приложение 1 к Положению о наставничестве); результаты отбора оформить "
           "протоколом.")
    b.item("3. " + CONTROL)
    b.director_signature()
    b.acquaintance(lines_loop=("m", "members", "m.name"))
    return b.save("order_create_commission.docx")


def order_approve_mentor_registry():
    b = Builder("Приказ об утверждении реестра наставников")
    b.order_heading("Об утверждении реестра наставников на {{ academic_year }} учебный год")
    b.order_text("В соответствии с пунктом 4.13 " + REGULATION + ", на основании "
                 "{% if protocol_number %}протокола заседания конкурсной комиссии по отбору наставников от "
                 "{{ protocol_date|date_short }} № {{ protocol_number }}{% if nomination_basis %} и "
                 "{{ nomination_basis }}{% endif %}{% else %}{{ nomination_basis }}{% endif %}")
    b.item("1. Утвердить реестр наставников {{ college.short_name }} на {{ academic_year }} учебный год "
           "(приложение к настоящему приказу).")
    b.item("2. Куратору наставнической деятельности разместить реестр наставников на сайте техникума"
           "{% if college.website %} ({{ college.website }}){% endif %} в соответствии с пунктом 8.4 "
           "Положения о наставничестве.")
    b.item("3. " + CONTROL)
    b.director_signature()
    _order_appendix(b)
    b.p("Реестр наставников {{ college.short_name }}", align=CENTER, bold=True, indent=False)
    b.p("на {{ academic_year }} учебный год", align=CENTER, bold=True, indent=False, after=12)
    b.data_table(["Фамилия, имя, отчество наставника", "Место работы (учёбы), должность", "Форма наставничества",
                  "Дата вхождения в программу"],
                 ["{{ m.name }}", "{{ m.place }}", "{{ m.form }}",
                  "{% if m.entry %}{{ m.entry|date_short }}{% endif %}"],
                 "mentors", "m", shares=[0.28, 0.30, 0.24, 0.18], size=11)
    return b.save("order_approve_mentor_registry.docx")


def order_nominate_mentors():
    b = Builder("Приказ о выдвижении наставников")
    b.order_heading("О выдвижении наставников на {{ academic_year }} учебный год")
    b.order_text("В соответствии с пунктом 4.13 " + REGULATION + "{% if presentation %}, на основании представления "
                 "{{ presentation }}{% endif %}, в целях формирования реестра наставников на {{ academic_year }} "
                 "учебный год")
    b.item("1. Выдвинуть в наставники на {{ academic_year }} учебный год кандидатов согласно приложению к настоящему "
           "приказу.")
    b.item("2. Куратору наставнической деятельности получить от выдвинутых кандидатов заявления (Приложение 5 "
           "к Положению о наставничестве), подтверждающие их личное желание стать наставником, и согласия на "
           "обработку персональных данных и представить их конкурсной комиссии по отбору наставников.")
    b.item("3. " + CONTROL)
    b.director_signature()
    _order_appendix(b)
    b.p("Кандидаты в наставники на {{ academic_year }} учебный год", align=CENTER, bold=True, indent=False, after=12)
    b.data_table(["Фамилия, имя, отчество", "Место работы (учёбы), должность", "Форма наставничества"],
                 ["{{ c.name }}", "{{ c.place }}", "{{ c.form }}"], "candidates", "c", shares=[0.34, 0.40, 0.26])
    return b.save("order_nominate_mentors.docx")


def order_approve_program():
    b = Builder("Приказ об утверждении Программы наставничества и наставнических пар (групп)")
    b.order_heading("Об утверждении Программы наставничества и состава наставнических пар (групп) "
                    "на {{ academic_year }} учебный год")
    b.order_text("В соответствии с пунктом 4.14 " + REGULATION + ", по итогам формирования наставнических "
                 "пар (групп) и разработки индивидуальных планов развития наставляемых")
    b.item("1. Утвердить Программу наставничества {{ college.short_name }} на {{ academic_year }} учебный год.")
    b.item("2. Утвердить состав наставнических пар (групп) и сроки наставничества (приложение к настоящему "
           "приказу).")
    b.item("3. Куратору наставнической деятельности {{ curator|initials_after('dative') }} обеспечить организацию "
           "мероприятий Программы наставничества и контроль выполнения индивидуальных планов развития "
           "наставляемых.")
    b.tag("if mentor_training")
    b.item("4. Включить в Программу наставничества мероприятия по развитию наставников в формате обучения "
           "наставников (пункт 4.14 Положения о наставничестве).")
    b.tag("endif")
    b.item("{{ 5 if mentor_training else 4 }}. " + CONTROL)
    b.director_signature()
    b.acquaintance(["curator"])
    b.new_section(landscape=True)  # five columns: a portrait page would break their words
    b.p("Приложение к приказу {{ college.short_name }}", align=RIGHT, indent=False, size=12)
    b.p("от {{ doc_date|date_short }} № {{ number if number else '________' }}", align=RIGHT, indent=False,
        size=12, after=12)
    b.p("Состав наставнических пар (групп) на {{ academic_year }} учебный год", align=CENTER, bold=True,
        indent=False, after=12)
    b.data_table(["Наставник", "Наставляемый (наставляемые)", "Форма наставничества", "Срок наставничества",
                  "Индивидуальный план"],
                 ["{{ p.mentor }}", "{{ p.mentees }}", "{{ p.form }}",
                  "с {{ p.start|date_short }} по {{ p.end|date_short }}", "{{ p.plan }}"],
                 "pairs", "p", shares=[0.21, 0.24, 0.18, 0.19, 0.18], size=11)
    return b.save("order_approve_program.docx")


#: The mentees an order of 4.7 or 4.8 concerns, in the genitive: those of a whole group, one member of a group, or
#: the mentee of a pair (the kinds' field «scope»).
GROUP_MENTEES = ("{% for m in group_mentees %}{{ m.name|name('genitive') }}{{ ', ' if not loop.last else '' }}"
                 "{% endfor %}")
CONCERNED = ("{% if scope == 'group' %}наставляемых группы: " + GROUP_MENTEES + "{% else %}"
             "{{ mentee|name('genitive') }}{% if scope == 'member' %}, участника наставнической группы{% endif %}"
             "{% endif %}")


def order_replace_mentor():
    return _order(
        "order_replace_mentor.docx", "Приказ о замене наставника", "О замене наставника",
        "В соответствии с пунктом 4.8 " + REGULATION + ", в связи с {{ reason }}"
        "{% if reason_details %} ({{ reason_details }}){% endif %}",
        ["1. Освободить {{ former_mentor|name('accusative') }} от исполнения обязанностей наставника "
         "{% if scope == 'group' %}наставнической группы в составе " + GROUP_MENTEES + "{% else %}"
         "{{ mentee|name('genitive') }} ({{ mentee_position }}){% if scope == 'member' %}, участника наставнической "
         "группы{% endif %}{% endif %}, форма наставничества «{{ form }}».",
         "2. Назначить наставником {% if scope == 'group' %}этой группы{% else %}{{ mentee|name('genitive') }}"
         "{% endif %} {{ new_mentor|name('accusative') }} ({{ new_mentor_position }})"
         "{% if scope == 'member' %} в наставнической паре{% endif %}{% if scope == 'group' %}; группа продолжает "
         "работу после согласия нового наставника на групповую форму работы (пункт 4.6 Положения о "
         "наставничестве){% endif %}.",
         "3. Период наставничества не изменяется: с {{ period_start|date_long }} по {{ period_end|date_long }} "
         "(пункт 4.8 Положения о наставничестве).",
         "4. Куратору наставнической деятельности внести изменения в базу наставников и базу наставляемых.",
         "5. " + CONTROL],
        ["former_mentor", "new_mentor", "mentee"])


def order_end_pair_early():
    return _order(
        "order_end_pair_early.docx", "Приказ о досрочном завершении наставничества",
        "О досрочном завершении наставничества",
        "В соответствии с пунктом 4.7 " + REGULATION + ", в связи с быстрым и успешным освоением "
        "{{ 'наставляемыми' if scope == 'group' else 'наставляемым' }} необходимых компетенций, по согласованию с "
        "наставником ({{ mentor_agreed_on|date_short }}) и куратором "
        "наставнической деятельности ({{ curator_agreed_on|date_short }})",
        ["1. Завершить досрочно, {{ end_date|date_long }}, наставничество {{ mentor|name('genitive') }} "
         "в отношении " + CONCERNED + " (форма наставничества «{{ form }}», период "
         "наставничества — с {{ period_start|date_short }} по {{ period_end|date_short }})"
         "{% if scope == 'member' %}; {{ mentee|name }} выбывает из состава наставнической группы, группа "
         "продолжает работу{% endif %}.",
         "2. Основание: {{ reason }}.",
         "3. Куратору наставнической деятельности внести сведения о завершении программы наставничества "
         "в базу наставников и базу наставляемых.",
         "4. " + CONTROL],
        PAIR_SIGNATURES)


def order_extend_pair():
    return _order(
        "order_extend_pair.docx", "Приказ о продлении срока наставничества", "О продлении срока наставничества",
        "В соответствии с пунктом 4.7 " + REGULATION + ", в связи с {{ absence_reason }} {{ absent_party }}",
        ["1. Продлить срок наставничества {{ mentor|name('genitive') }} в отношении "
         + CONCERNED + " (форма наставничества «{{ form }}», начало наставничества — "
         "{{ period_start|date_short }}, прежний срок окончания — {{ period_end|date_short }}) "
         "до {{ new_end|date_long }}",
         "2. Основание: {{ reason_details }}.",
         "3. Куратору наставнической деятельности внести изменения в {{ 'индивидуальные планы развития "
         "наставляемых' if scope == 'group' else 'индивидуальный план развития наставляемого' }}, базу наставников "
         "и базу наставляемых.",
         "4. " + CONTROL],
        PAIR_SIGNATURES)


def order_awards():
    b = Builder("Приказ о поощрении участников наставнической деятельности")
    b.order_heading("О поощрении участников наставнической деятельности")
    b.order_text("В соответствии с разделом 9 " + REGULATION + ", по итогам реализации Программы наставничества "
                 "на {{ academic_year }} учебный год, за высокие результаты наставнической деятельности")
    b.item("1. Поощрить участников наставнической деятельности:")
    b.data_table(["Фамилия, имя, отчество", "Участник", "Вид поощрения", "Основание"],
                 ["{{ a.name }}", "{{ a.role }}", "{{ a.award }}", "{{ a.merit }}"], "awardees", "a",
                 shares=[0.26, 0.24, 0.22, 0.28], size=11)
    b.tag("if publish_on_site")
    b.item("2. Разместить информацию о поощрении участников наставнической деятельности на сайте техникума"
           "{% if college.website %} ({{ college.website }}){% endif %} и на страницах техникума в социальных "
           "сетях (пункт 9.1 Положения о наставничестве).")
    b.tag("endif")
    b.item("{{ 3 if publish_on_site else 2 }}. " + CONTROL)
    b.director_signature()
    return b.save("order_awards.docx")


# The partner agreement (Приложение 2) ------------------------------------------------------------

#: Приложение 2 word for word (tests/documents/test_regulation_text.py compares it with the regulation, after the
#: corrections of docs/regulation.md): its numbering too — the regulation has no clause 2.4.
AGREEMENT_SECTIONS = [
    ("1. Предмет Соглашения", [
        "1.1. Предметом настоящего соглашения является сотрудничество Сторон в форме социального партнерства и на "
        "безвозмездной основе в целях осуществления Программ наставничества {{ college.short_name }}.",
        "1.2. Целью сотрудничества является организация наставнической поддержки обучающихся образовательных "
        "организаций {{ college.territory }} в рамках форм наставничества «работодатель – ученик», "
        "«работодатель – студент».",
    ]),
    ("2. Права и обязанности Сторон", [
        "2.1. Партнер вправе:",
        "- участвовать в реализации Программ наставничества, реализуемых в Образовательной организации;",
        "- приглашать обучающихся Образовательной организации на мероприятия, проходящие на базе Партнера в рамках "
        "Программ наставничества, реализуемых в рамках форм наставничества «работодатель – ученик», «работодатель – "
        "студент»;",
        "- принимать участие в составлении Программы наставничества Образовательной организации, а также знакомиться "
        "с информационными, организационными и методическими материалами, сопровождающими наставническую "
        "деятельность в части, его касающейся;",
        "- размещать информацию об участии своей организации в реализации Программы наставничества Образовательной "
        "организации в средствах массовой информации, в т.ч. — в сети Интернет, в целях формирования имиджа "
        "социально ответственной организации-работодателя.",
        "2.2. Участвуя в наставнической деятельности Образовательной организации, Партнер принимает на себя "
        "следующие обязательства:",
        "- определяет уполномоченного сотрудника по работе с представителями Образовательной организации для "
        "оперативного решения вопросов, возникающих при совместной работе по внедрению Целевой модели "
        "наставничества;",
        "- выдвигает наставников в соответствии с критериями, предложенными Образовательной организацией;",
        "- обеспечивает участие своих наставников в обязательных мероприятиях Программы наставничества "
        "Образовательной организации;",
        "- обеспечивает сбор и предоставление наставниками всех документов, необходимых для участия в Программе "
        "наставничества Образовательной организации (например, справок об отсутствии судимости, медицинских справок "
        "и пр.);",
        "- оказывает содействие наставническим парам в части реализации Индивидуального плана развития наставляемого "
        "под руководством наставника;",
        "- несет полную ответственность за действия своих сотрудников, выполняющих роль наставников в Программе "
        "наставничества Образовательной организации.",
        "2.3. Образовательная организация имеет право:",
        "- на получение полной информации о результатах проведения Партнером мероприятий для участников Программы "
        "наставничества на базе Партнера;",
        "- посещения представителями Образовательной организации мероприятий, проводимых Партнером для наставляемых, "
        "участвующих в Программе наставничества по форме «работодатель – ученик», «работодатель – студент» на базе "
        "Партнера, заранее согласовав с Партнером время и цель посещения;",
        "- по согласованию с Партнером размещать информацию о его участии в реализации Программы наставничества "
        "Образовательной организации в средствах массовой информации, в т.ч. — в сети Интернет;",
        "- запрашивать и получать у Партнера информацию, имеющую отношение к предмету настоящего Соглашения.",
        "2.5. Образовательная организация принимает на себя следующие обязательства:",
        "- определяет уполномоченного сотрудника по работе с представителями Партнера для оперативного решения "
        "вопросов, возникающих при совместной работе по организации наставнической деятельности;",
        "- формирует группу обучающихся, изъявивших желание принять участие в Программе наставничества с участием "
        "Партнера;",
        "- обеспечивает сопровождение наставляемых для участия в мероприятиях на базе Партнера, реализуемых в рамках "
        "настоящего Соглашения;",
        "- предоставляет Партнеру всю необходимую информацию о реализации Программы наставничества в Образовательной "
        "организации;",
        "- оказывает наставникам-сотрудникам Партнера необходимую методическую, консультационную и информационную "
        "поддержку;",
        "- обучает наставников-сотрудников Партнера при условии организации на базе Образовательной организации "
        "Школы наставника.",
    ]),
    ("3. ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ", [
        "3.1. Стороны обязуются соблюдать требования в отношении конфиденциальной и личной информации, ставшей "
        "известной Сторонам в результате исполнения настоящего Соглашения, в соответствии с законодательством "
        "Российской Федерации.",
        "3.2. Стороны обязуются своевременно информировать друг друга о переносе сроков и места проведения "
        "запланированных совместных мероприятий, проблемах и затруднениях, возникающих при исполнении настоящего "
        "Соглашения, а также совместно обсуждать и оценивать результаты совместной работы.",
        "3.3. В решении вопросов, не предусмотренных настоящим Соглашением, Стороны руководствуются действующим "
        "законодательством Российской Федерации.",
        "3.4. Все споры и разногласия по настоящему Соглашению решаются путем переговоров между Сторонами.",
        "3.5. Настоящее Соглашение может быть изменено или расторгнуто по соглашению Сторон. Соглашение об изменении "
        "или расторжении настоящего Соглашения должно быть составлено в письменной форме и подписано Сторонами.",
        "3.6. Настоящее Соглашение вступает в силу с момента его подписания Сторонами и действует до "
        "{{ end_date|date_short }} г.",
    ]),
]


def partner_agreement():
    b = Builder("Соглашение о наставничестве", size=12)
    b.draft_mark()
    b.p("Дополнительное соглашение к договору о сотрудничестве", align=CENTER, indent=False)
    b.p("СОГЛАШЕНИЕ О НАСТАВНИЧЕСТВЕ № {{ number if number else '____' }}", align=CENTER, bold=True, indent=False,
        after=12)
    b.two_columns("{{ college.city }}", "{{ doc_date|date_long }}")
    b.blank()
    b.p("{{ college.name }} в лице {{ college_signatory_position_genitive }} "
        "{{ college_signatory|initials_after('genitive') }}, действующего на основании {{ college_basis }}, "
        "именуемое далее «Образовательная организация», и {{ partner_name }} в лице "
        "{{ partner_signatory_position_genitive }} {{ partner_signatory|initials_after('genitive') }}, действующего на "
        "основании {{ partner_basis }}, именуемое далее «Партнер», совместно именуемые «Стороны», в целях реализации "
        "на территории {{ college.territory }} Целевой модели наставничества обучающихся организаций, осуществляющих "
        "образовательную деятельность по общеобразовательным, дополнительным общеобразовательным программам "
        "и программам среднего профессионального образования, в том числе с применением лучших практик обмена "
        "опытом между обучающимися, заключили настоящее Соглашение о нижеследующем:")
    for heading, paragraphs in AGREEMENT_SECTIONS:
        b.p(heading, align=CENTER, bold=True, indent=False, before=12, after=6, keep=True)
        for text in paragraphs:
            b.p(text)
    b.p("4. Юридические адреса и подписи Сторон", align=CENTER, bold=True, indent=False, before=12, after=6,
        keep=True)
    table = b.doc.add_table(rows=1, cols=2)
    _no_borders(table)
    columns = [
        ["Образовательная организация:", "{{ college.short_name }}", "{{ college.address }}", "",
         "{{ college_signatory_position|capfirst }}", "_____________ {{ college_signatory|initials_before }}", "М.П."],
        ["Партнер:", "{{ partner_short_name }}", "{{ partner_address }}", "{{ partner_requisites }}",
         "{{ partner_signatory_position|capfirst }}", "_____________ {{ partner_signatory|initials_before }}",
         "М.П."],
    ]
    for column, lines in enumerate(columns):
        cell = table.cell(0, column)
        cell.width = int(b.text_width / 2)
        table.columns[column].width = int(b.text_width / 2)
        for index, text in enumerate(lines):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            paragraph.paragraph_format.space_before = Pt(10 if index == 5 else 0)
            run = paragraph.add_run(text)
            run.bold = index == 0
    return b.save("partner_agreement.docx")


# Papers a participant signs ----------------------------------------------------------------------

def _to_director(from_lines):
    return [("Директору {{ college.short_name }}", False, None),
            ("{{ college.director|initials_before('dative') }}", False, None), *from_lines]


def candidate_application():
    """Приложение 5 word for word (its typo «ЗАВЛЕНИЕ» corrected, docs/regulation.md), filled from the application."""
    b = Builder("Заявление кандидата в наставники")
    b.addressee(_to_director([
        ("от {{ candidate|name('genitive') }},", False, None),
        ("{{ candidate_position|decline('genitive') }}", False, None),
        ("(полные ф.и.о. и должность кандидата в наставники)", True, 9),
    ]))
    b.p("ЗАЯВЛЕНИЕ", align=CENTER, bold=True, indent=False, after=12)
    b.p("Прошу считать меня {{ candidate|gendered('участвующим', 'участвующей') }} в отборе "
        "{% if for_curator %}куратора наставнической деятельности{% else %}наставников{% endif %} "
        "в Программу наставничества {{ college.short_name }} на {{ academic_year }} учебный год.")
    b.p("Контакты кандидата: тел. {{ phone }}", before=6)
    b.p("E-mail: {{ email }}")
    b.p("К заявлению прилагаю:", before=6)
    b.p("1. портфолио на {{ portfolio_pages }} ({{ portfolio_pages|words('prepositional') }}) "
        "{{ portfolio_pages|plural('листе', 'листах', 'листах') }}")
    b.tag("if is_student")
    b.p("2. согласие родителей (законных представителей) (для наставников-обучающихся)")
    b.tag("endif")
    b.p("С Положением о наставничестве {{ college.name }} {{ candidate|gendered('ознакомлен', 'ознакомлена') }}.",
        before=6)
    b.signature_with_date("{{ doc_date|date_long }}", "{{ candidate|initials_before }}",
                          captions=("(дата написания заявления)", "(подпись)", "(расшифровка подписи)"))
    b.p("Подтверждаю свое согласие на обработку своих персональных данных в порядке, установленном "
        "законодательством РФ", before=18)
    b.signature_with_date("{{ consent_date|date_long }}", "{{ candidate|initials_before }}")
    return b.save("candidate_application.docx")


#: The operator, to whom consent is given: the college's full name in the dative (a setting, by the rule of
#: app.core.declension); the address in parentheses, so no participle has to agree with the name's head noun.
OPERATOR = "{{ college.full_name_dative }} (далее — Оператор; адрес места нахождения: {{ college.address }})"
PD_LIST = ("Перечень персональных данных, на обработку которых даётся согласие: фамилия, имя, отчество; дата "
           "рождения; контактные данные (телефон, адрес электронной почты); место учёбы (группа) или работы "
           "и должность; сведения об образовании, профессиональных компетенциях и достижениях; сведения об участии "
           "в Программе наставничества и его результатах; фотографии.")
PD_ACTIONS = ("Перечень действий с персональными данными: сбор, запись, систематизация, накопление, хранение, "
              "уточнение (обновление, изменение), извлечение, использование, передача (предоставление, доступ) "
              "в пределах, необходимых для реализации Программы наставничества, в том числе организациям — "
              "социальным партнёрам Оператора, участвующим в Программе наставничества, обезличивание, блокирование, "
              "удаление, уничтожение. Обработка осуществляется с использованием средств автоматизации и без их "
              "использования.")
PD_TERM = ("Согласие действует со дня его подписания до достижения целей обработки или до дня его отзыва. Согласие "
           "может быть отозвано в любое время письменным заявлением, поданным Оператору. Мне разъяснено, что при "
           "отзыве согласия Оператор вправе продолжить обработку персональных данных без согласия при наличии "
           "оснований, указанных в Федеральном законе «О персональных данных».")
PD_PURPOSE = ("в целях участия в Программе наставничества {{ college.short_name }} в качестве {{ participant_role }}: "
              "формирования базы наставников и базы наставляемых, организации и сопровождения наставнической "
              "деятельности, мониторинга и оценки результатов Программы наставничества, размещения сведений о её "
              "результатах на сайте Оператора.")


def consent_personal_data():
    b = Builder("Согласие на обработку персональных данных", size=12)
    b.p("СОГЛАСИЕ", align=CENTER, bold=True, indent=False)
    b.p("на обработку персональных данных", align=CENTER, bold=True, indent=False, after=12)
    b.p("Я, {{ person|name }}, {% if birth_date %}{{ birth_date|date_short }} года рождения, {% endif %}"
        "{{ person|gendered('зарегистрированный', 'зарегистрированная') }} по адресу: {{ address }}, документ, "
        "удостоверяющий личность: {{ id_document }}, в соответствии со статьёй 9 Федерального закона от 27 июля "
        "2006 г. № 152-ФЗ «О персональных данных» свободно, своей волей и в своём интересе даю согласие "
        + OPERATOR + " на обработку моих персональных данных " + PD_PURPOSE)
    for text in (PD_LIST, PD_ACTIONS, PD_TERM):
        b.p(text)
    b.signature_with_date("{{ doc_date|date_long }}", "{{ person|initials_before }}")
    return b.save("consent_personal_data.docx")


def consent_personal_data_parent():
    b = Builder("Согласие родителя (законного представителя) на обработку персональных данных", size=12)
    b.p("СОГЛАСИЕ", align=CENTER, bold=True, indent=False)
    b.p("родителя (законного представителя) на обработку персональных данных несовершеннолетнего", align=CENTER,
        bold=True, indent=False, after=12)
    b.p("Я, {{ representative|name }}, "
        "{{ representative|gendered('зарегистрированный', 'зарегистрированная') }} по адресу: "
        "{{ representative_address }}, документ, удостоверяющий личность: {{ representative_id_document }}, "
        "являясь {{ relation }} {{ minor|gendered('несовершеннолетнего', 'несовершеннолетней') }} "
        "{{ minor|name('genitive') }}, {{ minor_birth_date|date_short }} года рождения, "
        "{{ minor|gendered('обучающегося', 'обучающейся') }} группы {{ minor_group }} {{ college.short_name }}, "
        "в соответствии со статьёй 9 Федерального закона от 27 июля 2006 г. № 152-ФЗ «О персональных данных» "
        "даю согласие " + OPERATOR + " на обработку персональных данных моего ребёнка " + PD_PURPOSE)
    b.p(PD_LIST)
    b.p("Также даю согласие на обработку моих персональных данных (фамилия, имя, отчество, контактные данные) "
        "в целях взаимодействия с Оператором по вопросам участия ребёнка в Программе наставничества.")
    b.p(PD_ACTIONS)
    b.p(PD_TERM)
    b.signature_with_date("{{ doc_date|date_long }}", "{{ representative|initials_before }}")
    return b.save("consent_personal_data_parent.docx")


def participation_application_mentee():
    b = Builder("Заявление на участие в Программе наставничества")
    b.addressee(_to_director([
        ("от {{ mentee|name('genitive') }},", False, None),
        ("{{ mentee_position|decline('genitive') }}", False, None),
    ]))
    b.p("ЗАЯВЛЕНИЕ", align=CENTER, bold=True, indent=False, after=12)
    b.p("Прошу включить меня в Программу наставничества {{ college.short_name }} на {{ academic_year }} учебный год "
        "в качестве наставляемого.")
    b.p("Категория участника (пункт 4.3 Положения о наставничестве): {{ category }}.")
    b.p("Основной запрос: {{ main_request }}")
    b.tag("if phone")
    b.p("Контактный телефон: {{ phone }}.")
    b.tag("endif")
    b.p("С Положением о наставничестве {{ college.name }} {{ mentee|gendered('ознакомлен', 'ознакомлена') }}. "
        "Согласие на обработку персональных данных мною дано.", before=6)
    b.signature_with_date("{{ doc_date|date_long }}", "{{ mentee|initials_before }}")
    return b.save("participation_application_mentee.docx")


def participation_application_parent():
    b = Builder("Заявление родителя (законного представителя) на участие в Программе наставничества")
    b.addressee(_to_director([
        ("от {{ representative|name('genitive') }},", False, None),
        ("тел. {{ representative_phone }}", False, None),
    ]))
    b.p("ЗАЯВЛЕНИЕ", align=CENTER, bold=True, indent=False, after=12)
    b.p("Я, {{ representative|name }}, являясь {{ relation }} "
        "{% if is_minor %}{{ minor|gendered('несовершеннолетнего', 'несовершеннолетней') }} {% endif %}"
        "{{ minor|name('genitive') }}, {{ minor_birth_date|date_short }} года рождения, "
        "{{ minor|gendered('обучающегося', 'обучающейся') }} группы {{ minor_group }}, прошу включить "
        "{{ minor|gendered('его', 'её') }} в Программу наставничества {{ college.short_name }} на {{ academic_year }} "
        "учебный год в качестве {{ participant_role }} ({% if is_minor %}пункт 4.11 Положения о наставничестве"
        "{% else %}Приложение 5 к Положению о наставничестве: согласие родителей (законных представителей) "
        "для наставников-обучающихся{% endif %}).")
    b.p("С Положением о наставничестве {{ college.name }} "
        "{{ representative|gendered('ознакомлен', 'ознакомлена') }}.{% if is_minor %} Согласие на обработку "
        "персональных данных несовершеннолетнего мною дано.{% endif %}", before=6)
    b.signature_with_date("{{ doc_date|date_long }}", "{{ representative|initials_before }}")
    return b.save("participation_application_parent.docx")


# Pairs and groups (4.6, 6.2, 7.2) ----------------------------------------------------------------------

def group_work_agreement():
    b = Builder("Согласие на групповую форму наставнической деятельности")
    b.addressee(_to_director([
        ("от {{ signer|name('genitive') }}", False, None),
    ]))
    b.p("СОГЛАСИЕ", align=CENTER, bold=True, indent=False, after=12)
    b.p("Я, {{ signer|name }}, в соответствии с пунктом 4.6 " + REGULATION + " даю согласие на осуществление "
        "наставнической деятельности в групповой форме работы (обучающие, коммуникативные и иные мероприятия) "
        "в качестве {{ role }}.")
    b.p("Наставник группы: {{ mentor|name }}. Наставляемые группы: {{ mentees }}.")
    b.p("Форма наставничества: «{{ form }}». Срок наставничества: с {{ period_start|date_short }} по "
        "{{ period_end|date_short }}.")
    b.signature_with_date("{{ doc_date|date_long }}", "{{ signer|initials_before }}")
    return b.save("group_work_agreement.docx")


def mentor_step_down_request():
    b = Builder("Заявление о сложении обязанностей наставника")
    b.addressee(_to_director([
        ("от {{ mentor|name('genitive') }},", False, None),
        ("{{ mentor_position|decline('genitive') }}", False, None),
    ]))
    b.p("ЗАЯВЛЕНИЕ", align=CENTER, bold=True, indent=False, after=12)
    b.p("В соответствии с пунктом 6.2 " + REGULATION + " прошу освободить меня от обязанностей наставника "
        "{{ mentee|name('genitive') }} (форма наставничества «{{ form }}») {{ reason }}.")
    b.signature_with_date("{{ doc_date|date_long }}", "{{ mentor|initials_before }}")
    return b.save("mentor_step_down_request.docx")


def mentee_mentor_change_request():
    b = Builder("Ходатайство о замене наставника")
    b.addressee([
        ("Куратору наставнической деятельности", False, None),
        ("{{ curator|initials_before('dative') }}", False, None),
        ("от {{ mentee|name('genitive') }},", False, None),
        ("{{ mentee_position|decline('genitive') }}", False, None),
    ])
    b.p("ХОДАТАЙСТВО", align=CENTER, bold=True, indent=False, after=12)
    b.p("В соответствии с пунктом 7.2 " + REGULATION + " в связи с невозможностью установления личного контакта "
        "с наставником {{ mentor|name('instrumental') }} прошу заменить мне наставника.")
    b.p("Обстоятельства: {{ reason }}.")
    b.signature_with_date("{{ doc_date|date_long }}", "{{ mentee|initials_before }}")
    return b.save("mentee_mentor_change_request.docx")


# Selection (4.13) --------------------------------------------------------------------------------

def approval_sheet():
    b = Builder("Лист согласования проекта приказа", size=12)
    b.p("{{ college.short_name }}", align=CENTER, indent=False, after=12)
    b.p("ЛИСТ СОГЛАСОВАНИЯ", align=CENTER, bold=True, size=14, indent=False)
    b.p("проекта приказа «{{ order_title }}»", align=CENTER, bold=True, indent=False, after=12)
    b.p("В соответствии с пунктом 4.13 " + REGULATION + " проект приказа направлен потенциальным наставникам "
        "и куратору наставнической деятельности для ознакомления и согласования"
        "{% if deadline %} в срок до {{ deadline|date_long }}{% else %}.{% endif %}", after=12)
    b.data_table(["Фамилия, имя, отчество", "Должность (группа)", "Кем является", "Согласен / не согласен",
                  "Подпись", "Дата"],
                 ["{{ a.name }}", "{{ a.position }}", "{{ a.role }}", "", "", ""], "approvers", "a",
                 shares=[0.2, 0.18, 0.21, 0.15, 0.13, 0.13], size=10)
    b.p("Лист составлен {{ doc_date|date_long }}", align=LEFT, indent=False, before=12)
    return b.save("approval_sheet.docx")


def commission_protocol():
    b = Builder("Протокол заседания конкурсной комиссии по отбору наставников", size=12)
    b.draft_mark()
    b.college_header(size=12)
    b.p("ПРОТОКОЛ № {{ number if number else '____' }}", align=CENTER, bold=True, size=14, indent=False)
    b.p("заседания конкурсной комиссии по отбору наставников", align=CENTER, bold=True, indent=False, after=12)
    b.two_columns("{{ doc_date|date_long }}", "{{ college.city }}")
    b.blank()
    b.p("Председатель комиссии: {{ chair|initials_before }}", align=LEFT, indent=False)
    b.tag("if secretary")
    b.p("Секретарь комиссии: {{ secretary|initials_before }}", align=LEFT, indent=False)
    b.tag("endif")
    b.p("Присутствовали {{ members_present|length }} ({{ members_present|length|words }}) из {{ members_total }} "
        "({{ members_total|words('genitive') }}) членов комиссии:", align=LEFT, indent=False, before=6, after=6)
    b.data_table(["Фамилия, имя, отчество", "Должность", "Роль в комиссии"],
                 ["{{ m.name }}", "{{ m.position }}", "{{ m.role }}"], "members_present", "m",
                 shares=[0.38, 0.36, 0.26], size=11)
    b.p("ПОВЕСТКА ДНЯ:", align=LEFT, bold=True, indent=False, before=12)
    b.p("О предварительном отборе наставников на {{ academic_year }} учебный год на основании заявлений "
        "кандидатов (Приложение 5 к Положению о наставничестве) и критериев отбора (Приложение 1 к Положению "
        "о наставничестве).")
    b.p("СЛУШАЛИ:", align=LEFT, bold=True, indent=False, before=12)
    b.p("Председателя комиссии {{ chair|initials_after('accusative') }} о заявлениях кандидатов в наставники "
        "и их соответствии критериям отбора. Члены комиссии оценили каждого кандидата и проголосовали "
        "(таблицы ниже).")
    # The tables of votes and scores are too wide for a portrait page without breaking words: a landscape section.
    b.new_section(landscape=True)
    b.p("Результаты оценки и голосования:", align=LEFT, indent=False, after=6)
    b.data_table(["Кандидат", "Должность (группа)", "Форма наставничества", "Сумма баллов", "Средний балл", "За",
                  "Против", "Воздержались", "Решение"],
                 ["{{ c.name }}", "{{ c.position }}", "{{ c.form }}", "{{ c.total_score }}", "{{ c.average }}",
                  "{{ c.votes_for }}", "{{ c.votes_against }}", "{{ c.votes_abstained }}", "{{ c.decision }}"],
                 "candidates", "c", shares=[0.16, 0.14, 0.15, 0.08, 0.08, 0.05, 0.07, 0.12, 0.15], size=10)
    b.tag("if scores")
    b.p("Оценки и голоса членов комиссии:", align=LEFT, indent=False, before=12, after=6)
    b.data_table(["Кандидат", "Член комиссии", "Сумма баллов", "Голос"],
                 ["{{ s.candidate }}", "{{ s.member }}", "{{ s.score }}", "{{ s.vote }}"], "scores", "s",
                 shares=[0.35, 0.35, 0.12, 0.18], size=10)
    b.tag("endif")
    b.tag("if criteria_scores")
    b.p("Оценки по критериям отбора (Приложение 1 к Положению о наставничестве){% if score_scale %}; шкала: "
        "{{ score_scale }}{% endif %}:", align=LEFT, indent=False, before=12, after=6)
    b.data_table(["Кандидат", "Критерий", "Оценки членов комиссии", "Средний балл"],
                 ["{{ s.candidate }}", "{{ s.criterion }}", "{{ s.marks }}", "{{ s.average }}"], "criteria_scores",
                 "s", shares=[0.16, 0.46, 0.28, 0.10], size=10)
    b.tag("endif")
    b.new_section(landscape=False)
    b.p("РЕШИЛИ:", align=LEFT, bold=True, indent=False, before=12)
    b.p("{{ decision }}")
    b.two_columns("Председатель комиссии", "_____________ {{ chair|initials_before }}", before=24)
    b.tag("if secretary")
    b.two_columns("Секретарь комиссии", "_____________ {{ secretary|initials_before }}", before=12)
    b.tag("endif")
    return b.save("commission_protocol.docx")


# The bases (Приложения 3 and 4) ------------------------------------------------------------------

def _date_cell(expression):
    return "{{ " + expression + "|date_short if " + expression + " else '' }}"


def _base(name, title, heading, appendix, headers, cells, shares, size):
    """A base (Приложение 3 or 4) as a landscape table under the regulation's column headings, written upwards so
    the fifteen headings of Приложение 4 fit whole."""
    b = Builder(title, size=12, landscape=True)
    b.p("{{ college.short_name }}", align=CENTER, indent=False)
    b.p(heading + " на {{ academic_year }} учебный год", align=CENTER, bold=True, indent=False)
    b.p(f"(по форме {appendix} к Положению о наставничестве; по состоянию на {{{{ doc_date|date_long }}}})",
        align=CENTER, indent=False, size=10, after=12)
    b.data_table(headers, cells, "rows", "r", size=size, shares=shares, vertical_headers=True)
    return b.save(name)


def mentee_base():
    """Приложение 3: every heading word for word (app/bases/labels.py), in the regulation's order."""
    headers = list(LABELS.MENTEE_COLUMNS.values())
    cells = ["{{ r.full_name }}", "{{ r.contacts }}", "{{ r.birth_year }}", "{{ r.main_request }}",
             _date_cell("r.join_date"), "{{ r.mentor_name }}", "{{ r.form }}", "{{ r.mentor_place }}",
             _date_cell("r.end_date"), "{{ r.results }}", "{{ r.case_link }}", "{{ r.completed }}"]
    return _base("mentee_base.docx", "База наставляемых", "База наставляемых", "Приложения 3", headers, cells,
                 [0.11, 0.1, 0.05, 0.11, 0.07, 0.11, 0.09, 0.1, 0.07, 0.09, 0.06, 0.04], 8)


def mentor_base():
    """Приложение 4: every heading word for word (app/bases/labels.py), in the regulation's order."""
    headers = list(LABELS.MENTOR_COLUMNS.values())
    cells = ["{{ r.full_name }}", "{{ r.contacts }}", "{{ r.place }}", "{{ r.competencies }}", "{{ r.achievements }}",
             "{{ r.interests }}", "{{ r.mentee_age }}", "{{ r.time_resource }}", _date_cell("r.join_date"),
             "{{ r.mentees }}", "{{ r.form }}", "{{ r.mentee_place }}", _date_cell("r.end_date"), "{{ r.results }}",
             "{{ r.case_link }}"]
    return _base("mentor_base.docx", "База наставников", "База наставников", "Приложения 4", headers, cells,
                 [0.08, 0.08, 0.08, 0.07, 0.08, 0.06, 0.05, 0.05, 0.06, 0.08, 0.08, 0.07, 0.06, 0.06, 0.04], 7)


def letter_of_thanks():
    b = Builder("Благодарственное письмо")
    b.college_header()
    b.blank()
    b.p("БЛАГОДАРСТВЕННОЕ ПИСЬМО", align=CENTER, bold=True, size=20, indent=False, after=18)
    b.p("{{ parent|gendered('Уважаемый', 'Уважаемая') }} {{ parent.first_name }}"
        "{% if parent.middle_name %} {{ parent.middle_name }}{% endif %}!", align=CENTER, bold=True, indent=False,
        after=12)
    b.p("Администрация {{ college.short_name }} выражает Вам искреннюю благодарность за воспитание "
        "{{ student|gendered('сына', 'дочери') }} — {{ student|name('genitive') }}, "
        "{{ student|gendered('студента', 'студентки') }} {{ student_group }}, "
        "{{ student|gendered('который', 'которая') }} в {{ academic_year }} учебном году "
        "{{ student|gendered('успешно выполнял', 'успешно выполняла') }} обязанности наставника в Программе "
        "наставничества техникума.")
    b.p("{{ achievements }}")
    b.p("Благодарим Вас за воспитание ответственного, доброго и отзывчивого человека, готового делиться знаниями "
        "и опытом с другими. Желаем Вам и Вашей семье здоровья, благополучия и новых успехов!")
    b.director_signature(before=36)
    b.p("{{ college.city }}, {{ doc_date|date_text }}", align=LEFT, indent=False, before=24, size=12)
    return b.save("letter_of_thanks.docx")


def individual_plan():
    b = Builder("Индивидуальный план развития наставляемого под руководством наставника", size=12, landscape=True)
    b.draft_mark()
    b.p("{{ college.name }}", align=CENTER, indent=False)
    b.p("Индивидуальный план развития наставляемого под руководством наставника", align=CENTER, bold=True,
        indent=False, before=12)
    b.p("на {{ academic_year }} учебный год (пункты 4.1, 4.14 Положения о наставничестве)", align=CENTER,
        indent=False, after=12)
    b.p("Форма наставничества: {{ form }}.", align=LEFT, indent=False)
    b.p("Наставник: {{ mentor|name }}.", align=LEFT, indent=False)
    b.p("{{ 'Наставляемые' if mentees|length > 1 else 'Наставляемый' }}: "
        "{% for m in mentees %}{{ m.name }}{{ ', ' if not loop.last else '.' }}{% endfor %}", align=LEFT,
        indent=False)
    b.p("Срок наставничества: с {{ period_start|date_short }} по {{ period_end|date_short }}.", align=LEFT,
        indent=False)
    b.tag("if role_model")
    b.p("Ролевая модель: {{ role_model }}.", align=LEFT, indent=False)
    b.tag("endif")
    b.tag("if planned_results")
    b.p("Планируемые результаты: {{ planned_results }}", align=LEFT, indent=False)
    b.tag("endif")
    b.blank()
    b.data_table(["Мероприятие (задача)", "Ожидаемый результат", "Срок", "Ответственный", "Статус",
                  "Отметка наставника", "Отчёт наставляемого"],
                 ["{{ i.task }}", "{{ i.expected_result }}", "{{ i.deadline|date_short if i.deadline else '' }}",
                  "{{ i.responsible }}", "{{ i.status }}", "{{ i.mentor_mark }}", "{{ i.mentee_report }}"],
                 "items", "i", shares=[0.20, 0.16, 0.09, 0.13, 0.11, 0.155, 0.155], size=10)
    b.p("Наставник", align=LEFT, indent=False, before=18)
    b.signature_with_date("{{ doc_date|date_long }}", "{{ mentor|initials_before }}")
    b.p("{{ 'Наставляемые' if mentees|length > 1 else 'Наставляемый' }}", align=LEFT, indent=False, before=12)
    b.tag("for m in mentees")
    b.p("_______________ {{ m.name|initials_before }}          " + SIGN_LINE, align=LEFT, indent=False, before=6)
    b.tag("endfor")
    return b.save("individual_plan.docx")


BUILDERS = [order_appoint_curator, order_create_commission, order_approve_mentor_registry, order_nominate_mentors,
            order_approve_program, order_replace_mentor, order_end_pair_early, order_extend_pair, order_awards,
            partner_agreement,
            candidate_application, consent_personal_data, consent_personal_data_parent,
            participation_application_mentee, participation_application_parent, approval_sheet,
            commission_protocol, mentee_base, mentor_base, letter_of_thanks,
            group_work_agreement, mentor_step_down_request, mentee_mentor_change_request, individual_plan]


def main(argv):
    check = "--check" in argv
    OUT.mkdir(exist_ok=True)
    differing = []
    for build in BUILDERS:
        name, data = build()
        path = OUT / name
        if check:
            if not path.exists() or path.read_bytes() != data:
                differing.append(name)
            continue
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"записан {path.relative_to(ROOT)}")
    if differing:
        print("Отличаются от сборки: " + ", ".join(differing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
