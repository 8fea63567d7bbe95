"""Hostile input files made in a temporary folder, and a reader run in a fenced process.

``read_fenced`` runs ``read_table`` in a child process whose address space is capped
(``RLIMIT_AS``), so a reader that tries to take gigabytes fails there, not in the test
run, and reports its own peak memory (``VmHWM``); a timeout guards against a hang.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

MB = 1 << 20
#: The child's address-space cap: a reader needing more dies there, not here.
ADDRESS_CAP = 1536 * MB
#: What a bounded reader may use at its peak (resident), whatever the file claims.
PEAK_LIMIT_MB = 400

_CHILD = """
import json, resource, sys
cap = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
from pathlib import Path
from dealmaker.services.importing.model import ImportFileError
from dealmaker.services.importing.reading import read_table
try:
    table = read_table(Path(sys.argv[1]))
    out = {"rows": len(table.rows), "headers": table.headers[:12],
           "first": table.rows[0][1][:4] if table.rows else [],
           "row_errors": list(table.row_errors.values())[:3]}
    code = 0
except ImportFileError as exc:
    out, code = {"error": str(exc)}, 3
# VmHWM is this program's own peak; ru_maxrss after exec still holds the parent's
try:
    with open("/proc/self/status") as status:
        peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out["peak_mb"] = peak // 1024
print(json.dumps(out))
sys.exit(code)
"""


@dataclass
class Fenced:
    returncode: int
    result: dict[str, object]
    stderr: str

    @property
    def error(self) -> str:
        return str(self.result.get("error", ""))


def read_fenced(path: Path, timeout: float = 120) -> Fenced:
    """``read_table(path)`` in a child capped at :data:`ADDRESS_CAP` bytes."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(ADDRESS_CAP)],
                          capture_output=True, text=True, timeout=timeout, check=False)
    lines = done.stdout.strip().splitlines()
    result = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    return Fenced(done.returncode, result, done.stderr[-3000:])


def contacts_xlsx(path: Path, rows: int = 50, stray: str | None = None) -> Path:
    """A plain contact sheet; ``stray`` puts one lone value in that far cell."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Blad1"
    sheet.append(["Voornaam", "Achternaam", "E-mailadres"])
    for n in range(rows):
        sheet.append([f"Voor{n}", f"Achter{n}", f"p{n}@voorbeeld.nl"])
    if stray:
        sheet[stray] = "x"
    book.save(path)
    return path


def _deflated_repeat(prefix: bytes, unit: bytes, count: int, suffix: bytes) -> tuple[bytes,
                                                                                  int, int]:
    """Raw deflate of prefix + unit * count + suffix in milliseconds (after a full flush
    the compressor starts afresh, so each unit compresses to the same bytes); with CRC."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(prefix) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(unit) + c.flush(zlib.Z_FULL_FLUSH)
    tail = c.compress(suffix) + c.flush()
    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(suffix, crc)
    size = len(prefix) + len(unit) * count + len(suffix)
    return head + block * count + tail, crc & 0xFFFFFFFF, size


def _raw_zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> None:
    """A zip of (name, raw deflate data, crc, size as declared): sizes may lie."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data),
                           size, len(encoded), 0) + encoded + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                               len(data), size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    start = len(out)
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                                 len(central), start, 0)
    path.write_bytes(bytes(out))


def bomb_xlsx(path: Path, megabytes: int = 2000, declared: int | None = None) -> Path:
    """A valid-looking .xlsx whose one cell holds ``megabytes`` MB of text (~1 KB per MB
    compressed); ``declared`` makes the zip directory lie about the sheet's size."""
    template = contacts_xlsx(path.with_name("template.xlsx"), rows=1)
    members = []
    with zipfile.ZipFile(template) as z:
        for info in z.infolist():
            raw = z.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data, crc, size = _deflated_repeat(
                    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                    b'main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>',
                    b"A" * MB, megabytes, b"</t></is></c></row></sheetData></worksheet>")
                members.append((info.filename, data, crc,
                                size if declared is None else declared))
            else:
                c = zlib.compressobj(9, zlib.DEFLATED, -15)
                members.append((info.filename, c.compress(raw) + c.flush(),
                                zlib.crc32(raw), len(raw)))
    _raw_zip(path, members)
    return path


def photo_vcard(path: Path, photo_mb: int = 20) -> Path:
    """Two cards; the first carries a ``photo_mb`` MB base64 PHOTO (folded at 76)."""
    line = " " + "QUFB" * 19 + "\r\n"  # 77 characters of base64 per folded line
    lines = (photo_mb * MB) // len(line)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Jansen;Piet;;;\r\nFN:Piet Jansen\r\n"
                 "PHOTO;ENCODING=b;TYPE=JPEG:QUFB\r\n")
        for _ in range(lines):
            fh.write(line)
        fh.write("EMAIL:piet@voorbeeld.nl\r\nEND:VCARD\r\n")
        fh.write("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Smit;Eva;;;\r\nFN:Eva Smit\r\nEND:VCARD\r\n")
    return path


def big_csv(path: Path, megabytes: int) -> Path:
    """A contact list of about ``megabytes`` MB (short rows, so very many of them)."""
    row = "Voor;Achter;iemand@voorbeeld.nl;Gemeente Ergens;Notitie " + "x" * 40 + "\r\n"
    count = megabytes * MB // len(row)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("Voornaam;Achternaam;E-mailadres;Organisatie;Notities\r\n")
        for _ in range(count // 1000):
            fh.write(row * 1000)
    return path


def with_shared_texts(path: Path, count: int, stray: str) -> Path:
    """A small sheet with one far ``stray`` cell and ``count`` shared texts beside it."""
    source = contacts_xlsx(path.with_name("plain.xlsx"), rows=3, stray=stray)
    texts = b"".join(b"<si><t>%d</t></si>" % n for n in range(count))
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" '
                                    b'ContentType="application/vnd.openxmlformats-officedocument'
                                    b'.spreadsheetml.sharedStrings+xml"/></Types>')
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdT" Type="http:'
                                    b'//schemas.openxmlformats.org/officeDocument/2006/'
                                    b'relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                    b"</Relationships>")
            new.writestr(info, data)
        new.writestr("xl/sharedStrings.xml", b'<sst xmlns="http://schemas.openxmlformats.org/'
                     b'spreadsheetml/2006/main">' + texts + b"</sst>")
    return path
