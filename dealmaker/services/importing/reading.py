"""Read a contacts file (.csv/.txt, .xlsx, .vcf) into a :class:`Table`.

Text files: encoding (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252) and
separator (``;`` ``,`` tab) are detected; leading lines before the header (LinkedIn's
"Notes:") are skipped. Anything unreadable raises :class:`ImportFileError` in Dutch.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from dealmaker.services.importing.mapping import recognised
from dealmaker.services.importing.model import ImportFileError
from dealmaker.services.importing.table import Table, find_header, name_headers, padded

SEPARATORS = (";", ",", "\t")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"


def read_table(path: Path) -> Table:
    """The file as a table; raises ``ImportFileError`` naming the file when unreadable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"{path.name}: het bestand bestaat niet ({path}).") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path.name}: is een map, geen bestand.") from None
    except OSError as exc:
        raise ImportFileError(
            f"{path.name}: kan het bestand niet lezen ({exc.strerror or exc}).") from None
    if not data.strip():
        raise ImportFileError(f"{path.name}: het bestand is leeg.")
    suffix = path.suffix.lower()
    if data.startswith(_ZIP):
        from dealmaker.services.importing.spreadsheet import read_xlsx

        return read_xlsx(path)
    if data.startswith(_OLE):
        raise ImportFileError(f"{path.name}: oud Excel-formaat (.xls) of een versleuteld "
                              "bestand; sla het op als .xlsx of .csv.")
    if suffix in (".xlsx", ".xlsm"):
        raise ImportFileError(f"{path.name}: geen geldig Excel-bestand.")
    text, encoding = decode(data, path.name)
    if suffix == ".vcf" or text.lstrip()[:11].upper() == "BEGIN:VCARD":
        from dealmaker.services.importing.vcard import read_vcards

        table = read_vcards(text, path.name)
        table.encoding = encoding
        return table
    return read_csv(text, path.name, encoding)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Bytes to text: BOM first, then strict UTF-8, then Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    elif b"\x00" in data:
        raise ImportFileError(f"{name}: geen tekstbestand (binaire inhoud); kies een "
                              ".csv-, .xlsx- of .vcf-bestand.")
    else:
        candidates = ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text, encoding
    raise ImportFileError(f"{name}: geen leesbare tekst (onbekende tekenset of binaire "
                          "inhoud); sla het op als CSV UTF-8.")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f")
    return controls > max(2, len(sample) // 200)


def _split(line: str, sep: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=sep), [])
    except csv.Error:
        return []


def read_csv(text: str, name: str, encoding: str) -> Table:
    """Separated text: find header line and separator, then read all records."""
    lines = io.StringIO(text, newline="").readlines()
    head = lines[:30]
    best: tuple[int, int, int, str] | None = None  # (recognised, cells, -line, sep)
    for sep in SEPARATORS:
        split = [_split(line, sep) for line in head]
        index = find_header(split)
        key = (recognised(split[index]), len(split[index]), -index, sep)
        if best is None or key[:3] > best[:3]:
            best = key
    assert best is not None
    index, sep = -best[2], best[3]
    reader = csv.reader(lines[index:], delimiter=sep)
    try:
        headers = name_headers(next(reader))
        rows: list[tuple[int, list[str]]] = []
        seen = reader.line_num
        for cells in reader:
            start, seen = index + seen + 1, reader.line_num
            if any(c.strip() for c in cells):
                rows.append((start, padded(cells, len(headers))))
    except csv.Error as exc:
        raise ImportFileError(f"{name}, rij {index + reader.line_num}: onleesbare regel "
                              f"({exc}).") from None
    return Table("csv", headers, rows, header_row=index + 1, encoding=encoding,
                 separator=sep)
