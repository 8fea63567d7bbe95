"""The round trip: the region fills in Voortgang and Toezeggingen and sends it back."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from dealmaker.__main__ import main
from dealmaker.domain.enums import CommitmentState
from dealmaker.services.undo import undo
from dealmaker.services.workbook import write_overleg
from dealmaker.services.workbook.apply import ReturnRefused, apply_return
from dealmaker.services.workbook.readback import WorkbookRefused
from dealmaker.services.workbook.roundtrip import plan_return
from dealmaker.storage.models import Commitment, Measurement, Operation
from dealmaker.storage.workspace import Workspace, open_workspace
from workbook.kit import make_deal

TODAY = date(2026, 12, 4)


def exported(ws: Workspace, tmp_path: Path, name: str = "o.xlsx") -> tuple[str, Path]:
    made = make_deal(ws)
    return made.deal_id, write_overleg(ws, made.deal_id, 2025, tmp_path / name, today=TODAY)


def edit(path: Path, change: Callable[[Any], None], to: Path | None = None) -> Path:
    from openpyxl import load_workbook

    book = load_workbook(path)
    change(book)
    book.save(to or path)
    return to or path


def row_of(sheet: Any, subject: str) -> int:
    return next(r[0].row for r in sheet.iter_rows(min_row=2) if r[1].value == subject)


def operations(ws: Workspace) -> int:
    with ws.read() as s:
        return int(s.scalar(select(func.count()).select_from(Operation)) or 0)


def refusals(ws: Workspace, path: Path, **kw: Any) -> list[str]:
    plan = plan_return(ws, path, **kw)
    assert not plan.changes or plan.refusals
    return [str(r) for r in plan.refusals]


def test_unchanged_workbook_is_no_changes(workspace: Workspace, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    _, path = exported(workspace, tmp_path)
    assert plan_return(workspace, path).unchanged
    sorted_copy = edit(path, lambda b: b["Toezeggingen"].move_range("A2:M2", rows=20),
                       tmp_path / "verschoven.xlsx")  # rows are found by key, not place
    assert plan_return(workspace, sorted_copy).unchanged
    workspace.close()
    assert main(["import-workbook", "--db", str(workspace.path), str(path)]) == 0
    assert "geen wijzigingen" in capsys.readouterr().out


def _fill_in(book: Any) -> None:
    v = book["Voortgang"]
    n = row_of(v, "Banen")
    v[f"K{n}"], v[f"L{n}"], v[f"Q{n}"] = 170, date(2025, 6, 1), "+10 na de zomer"
    t = book["Toezeggingen"]
    n = row_of(t, "+Subsidie aanvragen")
    t[f"I{n}"], t[f"J{n}"], t[f"K{n}"] = "Bevestigd", "01-11-2026", "per brief"
    t[f"G{n}"] = "2,5 mln"  # money typed as text: parse_eur


def test_changes_are_listed_applied_as_one_step_and_undone(workspace: Workspace,
                                                           tmp_path: Path) -> None:
    _deal_id, path = exported(workspace, tmp_path)
    edit(path, _fill_in)
    plan = plan_return(workspace, path)
    assert plan.refusals == [] and plan.deal == "=Regio Deal Kanaalzone"
    assert sorted((c.where, c.action) for c in plan.changes) == [
        ("Toezeggingen!G2", "bedrag"), ("Toezeggingen!I2", "status"),
        ("Voortgang!K2", "meting")]
    before = operations(workspace)
    apply_return(workspace, plan)
    assert operations(workspace) == before + 1
    with workspace.read() as s:
        c = s.scalars(select(Commitment).where(Commitment.title == "+Subsidie aanvragen")).one()
        assert (c.state, c.amount_cents) == (CommitmentState.BEVESTIGD, 250_000_000)
        m = s.scalars(select(Measurement).where(Measurement.measured_on == date(2025, 6, 1))
                      ).one()
        assert (m.value, m.note) == (Decimal("170"), "+10 na de zomer")
    assert plan_return(workspace, path).unchanged  # imported twice: nothing new
    undo(workspace)
    with workspace.read() as s:
        c = s.scalars(select(Commitment).where(Commitment.title == "+Subsidie aanvragen")).one()
        assert (c.state, c.amount_cents) == (CommitmentState.AFGESPROKEN, 12_34)
        assert s.scalars(select(Measurement).where(
            Measurement.measured_on == date(2025, 6, 1), Measurement.deleted_at.is_(None))
        ).first() is None


def test_cli_lists_then_applies(workspace_path: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    with open_workspace(workspace_path) as ws:
        _, path = exported(ws, tmp_path)
    edit(path, _fill_in)
    assert main(["import-workbook", "--db", str(workspace_path), str(path)]) == 0
    out = capsys.readouterr().out
    assert "3 wijzigingen" in out and "Voortgang!K2" in out and "Niets geschreven" in out
    assert main(["import-workbook", "--db", str(workspace_path), str(path), "--apply"]) == 0
    assert "3 wijzigingen geschreven" in capsys.readouterr().out
    assert main(["import-workbook", "--db", str(workspace_path), str(path)]) == 0
    assert "geen wijzigingen" in capsys.readouterr().out


def test_correction_of_the_latest_measurement_on_the_same_date(workspace: Workspace,
                                                               tmp_path: Path) -> None:
    _, path = exported(workspace, tmp_path)

    def correct(book: Any) -> None:
        v = book["Voortgang"]
        v[f"K{row_of(v, 'Banen')}"] = 161.25

    edit(path, correct)
    [change] = plan_return(workspace, path).changes
    assert change.action == "correctie" and "160,5 → 161,25" in change.what


def test_refusals_name_sheet_and_cell_and_nothing_is_written(
        workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, path = exported(workspace, tmp_path)

    def spoil(book: Any) -> None:
        v = book["Voortgang"]
        v[f"K{row_of(v, 'Banen')}"] = "veel"
        t = book["Toezeggingen"]
        t[f"I{row_of(t, 'Rapport')}"] = "concept"  # nagekomen is final
        t[f"G{row_of(t, '+Subsidie aanvragen')}"] = "2,5 mjn"

    edit(path, spoil)
    found = refusals(workspace, path)
    assert "Voortgang!K2: tekst waar een getal hoort ('veel')" in found
    assert any(r.startswith("Toezeggingen!I3: 'Nagekomen' is een eindtoestand") for r in found)
    assert any(r.startswith("Toezeggingen!G2: Ongeldig bedrag '2,5 mjn'") for r in found)
    before = operations(workspace)
    with pytest.raises(ReturnRefused):
        apply_return(workspace, plan_return(workspace, path))
    workspace.close()
    assert main(["import-workbook", "--db", str(workspace.path), str(path), "--apply"]) == 1
    err = capsys.readouterr()
    assert "Voortgang!K2: tekst waar een getal hoort" in err.out and "ongewijzigd" in err.err
    with open_workspace(workspace.path) as ws:
        assert operations(ws) == before


def test_edited_header_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    _, path = exported(workspace, tmp_path)
    edit(path, lambda b: b["Voortgang"].cell(1, 5, "Dimensie (aangepast)"))
    assert refusals(workspace, path) == [
        "Voortgang!E1: kop 'Dimensie (aangepast)' is gewijzigd (verwacht 'Dimensie')"]


def test_rows_of_another_deal_are_refused(workspace: Workspace, tmp_path: Path) -> None:
    deal_id, path = exported(workspace, tmp_path)
    _other_id, other = exported(workspace, tmp_path, "ander.xlsx")
    from openpyxl import load_workbook

    stranger = load_workbook(other)["Toezeggingen"]["M2"].value

    def paste(book: Any) -> None:
        book["Toezeggingen"]["M2"] = stranger

    edit(path, paste)
    assert refusals(workspace, path) == [
        "Toezeggingen!M2: deze rij hoort bij een andere deal ('=Regio Deal Kanaalzone') "
        "en niet bij deze werkmap"]
    assert refusals(workspace, other, deal_id=deal_id) == [
        "dealmaker!B3: deze werkmap hoort bij deal '=Regio Deal Kanaalzone', niet bij "
        "'=Regio Deal Kanaalzone'"]


def test_workbook_of_another_workspace_is_refused(workspace: Workspace, tmp_path: Path,
                                                  empty_template: Path) -> None:
    _, path = exported(workspace, tmp_path)
    other = tmp_path / "ander.dealmaker"
    shutil.copyfile(empty_template, other)
    with open_workspace(other) as ws:
        make_deal(ws)  # the same deal typed in again: still another workspace
        assert refusals(ws, path) == [
            "dealmaker!B2: deze werkmap komt uit een andere werkruimte; lees haar in in de "
            "werkruimte waaruit zij is gemaakt"]


def test_a_workbook_this_app_did_not_write_is_refused(workspace: Workspace,
                                                      tmp_path: Path) -> None:
    from openpyxl import Workbook

    _, path = exported(workspace, tmp_path)
    foreign = tmp_path / "vreemd.xlsx"
    book = Workbook()
    book.active.title = "Voortgang"
    book.save(foreign)
    with pytest.raises(WorkbookRefused, match="niet door dealmaker gemaakt"):
        plan_return(workspace, foreign)
    stripped = edit(path, lambda b: b.remove(b["dealmaker"]), tmp_path / "zonder.xlsx")
    with pytest.raises(WorkbookRefused, match="verborgen blad 'dealmaker' ontbreekt"):
        plan_return(workspace, stripped)
    (tmp_path / "tekst.xlsx").write_text("geen zip")
    with pytest.raises(WorkbookRefused, match="geen geldig Excel-bestand"):
        plan_return(workspace, tmp_path / "tekst.xlsx")
