"""Look inside an .xlsx before any reader does: the zip's real sizes and each sheet's extent.

A 1.5 KB file can claim a sheet up to cell XFD1048576 and a 2 MB file can unpack to
gigabytes; the Excel readers trust both. Here every member is unpacked as a stream from
its raw bytes (never trusting the sizes in the zip directory: more output than declared
is refused, so is a member beyond :data:`MAX_MEMBER_BYTES` or one that packs more than
:data:`MAX_RATIO` to one), and each worksheet's XML is scanned for the cells that hold
a value, so the real extent is known without building the sheet (the ``<dimension>``
tag is ignored: it is just another claim).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from dealmaker.services.importing.limits import MB, megabytes
from dealmaker.services.importing.model import ImportFileError

MAX_MEMBERS = 2_000
MAX_MEMBER_BYTES = 128 * MB
MAX_TOTAL_BYTES = 256 * MB
#: Real sheets pack 5 to 30 to one; a zip bomb a thousand to one.
MAX_RATIO = 100
_RATIO_FROM = 8 * MB
_CHUNK = 1 * MB

# The cells as Excel, LibreOffice, Google and openpyxl write them: the reference first.
# A cell written otherwise (a prefix, ``r`` later, no ``r``) makes the extent inexact.
_FILLED = re.compile(rb'<c r="([A-Z]{1,3}[0-9]{1,7})"[^>]*(?<!/)>')
_EMPTY = re.compile(rb'<c r="[A-Z]{1,3}[0-9]{1,7}"[^>]*/>')
_NOT_CELL = re.compile(rb"<c[^\s/>]")  # <col>, <cfRule>, <color>...
_PREFIXED = re.compile(rb"<[\w.-]+:c[\s/>]")
_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = b"0123456789"


@dataclass
class Extent:
    """The last row and column that hold a cell with content (1-based; 0: none)."""

    rows: int = 0
    columns: int = 0
    #: every cell had a readable reference (else only a streaming reader may read it)
    exact: bool = True


def column_number(letters: bytes | str) -> int:
    """'A' -> 1, 'XFD' -> 16384 (and '' -> 0)."""
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.decode().upper():
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def inspect_xlsx(source: BinaryIO,
                 name: str) -> tuple[dict[str, Extent], dict[str, bytes], int]:
    """(worksheet member -> extent, small members kept for the sheet names, bytes of
    shared strings).

    Raises ``ImportFileError`` naming the file for a zip bomb or a damaged zip.
    """
    try:
        book = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportFileError(f"{name}: geen geldig Excel-bestand (een .xlsx is een "
                              "zip-archief, dit bestand niet).") from None
    infos = book.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ImportFileError(f"{name}: geen gewoon Excel-bestand ({len(infos)} onderdelen).")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise _bomb(name, f"uitgepakt {megabytes(total)}")
    extents: dict[str, Extent] = {}
    kept: dict[str, bytes] = {}
    for info in infos:
        if info.is_dir():
            continue
        _check_claim(name, info)
        chunks = _unpacked(source, info, name)
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            extents[info.filename] = _extent(chunks)
        elif info.filename.endswith(".rels") or info.filename == "xl/workbook.xml":
            kept[info.filename] = b"".join(chunks)
        else:
            for _ in chunks:
                pass
    shared = sum(i.file_size for i in infos if i.filename.lower().endswith("sharedstrings.xml"))
    return extents, kept, shared


def _bomb(name: str, what: str) -> ImportFileError:
    return ImportFileError(f"{name}: geen gewoon Excel-bestand: {what} (grens "
                           f"{megabytes(MAX_MEMBER_BYTES)} per onderdeel, "
                           f"{megabytes(MAX_TOTAL_BYTES)} samen; een zip-bom?).")


def _check_claim(name: str, info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_MEMBER_BYTES:
        raise _bomb(name, f"'{info.filename}' is uitgepakt {megabytes(info.file_size)}")
    if info.file_size > _RATIO_FROM and info.file_size > MAX_RATIO * max(1, info.compress_size):
        ratio = info.file_size // max(1, info.compress_size)
        raise _bomb(name, f"'{info.filename}' is uitgepakt {ratio} keer zo groot als ingepakt")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ImportFileError(f"{name}: geen geldig Excel-bestand (onbekende compressie in "
                              f"'{info.filename}').")


def _unpacked(source: BinaryIO, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """The member's bytes from its raw data, at most its declared size, CRC checked."""
    source.seek(info.header_offset)
    header = source.read(30)
    if len(header) != 30 or header[:4] != b"PK\x03\x04":
        raise ImportFileError(f"{name}: geen geldig Excel-bestand (beschadigde zip).")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    position = info.header_offset + 30 + name_len + extra_len
    left, produced, crc = info.compress_size, 0, 0
    inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    pending = b""
    while left > 0 or pending:
        if not pending:
            source.seek(position)
            raw = source.read(min(_CHUNK, left))
            if not raw:
                break
            position, left = position + len(raw), left - len(raw)
            pending = raw
        if inflate is None:
            out, pending = pending, b""
        else:
            try:
                out = inflate.decompress(pending, _CHUNK)
            except zlib.error:
                raise ImportFileError(f"{name}: geen geldig Excel-bestand (beschadigd: een "
                                      "onderdeel laat zich niet uitpakken).") from None
            pending = inflate.unconsumed_tail
        produced += len(out)
        if produced > info.file_size:
            raise _bomb(name, f"'{info.filename}' is uitgepakt groter dan de zip opgeeft")
        crc = zlib.crc32(out, crc)
        if out:
            yield out
        if inflate is not None and inflate.eof:
            break
    if produced != info.file_size or crc != info.CRC:
        raise ImportFileError(f"{name}: geen geldig Excel-bestand (beschadigde zip: "
                              f"'{info.filename}').")


def _extent(chunks: Iterator[bytes]) -> Extent:
    """The extent of the cells with content, scanning the sheet XML tag by tag."""
    extent = Extent()
    carry = b""
    for chunk in chunks:
        data = carry + chunk
        cut = data.rfind(b">") + 1
        data, carry = data[:cut], data[cut:]
        _scan(data, extent)
    _scan(carry, extent)
    return extent


def _scan(data: bytes, extent: Extent) -> None:
    """Widen ``extent`` to the filled cells of ``data`` (whole tags only).

    Done on all references at once in C (one regex, bytes operations), not per cell
    in Python: a 10,000-row sheet takes milliseconds.
    """
    filled = _FILLED.findall(data)
    cells = data.count(b"<c") - len(_NOT_CELL.findall(data))
    if cells != len(filled) + len(_EMPTY.findall(data)) or (
            b":c" in data and _PREFIXED.search(data)):
        extent.exact = False
    if not filled:
        return
    joined = b" " + b" ".join(filled) + b" "
    rows = _widest(joined.translate(None, _LETTERS), b"[0-9]", 7)
    columns = _widest(joined.translate(None, _DIGITS), b"[A-Z]", 3)
    extent.rows = max(extent.rows, int(rows))
    extent.columns = max(extent.columns, column_number(columns))


def _widest(tokens: bytes, kind: bytes, most: int) -> bytes:
    """The largest of the space-separated tokens (digits, or column letters): among the
    longest ones, the greatest as text, which for these is the greatest as a number."""
    for width in range(most, 1, -1):
        found: list[bytes] = re.findall(rb" (%s{%d})(?= )" % (kind, width), tokens)
        if found:
            return max(found)
    alphabet = _DIGITS if kind == b"[0-9]" else _LETTERS
    return next((bytes([c]) for c in reversed(alphabet) if bytes([32, c, 32]) in tokens), b"")
