"""Property tests for the readers: any bytes give a table or the importer's own Dutch
error (never another exception, never a crash), and what csv writes comes back exactly."""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealmaker.services.importing.model import ImportFileError
from dealmaker.services.importing.reading import read_table
from dealmaker.services.importing.table import Table

SUFFIXES = [".csv", ".txt", ".vcf", ".xlsx"]
FAST = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes, suffix: str) -> Table | None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bestand{suffix}"
        path.write_bytes(data)
        try:
            return read_table(path)
        except ImportFileError as exc:
            assert str(exc).startswith(f"bestand{suffix}")
            assert "\n" not in str(exc).strip()
            return None


def _small_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Voornaam", "Achternaam", "E-mailadres"])
    book.active.append(["Eva", "Smit", "eva@ede.example"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


XLSX = _small_xlsx()
VCARD_LINES = st.sampled_from([
    "BEGIN:VCARD", "END:VCARD", "VERSION:3.0", "VERSION:2.1", "N:Jansen;Piet;;;",
    "FN:Piet Jansen", "EMAIL;TYPE=INTERNET:piet@x.nl", "PHOTO;ENCODING=b:QUFB", " QUFB",
    "NOTE;ENCODING=QUOTED-PRINTABLE:regel=", "=0D=0Aeen", "TEL;PREF:06-1234", "QUFBQUFB",
    "ORG:Gemeente;Afdeling", "CATEGORIES:a,b", "item1.PHOTO:x", "", " ", ":", ";;;",
    "BEGIN:VCARD\x00", "N:\x1b[31m;\u202e;;;"])


@FAST
@given(st.binary(max_size=3000), st.sampled_from(SUFFIXES))
def test_any_bytes_give_a_table_or_a_dutch_error(data: bytes, suffix: str) -> None:
    _read(data, suffix)


@FAST
@given(st.lists(st.tuples(st.integers(0, len(XLSX) - 1), st.integers(0, 255)),
                min_size=1, max_size=8),
       st.integers(100, len(XLSX)))
def test_a_damaged_xlsx_gives_a_table_or_a_dutch_error(flips: list[tuple[int, int]],
                                                       keep: int) -> None:
    data = bytearray(XLSX)
    for at, value in flips:
        data[at] = value
    _read(bytes(data[:keep]), ".xlsx")


@FAST
@given(st.lists(VCARD_LINES | st.text(max_size=40), max_size=40),
       st.sampled_from(["\r\n", "\n", "\r"]))
def test_any_vcard_lines_give_rows_or_a_dutch_error(lines: list[str], end: str) -> None:
    table = _read(end.join(lines).encode("utf-8", "surrogatepass"), ".vcf")
    if table is not None:
        assert len(table.rows) == len({r for r, _ in table.rows})
        assert all(len(cells) == len(table.headers) for _, cells in table.rows)


CELL = st.text(st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from(
    ['"', ";", ",", "\n", "\r", "\t", "=", " "]), max_size=30)


@FAST
@given(st.lists(st.lists(CELL, min_size=3, max_size=3), min_size=1, max_size=20))
def test_csv_rows_come_back_exactly(rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Voornaam", "Achternaam", "Notities"])
    writer.writerows(rows)
    table = _read(buffer.getvalue().encode("utf-8"), ".csv")
    assert table is not None
    expected = [r for r in rows if any(c.strip() for c in r)]
    assert [cells for _, cells in table.rows] == expected
    assert table.separator == ";" and table.headers == ["Voornaam", "Achternaam", "Notities"]


@FAST
@given(st.text(st.sampled_from('ab;,"\r\n\t '), max_size=200))
def test_any_quotes_and_separators_give_rows_or_a_dutch_error(body: str) -> None:
    table = _read(("Voornaam;Achternaam\r\n" + body).encode(), ".csv")
    if table is not None:
        assert all(len(cells) == len(table.headers) for _, cells in table.rows)


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lijst.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hallo.txt", "geen werkmap")
    assert _read(path.read_bytes(), ".xlsx") is None
