"""The overleg workbook read back and compared to the ledger (as stored in the file)."""

from __future__ import annotations

import os
import stat
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from dealmaker.__main__ import main
from dealmaker.services.workbook import build_book, workbook_name, write_overleg
from dealmaker.storage.workspace import Workspace, open_workspace
from workbook.kit import DDE, DEAL, PHONE, make_deal

TODAY = date(2026, 12, 4)
SHEETS = ["Samenvatting", "Financiën", "Toezeggingen", "Voortgang", "Projecten", "Bijsturing",
          "Connectieplan", "Connectieplan verbindingen", "dealmaker"]


def _write(ws: Workspace, tmp_path: Path, **kw: Any) -> tuple[Path, Any]:
    from openpyxl import load_workbook

    made = make_deal(ws)
    out = write_overleg(ws, made.deal_id, 2025, tmp_path / "o.xlsx", today=TODAY, **kw)
    return out, (made, load_workbook(out), load_workbook(out, data_only=True))


def _rows(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def test_financien_rows_and_totals_equal_the_ledger_to_the_cent(workspace: Workspace,
                                                                 tmp_path: Path) -> None:
    _, (made, book, stored) = _write(workspace, tmp_path)
    assert book.sheetnames == SHEETS
    assert book["dealmaker"].sheet_state == "veryHidden"  # the round trip's marker
    sheet = book["Financiën"]
    rows = _rows(sheet)
    assert rows[0] == ("Deal", "Partij", "Publiek/privaat", "Vorm", "Jaar", "Toegezegd",
                       "Gerealiseerd", "Toegezegd sinds overleg", "Gerealiseerd sinds overleg")
    body, total = rows[1:-1], rows[-1]
    assert len(body) == 4 and body[0][:5] == (DEAL, DDE, "Publiek", "In cash", 2024)
    assert total[:1] == ("Totaal",)
    assert total[5:] == ("=SUM(F2:F5)", "=SUM(G2:G5)", "=SUM(H2:H5)", "=SUM(I2:I5)")
    # the values stored beside the formulas (previews, pandas, Power BI)
    stored_total = _rows(stored["Financiën"])[-1]
    assert [Decimal(str(v)) for v in stored_total[5:7]] == [
        Decimal(made.pledged) / 100, Decimal(made.realised) / 100]
    assert sheet["F2"].number_format == sheet["F6"].number_format == '"€" #,##0.00;"€" -#,##0.00'
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:I5"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"


def test_text_that_looks_like_a_formula_stays_text(workspace: Workspace,
                                                   tmp_path: Path) -> None:
    out, (_, book, _) = _write(workspace, tmp_path, with_contacts=True)
    with zipfile.ZipFile(out) as z:
        formulas = [n for n in z.namelist() if n.startswith("xl/worksheets/")
                    and "<f>" in z.read(n).decode()]
    assert formulas == ["xl/worksheets/sheet2.xml"]  # only Financiën's Totaal row
    cells = {c.value: c for ws in book.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)}
    for text in (DEAL, DDE, "@Bedrijf BV", "+Subsidie aanvragen", "=1+1 herplannen",
                 "@let op", "=Piet Jansen", "Els -Bakker", PHONE):
        assert cells[text].data_type == "s", text
    for text in (DEAL, DDE, "@Bedrijf BV", "+Subsidie aanvragen", PHONE):
        assert cells[text].quotePrefix, text


def test_contacts_only_when_asked_and_only_work_details(workspace: Workspace,
                                                        tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _, (made, book, _) = _write(workspace, tmp_path, with_contacts=True)
    rows = _rows(book["Contacten"])
    assert rows[0] == ("Naam", "Organisatie", "Functie", "Zijde", "E-mail (werk)",
                       "Telefoon (werk)")
    assert ("=Piet Jansen", DDE, "Adviseur", "regio", "piet@gemeente.example",
            PHONE) in rows
    assert not any("privé" in str(v) for r in rows for v in r)
    without = write_overleg(workspace, made.deal_id, 2025, tmp_path / "z.xlsx", today=TODAY)
    assert "Contacten" not in load_workbook(without).sheetnames


def test_reporting_year_sets_latest_measurement_commitments_and_summary(
        workspace: Workspace, tmp_path: Path) -> None:
    made = make_deal(workspace)
    book = build_book(workspace, made.deal_id, 2025, today=TODAY)
    voortgang = {r[1]: r for r in book.table("Voortgang").rows}
    assert voortgang["Banen"][10] == Decimal("160.5")  # not the 2026 measurement
    assert voortgang["Banen"][14] == Decimal("0.6050")
    assert (voortgang["Banen"][15], voortgang["Leeg"][15]) == ("op koers", "geen gegevens")
    assert any(n.startswith("Voortgang = (laatste meting") for n in book.table("Voortgang").notes)
    titles = [r[1] for r in book.table("Toezeggingen").rows]
    assert titles == ["+Subsidie aanvragen", "Rapport"]  # 2027 is after the overleg year
    summary = {line.label: line.value for line in book.summary.lines}
    assert summary["Open"] == 1 and summary["waarvan over de datum"] == 1
    assert summary["Nagekomen"] == 1
    assert summary["Op koers"] == 1 and summary["Geen gegevens"] == 1
    assert summary["Rijksbijdrage"] == Decimal("7500000.00")
    assert summary["Cofinanciering toegezegd"] == Decimal(made.pledged) / 100
    share = Decimal(7_500_000_00) / Decimal(7_500_000_00 + made.pledged)
    assert summary["Rijksaandeel (van het totaal)"] == share.quantize(
        Decimal("0.000001"))


def test_workbook_name_is_safe_for_every_file_system() -> None:
    assert workbook_name("Zeeland/Noord", 2025) == "Overleg Zeeland-Noord 2025.xlsx"


def test_cli_unknown_deal_exits_1_and_writes_nothing(
        workspace_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "uit.xlsx"
    assert main(["overleg", "--db", str(workspace_path), "--deal", "Nergens",
                 "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Deal 'Nergens' bestaat niet" in err[0]
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*tmp")) == []


def test_cli_writes_the_workbook_and_leaves_no_temp_file(
        workspace_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_workspace(workspace_path) as ws:
        make_deal(ws)
    out = tmp_path / "uit" / "overleg.xlsx"
    out.parent.mkdir()
    old = os.umask(0o022)
    try:
        assert main(["overleg", "--db", str(workspace_path), "--deal", DEAL.upper(),
                     "--jaar", "2025", "--out", str(out), "--met-contacten"]) == 0
    finally:
        os.umask(old)
    assert "geschreven" in capsys.readouterr().out
    assert [p.name for p in out.parent.iterdir()] == ["overleg.xlsx"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # names of people: the user's alone


def test_portfolio_has_a_row_per_deal_and_totals_over_all_deals(
        workspace_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    with open_workspace(workspace_path) as ws:
        first, second = make_deal(ws), make_deal(ws)
    out = tmp_path / "alle.xlsx"
    assert main(["overleg", "--db", str(workspace_path), "--alle", "--jaar", "2025",
                 "--out", str(out)]) == 0
    stored = load_workbook(out, data_only=True)
    summary = _rows(stored["Samenvatting"])
    summary = summary[:[r[0] for r in summary].index("Totaal") + 1]  # a money chart below
    assert summary[0][:4] == ("Deal", "Rijksbijdrage", "Toegezegd", "Gerealiseerd")
    assert [r[0] for r in summary[1:-1]] == [DEAL, DEAL] and summary[-1][0] == "Totaal"
    pledged = Decimal(first.pledged + second.pledged) / 100
    assert Decimal(str(summary[-1][2])) == pledged
    finance = _rows(stored["Financiën"])
    assert len(finance) == 1 + 8 + 1 and Decimal(str(finance[-1][5])) == pledged
    assert load_workbook(out)["Financiën"]["F10"].value == "=SUM(F2:F9)"


def test_cli_export_in_the_issues_words_never_changes_the_workspace(
        workspace_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    with open_workspace(workspace_path) as ws:
        make_deal(ws)
    before = (workspace_path.read_bytes(), workspace_path.stat().st_mtime_ns)
    deal, alle = tmp_path / "deal.xlsx", tmp_path / "alle.xlsx"
    assert main(["export", "--db", str(workspace_path), "--deal", DEAL, "--year", "2025",
                 "--out", str(deal), "--with-contacts"]) == 0
    assert main(["export", "--db", str(workspace_path), "--all", "--year", "2025",
                 "--out", str(alle)]) == 0
    assert (workspace_path.read_bytes(), workspace_path.stat().st_mtime_ns) == before
    assert "Contacten" in load_workbook(deal).sheetnames
    book = load_workbook(alle)
    assert book.sheetnames == ["Samenvatting", "Financiën", "Toezeggingen", "Voortgang",
                               "Projecten", "Bijsturing", "Connectieplan", "dealmaker"]
    assert book["Samenvatting"]._charts or _has_chart(alle, "sheet1")


def _has_chart(path: Path, sheet: str) -> bool:
    with zipfile.ZipFile(path) as z:
        return any(n.startswith("xl/charts/chart") for n in z.namelist()) and any(
            n == f"xl/worksheets/_rels/{sheet}.xml.rels" for n in z.namelist())


def test_made_for_people_formats_widths_colours_and_print(workspace: Workspace,
                                                          tmp_path: Path) -> None:
    out, (_, book, _) = _write(workspace, tmp_path)
    v = book["Voortgang"]
    headers = [c.value for c in v[1]]
    status = v.cell(2, headers.index("Status") + 1)
    assert status.fill.fgColor.rgb.endswith(("C6EFCE", "EDEDED"))  # op koers / geen gegevens
    assert v.cell(2, headers.index("Nulmeting op") + 1).number_format == "dd-mm-yyyy"
    assert v.column_dimensions["R"].hidden  # the round trip's key
    assert v.cell(1, headers.index("Laatste meting") + 1).fill.fgColor.rgb.endswith("FFF2CC")
    for sheet in book.worksheets[1:-1]:
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref, sheet.title
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
        assert sheet.print_title_rows == "$1:$1"
        assert all(4 <= (d.width or 0) <= 80 for d in sheet.column_dimensions.values())
    assert _has_chart(out, "sheet1")  # the money chart on the Samenvatting


def test_financien_shows_what_changed_since_the_last_overleg(workspace: Workspace,
                                                             tmp_path: Path) -> None:
    """From the dossier's pledge history: a pledge made or changed after the deal's last
    Rijk-regio overleg shows its change; the Samenvatting counts them."""
    from datetime import timedelta

    from sqlalchemy import select

    from dealmaker.domain.enums import MeetingKind
    from dealmaker.storage.models import Meeting, Pledge

    made = make_deal(workspace)
    book = build_book(workspace, made.deal_id, 2025, today=TODAY)
    assert [r[7:] for r in book.table("Financiën").rows] == [(None, None)] * 4  # no overleg
    with workspace.uow("Overleg") as u:
        u.session.add(Meeting(deal_id=made.deal_id, kind=MeetingKind.RIJK_REGIO_OVERLEG,
                              held_on=date.today() - timedelta(days=1), title="Overleg"))
        u.commit()
    book = build_book(workspace, made.deal_id, 2025, today=TODAY)
    rows = book.table("Financiën").rows
    assert [r[5] for r in rows] == [r[7] for r in rows]  # all made after that overleg
    summary = {line.label: line.value for line in book.summary.lines}
    assert summary["Bijdragen gewijzigd sinds dat overleg"] == 4
    assert summary["Vorig Rijk-regio overleg"] == date.today() - timedelta(days=1)
    with workspace.read() as s:
        pledges = s.scalars(select(Pledge).where(Pledge.deal_id == made.deal_id)).all()
    assert len(pledges) == 4
