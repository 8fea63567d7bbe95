"""Read a contacts file (.csv/.txt, .xlsx, .vcf) into a :class:`Table`, within bounds.

The file is opened once (a pipe, device or folder is refused at once, see
:mod:`limits`), its first bytes tell the kind, and its size is checked against what
that kind may be. Text files are decoded as a stream: encoding (UTF-8 with or without
BOM, UTF-16 with BOM or recognised by its NUL bytes, Windows-1252) from the BOM or else
UTF-8, and when a byte later in the file is not UTF-8 the file is read again as
Windows-1252 (a vCard first as UTF-8 unfolded at byte level: a fold can split a
character). A stray control character does not make a file binary; the values are
cleaned of them (:func:`values.visible`). Anything unreadable
raises :class:`ImportFileError` in Dutch, naming the file.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO

from dealmaker.services.importing.limits import (
    MAX_TEXT_BYTES,
    MAX_VCARD_BYTES,
    MAX_XLSX_BYTES,
    check_size,
    open_source,
)
from dealmaker.services.importing.model import ImportFileError
from dealmaker.services.importing.table import Table
from dealmaker.services.importing.unfold_bytes import UnfoldedReader, unfolded

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"
_SAMPLE = 64 * 1024


def read_table(path: Path) -> Table:
    """The file as a table; raises ``ImportFileError`` naming the file when unreadable."""
    source, size = open_source(path)
    with source:
        try:
            return _read(source, size, path.name, path.suffix.lower())
        except OSError as exc:
            raise ImportFileError(
                f"{path.name}: kan het bestand niet lezen ({exc.strerror or exc}).") from None


def _read(source: BinaryIO, size: int, name: str, suffix: str) -> Table:
    sample = source.read(_SAMPLE)
    if not sample.strip() and size <= len(sample):
        raise ImportFileError(f"{name}: het bestand is leeg.")
    if sample.startswith(_ZIP):
        check_size(name, size, MAX_XLSX_BYTES, "Excel-bestand")
        from dealmaker.services.importing.spreadsheet import read_xlsx

        return read_xlsx(source, name)
    if sample.startswith(_OLE):
        raise ImportFileError(f"{name}: oud Excel-formaat (.xls) of een versleuteld "
                              "bestand; sla het op als .xlsx of .csv.")
    if suffix in (".xlsx", ".xlsm"):
        raise ImportFileError(f"{name}: geen geldig Excel-bestand.")
    for encoding, start in _candidates(sample, name):
        vcard = suffix == ".vcf" or start.lstrip()[:11].upper() == "BEGIN:VCARD"
        check_size(name, size, MAX_VCARD_BYTES if vcard else MAX_TEXT_BYTES,
                   "vCard-bestand" if vcard else "tekstbestand")
        reader = _vcard_reader() if vcard else _csv_reader()
        # a vCard that is not UTF-8 as it stands may be once unfolded (a fold at 75
        # bytes can split a character); only then is it read as Windows-1252
        for unfold in (False, True) if vcard and encoding.startswith("utf-8") else (False,):
            source.seek(0)
            raw: BinaryIO = io.BufferedReader(UnfoldedReader(source)) if unfold else source
            text = io.TextIOWrapper(raw, encoding=encoding, newline="")
            try:
                table = reader(text, name)
            except UnicodeDecodeError:
                continue  # a byte further on is not UTF-8: try the next way of reading
            finally:
                text.detach()
            table.encoding = encoding
            return table
    raise ImportFileError(f"{name}: geen leesbare tekst (onbekende tekenset of binaire "
                          "inhoud); sla het op als CSV UTF-8.")


def _vcard_reader() -> Callable[[TextIO, str], Table]:
    from dealmaker.services.importing.vcard import read_vcards

    return read_vcards


def _csv_reader() -> Callable[[TextIO, str], Table]:
    from dealmaker.services.importing.csvfile import read_csv

    return read_csv


def _candidates(sample: bytes, name: str) -> list[tuple[str, str]]:
    """(encoding, decoded start of the file) to try, in order: BOM first, then strict
    UTF-8, then Windows-1252; none when the start already looks binary."""
    if sample.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    elif (wide := _utf16_without_bom(sample)) is not None:
        encodings = [wide]
    elif sample.count(b"\x00") > max(2, len(sample) // 1000):
        raise ImportFileError(f"{name}: geen tekstbestand (binaire inhoud); kies een "
                              ".csv-, .xlsx- of .vcf-bestand.")
    else:  # a stray NUL or other control character is dropped from the values
        encodings = ["utf-8", "cp1252"]
    out = []
    for encoding in encodings:
        try:  # not final: the sample may end inside a character
            start = _decode_start(sample, encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(start):
            break
        out.append((encoding, start))
    return out


def _decode_start(sample: bytes, encoding: str) -> str:
    """The start of the file decoded; a vCard folded inside a character is UTF-8 once
    its folds are removed (``UnicodeDecodeError`` when neither way works)."""
    try:
        return codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
    except UnicodeDecodeError:
        if not encoding.startswith("utf-8"):
            raise
        return codecs.getincrementaldecoder(encoding)().decode(unfolded(sample), final=False)


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or '-be' when every other byte of the start is NUL (text in UTF-16
    saved without a byte order mark)."""
    head = sample[:4096]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.9 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.9 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    """Many control characters: a picture or program, not a contact list. A few stray
    ones (a NUL, an end-of-file mark, a vertical tab from Excel) are not enough."""
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f\x0b\x1a")
    return controls > max(16, len(sample) // 100)
