"""The round trip: a returned overleg workbook compared with what it held when written.

``plan_return`` reads the file and the workspace (writes nothing) and returns every change
the region made to the fillable cells of Voortgang and Toezeggingen, or the refusals, cell
by cell: another workspace or deal, edited headers, a row from elsewhere, text where a
number belongs, a step the rules do not allow. ``apply_return`` writes the accepted
changes as one undoable operation, and only for a plan without refusals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.export.workbook.marker import ALL_DEALS, DEAL, DEAL_COLUMN, WORKSPACE, decode
from dealmaker.export.workbook.model import EURO, KEY, Column
from dealmaker.services.importing.xlsx_check import column_letters as get_column_letter
from dealmaker.services.workbook import cellvalues
from dealmaker.services.workbook.back_rows import (
    Cells,
    WorkbookChange,
    commitment_changes,
    measurement_changes,
)
from dealmaker.services.workbook.commitments import COLUMNS as TOEZEGGINGEN
from dealmaker.services.workbook.identity import workspace_identity
from dealmaker.services.workbook.monitoring import VOORTGANG
from dealmaker.services.workbook.readback import Refusal, Returned, read_returned
from dealmaker.storage.models import Commitment, Deal, Indicator
from dealmaker.storage.workspace import Workspace

Planner = Callable[[Session, str, str, Cells, date],
                   tuple[list[WorkbookChange], list[Refusal]]]
#: sheet -> (its columns, the record its key names, what a changed row asks)
SHEETS: dict[str, tuple[Sequence[Column], Any, Planner]] = {
    "Voortgang": (VOORTGANG, Indicator, measurement_changes),
    "Toezeggingen": (TOEZEGGINGEN, Commitment, commitment_changes),
}


@dataclass
class ReturnPlan:
    path: Path
    #: the workbook's deal (name), or None for the portfolio
    deal: str | None = None
    changes: list[WorkbookChange] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not self.changes and not self.refusals


def plan_return(ws: Workspace, path: Path, *, deal_id: str | None = None,
                today: date | None = None) -> ReturnPlan:
    """What the returned workbook at ``path`` would change; reads only. ``deal_id``: the
    deal the user expects (refused when the workbook belongs to another). Raises
    ``WorkbookRefused`` for a file this app did not write."""
    today = today or date.today()
    returned = read_returned(Path(path))
    plan = ReturnPlan(Path(path))
    with ws.read() as s:
        if not _same_source(s, returned, deal_id, plan):
            return plan
        for sheet, (columns, record, planner) in SHEETS.items():
            _plan_sheet(s, returned, sheet, columns, record, planner, today, plan)
    return plan


def _same_source(s: Session, returned: Returned, deal_id: str | None,
                 plan: ReturnPlan) -> bool:
    ws_id, ws_cell = returned.identity.get(WORKSPACE, ("", "B2"))
    if ws_id != workspace_identity(s):
        plan.refusals.append(Refusal("dealmaker", ws_cell, (
            "deze werkmap komt uit een andere werkruimte; lees haar in in de werkruimte "
            "waaruit zij is gemaakt")))
        return False
    wanted, deal_cell = returned.identity.get(DEAL, ("", "B3"))
    if wanted == ALL_DEALS:
        if deal_id is not None:
            plan.refusals.append(Refusal("dealmaker", deal_cell, (
                "dit is de portefeuillewerkmap van alle deals, niet die van "
                f"'{_deal_name(s, deal_id)}'")))
        return deal_id is None
    name = s.scalar(select(Deal.name).where(Deal.id == wanted, Deal.deleted_at.is_(None)))
    if name is None:
        plan.refusals.append(Refusal("dealmaker", deal_cell,
                                     "de deal van deze werkmap bestaat niet (meer)"))
        return False
    plan.deal = name
    if deal_id is not None and deal_id != wanted:
        plan.refusals.append(Refusal("dealmaker", deal_cell, (
            f"deze werkmap hoort bij deal '{name}', niet bij '{_deal_name(s, deal_id)}'")))
        return False
    return True


def _deal_name(s: Session, deal_id: str) -> str:
    return str(s.scalar(select(Deal.name).where(Deal.id == deal_id)) or "?")


def _plan_sheet(s: Session, returned: Returned, sheet: str, columns: Sequence[Column],
                record: Any, planner: Planner, today: date, plan: ReturnPlan) -> None:
    found = returned.sheets[sheet]
    headers = [c.header for c in columns]
    bad = [Refusal(sheet, f"{get_column_letter(i + 1)}1",
                   f"kop '{cellvalues.text(got) or ''}' is gewijzigd (verwacht '{want}')")
           for i, (want, got) in enumerate(zip(headers, _padded(found.headers, headers),
                                               strict=True))
           if cellvalues.text(got) != want]
    if bad:
        plan.refusals += bad
        return
    key_at = next(i for i, c in enumerate(columns) if c.kind == KEY)
    deal_at = headers.index(DEAL_COLUMN)
    seen: set[str] = set()
    for n, raw in found.rows:
        values = _padded(list(raw), headers)
        key = cellvalues.text(values[key_at])
        if key is None:
            continue  # a blank row, the notes below the table
        key_cell = f"{get_column_letter(key_at + 1)}{n}"
        written = returned.snapshot.get((sheet, key))
        if written is None or key in seen:
            plan.refusals.append(Refusal(sheet, key_cell, _stranger(s, record, key, seen)))
            continue
        seen.add(key)
        if cellvalues.text(values[deal_at]) != written.get(DEAL_COLUMN):
            plan.refusals.append(Refusal(sheet, f"A{n}", (
                f"de deal is gewijzigd in '{cellvalues.text(values[deal_at]) or ''}' "
                f"(was '{written.get(DEAL_COLUMN)}')")))
            continue
        cells = _cells(sheet, columns, values, written, n, plan)
        if cells is not None and any(old != new for _, old, new in cells.values()):
            changes, refusals = planner(s, key, str(written.get(DEAL_COLUMN)), cells, today)
            plan.changes += changes
            plan.refusals += refusals


def _padded(values: list[Any], headers: list[str]) -> list[Any]:
    return (values + [None] * len(headers))[:len(headers)]


def _stranger(s: Session, record: Any, key: str, seen: set[str]) -> str:
    if key in seen:
        return "deze rij staat twee keer in het blad"
    owner = s.scalar(select(Deal.name).join(record, record.deal_id == Deal.id)
                     .where(record.id == key)) if _is_uuid(key) else None
    if owner is not None:
        return f"deze rij hoort bij een andere deal ('{owner}') en niet bij deze werkmap"
    return "onbekende rij: de verborgen sleutel is gewijzigd of de rij komt uit een andere werkmap"


def _is_uuid(text: str) -> bool:
    import uuid

    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _cells(sheet: str, columns: Sequence[Column], values: list[Any],
           written: dict[str, Any], n: int, plan: ReturnPlan) -> Cells | None:
    """header -> (cell, value as written, value now) of the fillable cells; None (and
    refusals) when a cell cannot be read."""
    cells: Cells = {}
    ok = True
    for i, col in enumerate(columns):
        if not col.editable:
            continue
        ref = f"{get_column_letter(i + 1)}{n}"
        try:
            if col.header == "Status":
                now: Any = cellvalues.state(values[i])
                old: Any = cellvalues.state(written.get(col.header))
            else:
                now = cellvalues.read(col.kind, values[i])
                old = decode(col.kind, written.get(col.header))
                if col.kind == EURO and old is not None:
                    old = int(old * 100)
        except cellvalues.CellRefused as exc:
            plan.refusals.append(Refusal(sheet, ref, str(exc)))
            ok = False
            continue
        cells[col.header] = (ref, old, now)
    return cells if ok else None
