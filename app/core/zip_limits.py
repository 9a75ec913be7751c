"""Bounding what an uploaded ZIP container (.xlsx, .docx) may cost before any library opens it.

A few kilobytes of deflate can inflate to gigabytes (a zip bomb). Every part's declared uncompressed size is
checked, alone and in total, and so is its compression ratio, from the archive's directory — before openpyxl or
python-docx read a byte of it. Python's zipfile never inflates a part beyond the size it declares (it stops
there and checks the CRC), so a part that lies about its size cannot get past these limits either.
"""
import io
import zipfile
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    #: The largest part once inflated.
    part_bytes: int = 16 * MB
    #: All parts together, inflated.
    total_bytes: int = 48 * MB
    #: Inflated / compressed size of a part, checked for parts above ``ratio_from`` bytes.
    ratio: int = 100
    ratio_from: int = 1 * MB
    #: Parts in the archive (an Office file has a few dozen).
    parts: int = 1000


OFFICE_LIMITS = ZipLimits()


class ArchiveRefused(ValueError):
    """The archive would cost more to open than any honest file of its kind; the message says why, in Russian."""


def check_zip(data: bytes, limits: ZipLimits = OFFICE_LIMITS):
    """Raise ArchiveRefused if ``data`` is a ZIP whose parts inflate beyond ``limits``; zipfile.BadZipFile if it
    is no ZIP at all (the caller words that for its kind of file)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    if len(infos) > limits.parts:
        raise ArchiveRefused(f"в архиве файла {len(infos)} частей (допускается не больше {limits.parts}).")
    total = 0
    for info in infos:
        if info.file_size > limits.part_bytes:
            raise ArchiveRefused(f"часть «{_name(info)}» при распаковке занимает {_mb(info.file_size)} "
                                 f"(допускается не больше {_mb(limits.part_bytes)}).")
        if info.file_size > limits.ratio_from and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise ArchiveRefused(f"часть «{_name(info)}» сжата в {info.file_size // max(info.compress_size, 1)} раз "
                                 f"и при распаковке занимает {_mb(info.file_size)}: так сжимаются только "
                                 "искусственные файлы.")
        total += info.file_size
    if total > limits.total_bytes:
        raise ArchiveRefused(f"при распаковке файл занимает {_mb(total)} (допускается не больше "
                             f"{_mb(limits.total_bytes)}).")


def _name(info):
    return info.filename[-60:]


def _mb(size):
    return f"{size / MB:.1f} МБ".replace(".", ",")
