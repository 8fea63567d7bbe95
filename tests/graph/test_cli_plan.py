"""``dealmaker connectieplan``: the four formats opened and checked; unknown deal or suffix
exits non-zero with one Dutch line and writes nothing."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from dealmaker.__main__ import main
from dealmaker.storage.workspace import open_workspace
from graph.workspace_kit import build


@pytest.fixture
def db(workspace_path: Path) -> Path:
    ws = open_workspace(workspace_path)
    try:
        build(ws)
    finally:
        ws.close()
    return workspace_path


def _plan(db: Path, out: Path, deal: str = "Achterhoek") -> int:
    return main(["connectieplan", "--db", str(db), "--deal", deal, "--out", str(out)])


def test_svg_has_the_names_as_text(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.svg"
    assert _plan(db, out, deal="8rhk") == 0  # an alias finds the deal
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []  # no scratch
    texts = {t.text for t in ET.parse(out).iter("{http://www.w3.org/2000/svg}text")}
    assert {"Anna Rijk", "Cees Regio", "BZK", "Wonen", "Stikstof", "Achterhoek"} <= texts


def test_workbook_per_opgave_with_findings_and_an_edge_list(db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "plan.xlsx"
    assert _plan(db, out) == 0
    book = load_workbook(out)
    rows = list(book["Opgaven"].iter_rows(values_only=True))
    assert rows[0] == ("Opgave", "Eigenaar bij het Rijk", "Rijkscontacten",
                       "Regionale contacten", "Warm", "Bevindingen")
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Wonen"][1:5] == ("Directie Regio", "Anna Rijk", "Cees Regio", "ja")
    assert "Stikstof: geen eigenaar bij het Rijk" in by_name["Stikstof"][5]
    edges = list(book["Verbindingen"].iter_rows(values_only=True))
    assert ("Anna Rijk", "Cees Regio", "relatie", 4) in {e[:4] for e in edges}


def test_png_and_pdf_are_drawn_by_the_canvas(db: Path, tmp_path: Path, qapp: Any) -> None:
    from PySide6.QtGui import QImage

    png, pdf = tmp_path / "plan.png", tmp_path / "plan.pdf"
    assert _plan(db, png) == 0 and _plan(db, pdf) == 0
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 400 and image.height() > 200
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("deal", "name", "message"), [
    ("Nergens", "plan.svg", "Er is geen deal 'Nergens' in deze werkruimte"),
    ("Achterhoek", "plan.docx", "onbekend formaat '.docx'"),
    ("Nergens", "plan.png", "Er is geen deal 'Nergens'"),
])
def test_unknown_deal_or_suffix_writes_nothing(db: Path, tmp_path: Path, deal: str, name: str,
                                               message: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    out = folder / name
    assert _plan(db, out, deal=deal) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert list(folder.iterdir()) == []
