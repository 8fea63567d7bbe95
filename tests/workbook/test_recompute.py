"""After a spreadsheet recomputes: LibreOffice headless gets the same totals, text stays.

Skipped (with the reason shown) where LibreOffice is not installed.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dealmaker.export.workbook import Book, Summary, Table, write_book
from dealmaker.services.workbook import write_overleg
from dealmaker.services.workbook.finance import COLUMNS, euros
from dealmaker.services.workbook.roundtrip import plan_return
from dealmaker.storage.workspace import Workspace
from workbook.kit import DDE, DEAL, make_deal
from workbook.libreoffice import CSV_FILTER, SOFFICE, convert, sheets_as_csv

CENTS = st.integers(min_value=0, max_value=10**13)  # up to EUR 100 bn per row


def _zero_cached_totals(src: Path, dst: Path) -> None:
    """A copy whose stored Totaal values are 0: only recomputation can show the sums."""
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w") as b:
        for item in a.infolist():
            data = a.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"(<f>[^<]+</f>)<v>[^<]*</v>", rb"\1<v>0</v>", data)
            b.writestr(item, data)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is niet geïnstalleerd: "
                    "apt-get install libreoffice-calc-nogui")
def test_libreoffice_recomputes_the_totals_exactly_and_keeps_text(
        workspace: Workspace, tmp_path: Path) -> None:
    made = make_deal(workspace)
    book = write_overleg(workspace, made.deal_id, 2025, tmp_path / "overleg.xlsx",
                         with_contacts=True, today=date(2026, 12, 4))
    zeroed = tmp_path / "nul.xlsx"
    _zero_cached_totals(book, zeroed)
    out = tmp_path / "csv"
    convert([book, zeroed], out, CSV_FILTER, tmp_path / "lo-profiel")
    for path in (book, zeroed):
        sheets = sheets_as_csv(path, out)
        finance = sheets["Financiën"]
        assert finance[-1][0] == "Totaal"
        assert [Decimal(v) for v in finance[-1][5:7]] == [euros(made.pledged),
                                                           euros(made.realised)], path.name
        assert finance[1][:2] == [DEAL, DDE]  # shown as typed, never evaluated
        assert [r[3] for r in sheets["Bijsturing"][1:]] == ["=1+1 herplannen"]
        assert any(r[0] == "=Piet Jansen" and r[5] == "+31 6 1234 5678"
                   for r in sheets["Contacten"])


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is niet geïnstalleerd: "
                    "apt-get install libreoffice-calc-nogui")
def test_libreoffice_recomputes_the_portfolio_and_its_saved_copy_reads_back_unchanged(
        workspace: Workspace, tmp_path: Path) -> None:
    """The portfolio's totals after recomputation; then the region's round trip through
    LibreOffice: opened and saved there, the workbook still reads back as unchanged."""
    made = [make_deal(workspace), make_deal(workspace)]
    book = write_overleg(workspace, None, 2025, tmp_path / "alle.xlsx", today=date(2026, 12, 4))
    zeroed = tmp_path / "nul.xlsx"
    _zero_cached_totals(book, zeroed)
    out = tmp_path / "csv"
    convert([book, zeroed], out, CSV_FILTER, tmp_path / "lo-profiel")
    pledged = euros(sum(m.pledged for m in made))
    realised = euros(sum(m.realised for m in made))
    for path in (book, zeroed):
        sheets = sheets_as_csv(path, out)
        summary = next(r for r in sheets["Samenvatting"] if r and r[0] == "Totaal")
        assert [Decimal(v) for v in summary[1:4]] == [euros(2 * 7_500_000_00), pledged,
                                                      realised], path.name
        finance = sheets["Financiën"]
        assert finance[-1][0] == "Totaal" and len(finance) == 1 + 8 + 1
        assert [Decimal(v) for v in finance[-1][5:7]] == [pledged, realised], path.name
    saved = tmp_path / "opgeslagen"
    convert([book], saved, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo-profiel")
    assert plan_return(workspace, saved / "alle.xlsx").unchanged


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(CENTS, CENTS), max_size=40))
def test_financien_totals_equal_the_sum_of_the_rows(tmp_path_factory: pytest.TempPathFactory,
                                                     amounts: list[tuple[int, int]]) -> None:
    from openpyxl import load_workbook

    table = Table("Financiën", COLUMNS, totals=("Toegezegd", "Gerealiseerd"))
    table.rows = [("D", "P", "Publiek", "In cash", 2025, euros(p), euros(r), None, None)
                  for p, r in amounts]
    path = tmp_path_factory.mktemp("hyp") / "f.xlsx"
    write_book(Book(Summary("t"), [table]), path)
    n = len(amounts) + 1
    formulas = list(load_workbook(path)["Financiën"].iter_rows(values_only=True))[-1]
    assert formulas[5:7] == ((f"=SUM(F2:F{n})", f"=SUM(G2:G{n})") if amounts
                             else ("=0", "=0"))
    stored = list(load_workbook(path, data_only=True)["Financiën"].iter_rows(
        values_only=True))
    assert [Decimal(str(v)) for v in stored[-1][5:7]] == [
        euros(sum(p for p, _ in amounts)), euros(sum(r for _, r in amounts))]
    rows = [(Decimal(str(r[5])), Decimal(str(r[6]))) for r in stored[1:-1]]
    assert rows == [(euros(p), euros(r)) for p, r in amounts]
    shutil.rmtree(path.parent)
