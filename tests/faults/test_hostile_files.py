"""Hostile files: reading is bounded in memory and time whatever the file claims.

Each reader runs in a child process with its address space capped at 1.5 GB
(``hostile_kit.read_fenced``): before the fix these files aborted it with a Rust panic,
ran it out of memory or never returned; now each is read within a few hundred MB or
refused at once with one Dutch line that names the file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from importing.kit import write_csv

from dealmaker.services.importing.model import ImportFileError
from dealmaker.services.importing.reading import read_table
from faults.hostile_kit import (
    PEAK_LIMIT_MB,
    big_csv,
    bomb_xlsx,
    contacts_xlsx,
    photo_vcard,
    read_fenced,
    with_shared_texts,
)


def _peak(fenced_result: dict[str, object]) -> int:
    peak = fenced_result.get("peak_mb")
    assert isinstance(peak, int)
    return peak


def test_a_cell_at_the_last_column_and_row_is_refused_not_a_crash(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Blad1"
    book.active["XFD1048576"] = "x"
    path = tmp_path / "contacten.xlsx"
    book.save(path)
    assert path.stat().st_size < 10_000
    fenced = read_fenced(path)
    assert fenced.returncode == 3, fenced.stderr  # was: Rust panic, process aborted
    assert fenced.error.startswith("contacten.xlsx: werkblad 'Blad1' loopt tot kolom XFD, "
                                   "rij 1.048.576 (meer dan 200 kolommen of 100.000 rijen)")
    assert _peak(fenced.result) < PEAK_LIMIT_MB


def test_a_stray_far_cell_is_ignored_not_allocated(tmp_path: Path) -> None:
    path = contacts_xlsx(tmp_path / "contacten.xlsx", rows=50, stray="AAA50000")
    fenced = read_fenced(path)
    assert fenced.returncode == 0, fenced.stderr  # was: 1.4 GB
    assert fenced.result["rows"] == 50
    assert fenced.result["headers"] == ["Voornaam", "Achternaam", "E-mailadres"]
    assert _peak(fenced.result) < PEAK_LIMIT_MB


def test_a_far_cell_beside_masses_of_text_is_refused_not_waited_for(tmp_path: Path) -> None:
    path = with_shared_texts(tmp_path / "veel.xlsx", 1_000_000, stray="AAA50000")
    fenced = read_fenced(path, timeout=60)  # streaming a million texts takes minutes
    assert fenced.returncode == 3, fenced.stderr
    assert fenced.error.startswith("veel.xlsx: werkblad 'Blad1' loopt tot kolom AAA, rij "
                                   "50.000 en heeft meer dan 16 MB tekst")
    assert _peak(fenced.result) < PEAK_LIMIT_MB


@pytest.mark.parametrize("declared", [None, 10_000], ids=["honest", "lying-sizes"])
def test_a_zip_bomb_is_refused(tmp_path: Path, declared: int | None) -> None:
    path = bomb_xlsx(tmp_path / "bom.xlsx", megabytes=2000, declared=declared)
    assert path.stat().st_size < 3 * 1024 * 1024
    fenced = read_fenced(path)
    assert fenced.returncode == 3, fenced.stderr  # was: 3.1 GB
    assert fenced.error.startswith("bom.xlsx: ")
    assert "uitgepakt" in fenced.error
    assert _peak(fenced.result) < PEAK_LIMIT_MB


def test_a_huge_vcard_photo_is_dropped_while_reading(tmp_path: Path) -> None:
    path = photo_vcard(tmp_path / "kaarten.vcf", photo_mb=20)
    fenced = read_fenced(path)
    assert fenced.returncode == 0, fenced.stderr  # was: 3.0 GB
    assert fenced.result["rows"] == 2 and fenced.result["row_errors"] == []
    assert fenced.result["first"] == ["Piet", "", "Jansen", "Piet Jansen"]
    assert _peak(fenced.result) < PEAK_LIMIT_MB


def test_a_too_large_csv_is_refused_at_once(tmp_path: Path) -> None:
    path = big_csv(tmp_path / "groot.csv", megabytes=60)
    fenced = read_fenced(path)
    assert fenced.returncode == 3, fenced.stderr  # was: 7.8 GB
    assert fenced.error.startswith("groot.csv: het bestand is ")
    assert "groter dan" in fenced.error
    assert _peak(fenced.result) < PEAK_LIMIT_MB


def test_a_csv_with_too_many_rows_is_refused_naming_the_limit(tmp_path: Path) -> None:
    path = big_csv(tmp_path / "lang.csv", megabytes=12)  # ~125,000 short rows
    fenced = read_fenced(path)
    assert fenced.returncode == 3, fenced.stderr
    assert fenced.error.startswith("lang.csv: meer dan 100.000 rijen")
    assert _peak(fenced.result) < PEAK_LIMIT_MB


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "directory"])
def test_a_non_regular_file_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        path = tmp_path / "pijp.csv"
        os.mkfifo(path)  # no writer: opening it for reading waited forever
    elif kind == "dev-zero":
        path = Path("/dev/zero")  # endless zeros: ate 11 GB in 20 s
    else:
        path = tmp_path / "map.csv"
        path.mkdir()
    fenced = read_fenced(path, timeout=20)
    assert fenced.returncode == 3, fenced.stderr
    assert fenced.error.startswith(f"{path.name}: ")
    assert "geen gewoon bestand" in fenced.error or "is een map" in fenced.error


def test_an_unterminated_quote_names_the_row_where_it_opened(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "quote.csv", [["Voornaam", "Achternaam", "Notities"]]
                     + [[f"P{n}", "Jansen", "ok"] for n in range(10)])
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    text[4] = 'P3;Jansen;"begint hier\r\n'  # line 5: the quote is never closed
    path.write_text("".join(text), encoding="utf-8", newline="")
    with pytest.raises(ImportFileError) as caught:
        read_table(path)  # was: rows 6..11 silently swallowed into one notes field
    assert str(caught.value) == ("quote.csv, rij 5: aanhalingsteken niet gesloten; alles "
                                 "erna zou in één veld belanden.")


def test_a_closed_multiline_quote_still_reads(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ok.csv", [["Voornaam", "Achternaam", "Notities"],
                                          ["Eva", "Smit", "regel 1\r\nregel 2"],
                                          ["Tom", "Wit", 'zei "ja"']])
    table = read_table(path)
    assert [number for number, _ in table.rows] == [2, 4]
    assert table.rows[1][1] == ["Tom", "Wit", 'zei "ja"']


class PanicException(BaseException):
    """What python-calamine raises when its Rust code panics (not an Exception)."""


def test_a_panic_in_the_rust_reader_is_a_dutch_error(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from dealmaker.services.importing import spreadsheet

    class Panicking:
        def get_sheet_by_name(self, name: str) -> object:
            raise PanicException("index out of bounds")

    monkeypatch.setattr(spreadsheet, "_calamine", lambda source: Panicking())
    path = contacts_xlsx(tmp_path / "paniek.xlsx", rows=3)
    with pytest.raises(ImportFileError, match=r"^paniek.xlsx: geen geldig Excel-bestand"):
        read_table(path)  # was: PanicException through every except Exception: the window died
