"""Encodings, separators, spreadsheets and bad files (workspace untouched)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dealmaker.services.importing import (
    ImportFileError,
    apply_import,
    plan_import,
)
from dealmaker.storage.workspace import Workspace
from importing.kit import fingerprint, write_csv

ROWS = [["Voornaam", "Achternaam", "E-mailadres", "Bedrijf"],
        ["Jeroen", "Hoëvenaars", "jeroen@example.nl", "Gemeente Sûdwest-Fryslân"],
        ["Élise", "Maréchal", "elise@example.nl", "Waterschap Aa en Maas; Zuid"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_encodings_and_separators(workspace: Workspace, tmp_path: Path, encoding: str,
                                  sep: str) -> None:
    path = write_csv(tmp_path / "c.csv", ROWS, sep=sep, encoding=encoding)
    plan = plan_import(workspace, path)
    assert plan.separator == sep
    got = [(r.values.first_name, r.values.last_name, r.values.organisation)
           for r in plan.rows]
    assert got == [(r[0], r[1], r[3]) for r in ROWS[1:]]


def test_utf8_with_bom_header_is_recognised(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bom.csv", ROWS, encoding="utf-8-sig")
    plan = plan_import(workspace, path)
    assert plan.encoding == "utf-8-sig" and plan.mapping["Voornaam"] == "first_name"


def test_xlsx_with_numbers_and_dates(workspace: Workspace, tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Contactenlijst regio"])  # a title row above the header
    sheet.append([])
    sheet.append(["Voornaam", "Achternaam", "Telefoon", "In functie sinds", "Bedrijf"])
    sheet.append(["Kees", "Bos", 612345678, datetime(2023, 5, 1), "Gemeente Almere"])
    sheet.append([None, None, None, None, None])
    sheet.append(["Lotte", "Jansen", "020-1234567", "15-08-2022", None])
    path = tmp_path / "lijst.xlsx"
    book.save(path)
    plan = plan_import(workspace, path)
    assert plan.kind == "xlsx" and [r.row for r in plan.rows] == [4, 6]
    kees, lotte = (r.values for r in plan.rows)
    assert kees.phone == "612345678" and str(kees.start_date) == "2023-05-01"
    assert str(lotte.start_date) == "2022-08-15" and lotte.organisation == ""


@pytest.mark.parametrize(("name", "content", "message"), [
    ("leeg.csv", b"", "leeg"),
    ("spaties.csv", b"  \r\n\r\n", "leeg"),
    ("ruis.csv", bytes(range(256)) * 8, "geen tekstbestand"),
    ("ruis.xlsx", os.urandom(64), "geen geldig Excel-bestand"),
    ("kapot.xlsx", b"PK\x03\x04" + os.urandom(200), "geen geldig Excel-bestand"),
    ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), ".xls"),
    ("kaart.vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\n", "vCard zonder END:VCARD"),
    ("geen.vcf", b"VERSION:3.0\r\nFN:Jan\r\nEND:VCARD\r\n", "geen vCards"),
])
def test_bad_files_are_refused_with_the_file_name(
        workspace: Workspace, tmp_path: Path, name: str, content: bytes,
        message: str) -> None:
    before = fingerprint(workspace.path)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message) as info:
        plan_import(workspace, path)
    assert str(info.value).startswith(name)
    assert fingerprint(workspace.path) == before


def test_missing_file(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="bestaat niet"):
        plan_import(workspace, tmp_path / "weg.csv")


def test_missing_name_column_names_file_row_and_nothing_is_written(
        workspace: Workspace, tmp_path: Path) -> None:
    before = fingerprint(workspace.path)
    path = write_csv(tmp_path / "adressen.csv", [["Straat", "Plaats", "E-mailadres"],
                                                ["Markt 1", "Ede", "a@b.nl"]])
    plan = plan_import(workspace, path)
    assert [(p.row, p.column) for p in plan.file_problems] == [(1, "")]
    with pytest.raises(ImportFileError, match=r"adressen.csv, rij 1: geen kolom voor de naam"):
        apply_import(workspace, plan, only_valid=True)
    assert fingerprint(workspace.path) == before


def test_invalid_values_never_block_their_contact(workspace: Workspace,
                                                  tmp_path: Path) -> None:
    """A value that does not validate is kept as typed in the notes, marked, and listed
    as a warning; a contact without a name is named after its e-mail address."""
    from dealmaker.storage.models import Person

    path = write_csv(tmp_path / "mix.csv", [
        ["Voornaam", "Achternaam", "E-mailadres", "Telefoon"],
        ["Anna", "Smit", "anna@example.nl", "06-12345678"],
        ["Bert", "Kok", "bert(at)example.nl", ""],
        ["", "", "geen@naam.nl", ""],
        ["Cor", "Wit", "", "6,12E+08"],
        ["Dirk", "Ros", "dirk@example.nl", "+1-418-656-9254;ext=102"],
        ["", "", "", ""]])
    plan = plan_import(workspace, path)
    assert [r.problems for r in plan.rows] == [[], [], [], [], []]
    warnings = [(w.row, w.column, w.reason) for r in plan.rows for w in r.warnings]
    assert warnings == [
        (3, "E-mailadres", "geen geldig e-mailadres: 'bert(at)example.nl' staat in de "
         "notities"),
        (4, "Voornaam/Achternaam", "geen naam: weergavenaam uit het e-mailadres "
         "('geen@naam.nl')"),
        (5, "Telefoon", "geen nummer: '6,12E+08' staat in de notities")]
    result = apply_import(workspace, plan)
    assert (result.created, result.merged, result.skipped, result.rejected) == (5, 0, 0, [])
    assert len(result.warnings) == 3
    with workspace.read() as s:
        people = {p.full_name: p for p in s.query(Person)}
    assert people["Bert Kok"].email == ""
    assert "E-mailadres (geen geldig e-mailadres): bert(at)example.nl" in people[
        "Bert Kok"].notes
    assert people["geen@naam.nl"].email == "geen@naam.nl"
    assert people["Cor Wit"].phone == "" and "Telefoon (geen nummer): 6,12E+08" in people[
        "Cor Wit"].notes
    assert people["Dirk Ros"].phone == "+1-418-656-9254 ext. 102"


def test_a_file_without_any_contact_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "leeg.csv", [["Naam", "E-mail", "Telefoon"], ["", "", ""],
                                            ["  ", "", ""]])
    before = fingerprint(workspace.path)
    with pytest.raises(ImportFileError, match=r"leeg.csv"):
        apply_import(workspace, plan_import(workspace, path))
    assert fingerprint(workspace.path) == before


def test_row_numbers_count_lines_of_multiline_cells(workspace: Workspace,
                                                    tmp_path: Path) -> None:
    path = write_csv(tmp_path / "notities.csv", [
        ["Naam", "Notities", "E-mailadres"],
        ["Eva Smit", "regel 1\nregel 2\nregel 3", "eva@x.nl"],
        ["Tom Wit", "", "fout"]])
    plan = plan_import(workspace, path)
    assert [r.row for r in plan.rows] == [2, 5]
    assert plan.rows[0].values.notes == "regel 1\nregel 2\nregel 3"
    assert plan.rows[1].warnings[0].row == 5
