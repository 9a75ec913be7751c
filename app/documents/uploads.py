"""Checking an uploaded scan by what it is, not by what it is called.

The type comes from the bytes (libmagic), the extension must agree with it, a PDF must open
(poppler's pdfinfo) and carry no scripts, actions or attached files, no other format may hide in the
bytes (a polyglot), an image's dimensions must be a scanner's, an empty or oversized file and a name with
path separators or control characters are refused — each with a Russian message that says what to do. The
name itself is only ever shown; the bytes are stored under a generated name.

``check_new_version`` adds what every versioned file needs (a signed scan, a participant's file, a collective's
представление): the same file twice is refused, and the next version number is given.
"""
import hashlib
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass

import magic
from flask import current_app

from app.core.errors import RuleError
from app.core.formatting import ru_datetime
from app.documents import active_content

#: What a signed paper may come back as: content type -> (stored suffix, extensions that may carry it).
SCAN_TYPES = {
    "application/pdf": (".pdf", {".pdf"}),
    "image/jpeg": (".jpg", {".jpg", ".jpeg", ".jpe", ".jfif"}),
    "image/png": (".png", {".png"}),
}
TYPE_NAMES = {"application/pdf": "PDF", "image/jpeg": "изображение JPEG", "image/png": "изображение PNG"}
PDFINFO_TIMEOUT = 20


@dataclass(frozen=True)
class CheckedUpload:
    data: bytes
    original_name: str
    content_type: str
    suffix: str


def check_upload(file_storage, allowed=SCAN_TYPES, field="file") -> CheckedUpload:
    """The upload's bytes and facts, or RuleError; ``file_storage`` is Werkzeug's FileStorage."""
    if file_storage is None or not getattr(file_storage, "filename", ""):
        raise RuleError("Выберите файл.", field=field)
    name = check_file_name(file_storage.filename, field)
    limit = int(current_app.config["MAX_UPLOAD_MB"]) * 1024 * 1024
    data = file_storage.read(limit + 1)
    if not data:
        raise RuleError(f"Файл «{name}» пустой. Отсканируйте документ ещё раз.", field=field)
    if len(data) > limit:
        raise RuleError(f"Файл «{name}» больше {current_app.config['MAX_UPLOAD_MB']} МБ. Отсканируйте его с меньшим "
                        "разрешением и загрузите снова.", field=field)
    content_type = magic.from_buffer(data[:65536], mime=True)
    if content_type not in allowed:
        raise RuleError(f"Файл «{name}» не PDF, JPEG или PNG (по содержимому: {_describe(data)}). Загрузите скан "
                        "в одном из этих форматов.", field=field)
    suffix, extensions = allowed[content_type]
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in extensions:
        raise RuleError(f"Имя файла «{name}» говорит об одном формате, а по содержимому это "
                        f"{TYPE_NAMES[content_type]}: проверьте, тот ли файл выбран.", field=field)
    check_active_content(data, content_type, name, field)
    if content_type == "application/pdf":
        check_pdf_opens(data, name, field)
    return CheckedUpload(data=data, original_name=name, content_type=content_type, suffix=suffix)


def check_active_content(data, content_type, name, field="file"):
    """Refuse a scan that carries more than its picture (app.documents.active_content)."""
    if content_type == "application/pdf":
        names = sorted(active_content.pdf_active_names(data))
        if names:
            raise RuleError(f"PDF «{name}» содержит {', '.join('/' + n for n in names)}: сценарии, действия при "
                            "открытии и вложенные файлы в скане недопустимы. Отсканируйте документ заново или "
                            "напечатайте его в PDF и загрузите снова.", field=field)
    foreign = active_content.foreign_content(data, content_type)
    if foreign:
        raise RuleError(f"Файл «{name}» — не только {TYPE_NAMES[content_type]}: в нём спрятан ещё и {foreign}. "
                        "Сохраните скан заново в программе сканера и загрузите снова.", field=field)
    size = active_content.image_size(data, content_type)
    if active_content.too_large(size):
        raise RuleError(f"Изображение «{name}» — {size[0]} × {size[1]} точек: больше, чем даёт сканер (не больше "
                        f"{active_content.MAX_SIDE} точек по стороне и {active_content.MAX_PIXELS // 1_000_000} млн "
                        "точек). Уменьшите разрешение и загрузите снова.", field=field)


def check_new_version(file_storage, versions, already, field="file"):
    """The checked upload and its version number after ``versions`` (stored rows with ``sha256``, ``version_no``,
    ``uploaded_at``, ``original_name``); a file already among them is refused, ``already`` saying where."""
    upload = check_upload(file_storage, field=field)
    sha256 = hashlib.sha256(upload.data).hexdigest()
    same = next((row for row in versions if row.sha256 == sha256), None)
    if same is not None:
        raise RuleError(f"{already} версия {same.version_no} от {ru_datetime(same.uploaded_at)} "
                        f"(«{same.original_name}»).", field=field)
    return upload, max((row.version_no for row in versions), default=0) + 1


def check_file_name(name, field="file"):
    """The name as the user's computer had it (Cyrillic welcome); no paths, no control characters."""
    name = (name or "").strip()
    if "/" in name or "\\" in name or any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        raise RuleError("Имя файла содержит недопустимые символы (/, \\ или управляющие): переименуйте файл и "
                        "загрузите снова.", field=field)
    if not name or name in (".", "..") or len(name) > 255:
        raise RuleError("У файла нет понятного имени (или оно длиннее 255 знаков): переименуйте файл.", field=field)
    return name


def check_pdf_opens(data, name, field="file"):
    """A PDF that pdfinfo cannot open (damaged, truncated, password-protected) is refused."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        try:
            result = subprocess.run(["pdfinfo", handle.name], capture_output=True, timeout=PDFINFO_TIMEOUT,
                                    check=False)
        except (OSError, subprocess.TimeoutExpired):
            raise RuleError(f"PDF «{name}» не удалось проверить. Попробуйте ещё раз или загрузите JPEG.",
                            field=field) from None
    if result.returncode != 0:
        raise RuleError(f"PDF «{name}» не открывается: файл повреждён или защищён паролем. Сохраните скан заново "
                        "и загрузите снова.", field=field)


def _describe(data):
    description = magic.from_buffer(data[:65536]) or "неизвестный формат"
    return description.split(",")[0][:80]
