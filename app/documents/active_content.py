"""What a scan must not carry besides its picture: scripts and actions in a PDF, another format hidden in the same
bytes (a polyglot), or dimensions that make a viewer allocate gigabytes.

A signed scan is opened later by a secretary, a commission member or the director, on their own computers: a PDF
that runs JavaScript or launches a program when opened, a JPEG that is also a ZIP or an HTML page, or a PNG
claiming 100,000 × 100,000 pixels has no business there. Each check reads the bytes, never the name.
"""
import re
import struct
import zlib

#: PDF names that make a document act when opened or clicked, or carry other files.
ACTIVE_PDF_NAMES = {"JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA", "SubmitForm",
                    "ImportData", "GoToR", "GoToE", "Sound", "Movie"}
#: Signatures of other formats that must not follow an image or open a PDF, and what to call them.
FOREIGN_SIGNATURES = {b"pk\x03\x04": "архив ZIP", b"pk\x05\x06": "архив ZIP", b"%pdf-": "PDF",
                      b"mz\x90\x00": "программа Windows", b"\x7felf": "программа Linux", b"<html": "страница HTML",
                      b"<script": "сценарий JavaScript", b"<!doctype html": "страница HTML", b"<svg": "рисунок SVG",
                      b"<?php": "сценарий PHP"}
#: A scan of an A4 page at 600 dpi is about 5,000 × 7,000 pixels.
MAX_PIXELS = 100_000_000
MAX_SIDE = 30_000
#: Object streams are inflated to look inside them, up to this many bytes in all.
INFLATE_BUDGET = 32 * 1024 * 1024

_NAME = re.compile(rb"/([A-Za-z0-9#]+)")
_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm.*?stream\r?\n", re.S)


def pdf_active_names(data: bytes):
    """The active names (ACTIVE_PDF_NAMES) a PDF uses, in its objects and in its compressed object streams."""
    found = _names_in(data)
    budget = INFLATE_BUDGET
    for match in _OBJECT_STREAM.finditer(data):
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(data[match.end():match.end() + budget], budget)
        except zlib.error:
            continue
        budget -= len(inflated)
        found |= _names_in(inflated)
        if budget <= 0:
            break
    return found


def _names_in(data):
    names = set()
    for raw in _NAME.findall(data):
        name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw).decode("latin-1")
        if name in ACTIVE_PDF_NAMES:
            names.add(name)
    return names


def foreign_content(data: bytes, content_type: str):
    """The name of another format found where this one has no room for it — after the image's end, or in a PDF's
    header (where a browser sniffing for HTML would look); None when there is none."""
    if content_type == "image/jpeg":
        rest = data[_jpeg_end(data):]
    elif content_type == "image/png":
        rest = data[_png_end(data):]
    elif content_type == "application/pdf":
        rest = data[5:4096]
    else:
        return None
    lowered = rest.lower()
    return next((name for signature, name in FOREIGN_SIGNATURES.items() if signature in lowered), None)


def _jpeg_end(data):
    """Where the JPEG's end-of-image marker ends: its segments walked, the entropy-coded data skipped."""
    index = 2
    while index + 4 <= len(data):
        if data[index] != 0xFF:
            index += 1
            continue
        marker = data[index + 1]
        if marker == 0xD9:
            return index + 2
        if marker in (0xFF, 0x00, 0x01) or 0xD0 <= marker <= 0xD7:
            index += 1 if marker == 0xFF else 2
            continue
        index += 2 + struct.unpack(">H", data[index + 2:index + 4])[0]
        if marker == 0xDA:  # start of scan: entropy-coded data up to the next marker that is not FF00 or RSTn
            while index + 1 < len(data) and not (data[index] == 0xFF and data[index + 1] not in _IN_SCAN):
                index += 1
    return len(data)


_IN_SCAN = {0x00, *range(0xD0, 0xD8)}


def _png_end(data):
    """Where the PNG's IEND chunk ends, its chunks walked."""
    index = 8
    while index + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[index:index + 8])
        index += 12 + length
        if kind == b"IEND":
            return index
    return len(data)


def image_size(data: bytes, content_type: str):
    """(width, height) from a PNG's IHDR or a JPEG's frame header; None when it cannot be read."""
    if content_type == "image/png" and len(data) >= 24 and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    if content_type == "image/jpeg":
        index = 2
        while index + 9 < len(data):
            if data[index] != 0xFF:
                index += 1
                continue
            marker = data[index + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                index += 2
                continue
            length = struct.unpack(">H", data[index + 2:index + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[index + 5:index + 9])
                return width, height
            index += 2 + length
    return None


def too_large(size):
    if size is None:
        return False
    width, height = size
    return width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS
