"""Hostile files, built in memory once per test session: what an attacker (or a broken program) uploads.

Each builder returns bytes; ``HOSTILE_FILES`` names them with the file name they are sent under. None of them
needs a network or a tool beyond the standard library, openpyxl and python-docx.
"""
import io
import struct
import zipfile
import zlib
from functools import cache

import openpyxl

#: The heading row of the people import (the smallest import), as in its template.
PEOPLE_HEADINGS = ["Фамилия", "Имя", "Отчество", "Пол", "Дата рождения", "Категория"]


def _zip(parts, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _parts(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@cache
def small_xlsx(rows=(("Иванов", "Иван", "Иванович", "м", "01.02.1980", "преподаватель"),)):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(PEOPLE_HEADINGS)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _with_sheet(sheet_xml, extra=None, base=None):
    parts = _parts(base or small_xlsx())
    parts["xl/worksheets/sheet1.xml"] = sheet_xml
    parts.update(extra or {})
    return _zip(parts)


def _cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _sheet(rows_xml, dimension="A1:F2", prolog=""):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<dimension ref="{dimension}"/><sheetData>{rows_xml}</sheetData></worksheet>').encode()


def _heading_row():
    letters = "ABCDEF"
    return '<row r="1">' + "".join(_cell(f"{letters[i]}1", name) for i, name in enumerate(PEOPLE_HEADINGS)) + "</row>"


@cache
def dimension_bomb():
    """Issue 11, finding 1: a 4.7 KB sheet that claims A1:XFD1048576 and has its last row at 1,048,576."""
    last = f'<row r="1048576">{_cell("XFD1048576", "x")}</row>'
    return _with_sheet(_sheet(_heading_row() + last, dimension="A1:XFD1048576"))


@cache
def whitespace_rows(count=200_000):
    """Finding 1: rows of whitespace only — each 'empty', none counted towards the row limit, each read."""
    rows = "".join(f'<row r="{n}">{_cell(f"A{n}", " ")}</row>' for n in range(2, count + 2))
    return _with_sheet(_sheet(_heading_row() + rows, dimension=f"A1:F{count + 1}"))


@cache
def zip_bomb_xlsx(size=64 * 1024 * 1024):
    """A sheet part that inflates to ``size`` bytes of spaces from a few dozen kilobytes."""
    return _with_sheet(_sheet(_heading_row() + " " * size))


@cache
def billion_laughs_xlsx():
    """Finding 4: an entity expanding to a billion 'lol's in a cell."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    row = f'<row r="2">{_cell("A2", "&lol9;")}</row>'
    return _with_sheet(_sheet(_heading_row() + row, prolog=f"<!DOCTYPE worksheet [{entities}]>"))


@cache
def external_entity_xlsx():
    """Finding 4: an external entity that would read the server's /etc/passwd into a cell."""
    row = f'<row r="2">{_cell("A2", "&xxe;")}</row>'
    return _with_sheet(_sheet(_heading_row() + row,
                              prolog='<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'))


@cache
def broken_xml_xlsx():
    """Finding 4: a sheet whose XML is cut off in the middle."""
    return _with_sheet(_sheet(_heading_row())[:-40])


@cache
def external_entity_shared_strings():
    """An XXE in the shared strings rather than in the sheet."""
    strings = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
               b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
               b'<si><t>&xxe;</t></si></sst>')
    row = '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    parts = _parts(small_xlsx())
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    if "sharedStrings" not in rels:
        rels = rels.replace("</Relationships>", '<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://'
                            'schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
                            "</Relationships>")
        types = parts["[Content_Types].xml"].decode().replace("</Types>", (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sharedStrings+xml"/></Types>'))
        parts.update({"xl/_rels/workbook.xml.rels": rels.encode(), "[Content_Types].xml": types.encode()})
    return _with_sheet(_sheet(_heading_row() + row), extra={"xl/sharedStrings.xml": strings},
                       base=_zip(parts))


# --- documents and images ------------------------------------------------------------------------------

@cache
def small_docx(text="Шаблон"):
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@cache
def zip_bomb_docx(size=64 * 1024 * 1024):
    parts = _parts(small_docx())
    body = parts["word/document.xml"]
    parts["word/document.xml"] = body.replace(b"</w:body>", b" " * size + b"</w:body>")
    return _zip(parts)


@cache
def xxe_docx():
    parts = _parts(small_docx())
    body = parts["word/document.xml"].decode()
    head, rest = body.split("?>", 1)
    body = head + '?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + rest
    parts["word/document.xml"] = body.replace("Шаблон", "&xxe;").encode()
    return _zip(parts)


@cache
def billion_laughs_docx():
    parts = _parts(small_docx())
    body = parts["word/document.xml"].decode()
    head, rest = body.split("?>", 1)
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    parts["word/document.xml"] = (head + f"?><!DOCTYPE w:document [{entities}]>" + rest
                                  ).replace("Шаблон", "&lol9;").encode()
    return _zip(parts)


def png(width=1, height=1):
    """A valid PNG header claiming ``width`` × ``height`` (huge dimensions: a decompression bomb for a viewer)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    raw = zlib.compress(b"\x00" * (1 + width) * min(height, 1))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def minimal_pdf(extra_catalog=b"", objects=()):
    """A one-page PDF with a correct cross-reference table; ``objects`` are extra objects from number 4 on."""
    bodies = [b"<</Type/Catalog/Pages 2 0 R" + extra_catalog + b">>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
              b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>", *objects]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(bodies) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer<</Size {len(bodies) + 1}/Root 1 0 R>>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return out


def pdf_with_javascript():
    return minimal_pdf(b"/OpenAction 4 0 R", [b"<</S/JavaScript/JS(app.alert\\('x'\\))>>"])


def pdf_with_launch():
    return minimal_pdf(b"/OpenAction 4 0 R", [b"<</S/Launch/F(cmd.exe)>>"])


def pdf_with_embedded_file():
    return minimal_pdf(b"/Names<</EmbeddedFiles<</Names[(a.exe) 4 0 R]>>>>",
                       [b"<</Type/Filespec/F(a.exe)/EF<</F 5 0 R>>>>",
                        b"<</Type/EmbeddedFile/Length 2>>stream\nMZ\nendstream"])


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
OLD_XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512


def jpeg(width=1, height=1):
    """A JPEG header with a frame of ``width`` × ``height`` (a huge one: a decompression bomb for a viewer)."""
    frame = b"\xff\xc0\x00\x0b\x08" + height.to_bytes(2, "big") + width.to_bytes(2, "big") + b"\x01\x01\x11\x00"
    return JPEG[:20] + frame + b"\xff\xd9"


def _pdf():
    from tests.documents.helpers import make_pdf

    return make_pdf()


def hostile_uploads(limit):
    """[(what, bytes, file name)]: every one must be refused by every upload endpoint, nothing kept.

    ``limit``: the app's upload limit in bytes (the oversized file is one byte over it).
    """
    pdf = _pdf()
    return [
        ("empty", b"", "скан.pdf"),
        ("oversized", b"%PDF-1.4\n" + b"0" * limit, "скан.pdf"),
        ("HTML named .pdf", HTML, "скан.pdf"),
        ("HTML named .jpg", HTML, "скан.jpg"),
        ("Windows program named .pdf", EXE, "скан.pdf"),
        ("Linux program named .png", ELF, "скан.png"),
        ("JPEG named .pdf", jpeg(), "скан.pdf"),
        ("PNG named .jpg", png(), "скан.jpg"),
        ("PDF named .png", pdf, "скан.png"),
        ("xlsx named .pdf", small_xlsx(), "скан.pdf"),
        ("docx named .jpg", small_docx(), "скан.jpg"),
        ("SVG with a script named .png", SVG, "скан.png"),
        ("old .xls", OLD_XLS, "база.xls"),
        ("JPEG + ZIP polyglot", jpeg() + _zip({"payload.exe": EXE}), "скан.jpg"),
        ("PNG + HTML polyglot", png() + HTML, "скан.png"),
        ("PDF + HTML polyglot", pdf.replace(b"%PDF-1.4\n", b"%PDF-1.4\n%" + HTML + b"\n", 1), "скан.pdf"),
        ("PDF with JavaScript", pdf_with_javascript(), "скан.pdf"),
        ("PDF that launches a program", pdf_with_launch(), "скан.pdf"),
        ("PDF with an attached file", pdf_with_embedded_file(), "скан.pdf"),
        ("truncated PDF", pdf[:80], "скан.pdf"),
        ("PNG of 100000 × 100000", png(100_000, 100_000), "скан.png"),
        ("JPEG of 65000 × 65000", jpeg(65_000, 65_000), "скан.jpg"),
        ("path traversal in the name", HTML, "../../etc/passwd"),
        ("backslash traversal in the name", EXE, "..\\..\\windows\\system32\\скан.pdf"),
        ("NUL in the name", HTML, "скан\x00.pdf"),
        ("right-to-left override in the name", EXE, "скан\u202egpj.exe"),
        ("name of 300 characters", HTML, "с" * 300 + ".pdf"),
        ("zip bomb .xlsx", zip_bomb_xlsx(), "база.xlsx"),
        ("zip bomb .docx", zip_bomb_docx(), "шаблон.docx"),
        ("XXE .xlsx", external_entity_xlsx(), "база.xlsx"),
        ("XXE in shared strings .xlsx", external_entity_shared_strings(), "база.xlsx"),
        ("XXE .docx", xxe_docx(), "шаблон.docx"),
        ("billion laughs .xlsx", billion_laughs_xlsx(), "база.xlsx"),
        ("billion laughs .docx", billion_laughs_docx(), "шаблон.docx"),
        ("dimension bomb .xlsx", dimension_bomb(), "база.xlsx"),
        ("broken XML .xlsx", broken_xml_xlsx(), "база.xlsx"),
    ]
