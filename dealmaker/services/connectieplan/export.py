"""Writing one deal's plan to a file: .svg and .xlsx here (Qt-free); .png and .pdf are
drawn by the window's canvas (``ui.connectieplan.render``). The file appears whole or not
at all: it is written beside the target and moved into place."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from dealmaker.services.connectieplan.drawing import PlanDrawing, draw_plan
from dealmaker.services.connectieplan.load import find_deal
from dealmaker.storage.workspace import Workspace

FORMATS = (".png", ".svg", ".pdf", ".xlsx")
#: formats written without Qt
PLAIN = (".svg", ".xlsx")


class PlanExportError(ValueError):
    """One Dutch line: an unknown format, deal or folder."""


def check_target(out: Path) -> str:
    """The format (suffix) of ``out``, or PlanExportError."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise PlanExportError(f"{out}: onbekend formaat '{out.suffix or '(geen)'}'; kies "
                              ".png, .svg, .pdf of .xlsx. Er is niets geschreven.")
    if not out.parent.is_dir():
        raise PlanExportError(f"De map {out.parent} bestaat niet; er is niets geschreven.")
    return suffix


def drawing_of(ws: Workspace, deal_name: str) -> PlanDrawing:
    deal = find_deal(ws, deal_name)
    if deal is None:
        raise PlanExportError(f"Er is geen deal '{deal_name}' in deze werkruimte; "
                              "er is niets geschreven.")
    return draw_plan(ws, deal.id)


def write_whole(out: Path, write: Callable[[Path], None]) -> None:
    """``write(tmp)`` beside ``out``, then move it into place (nothing left on failure)."""
    tmp = out.with_name(f".{out.stem}.schrijven{out.suffix}")  # the suffix tells the format
    try:
        write(tmp)
        os.chmod(tmp, 0o600)  # names of people: the user's alone
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


def write_plain(drawing: PlanDrawing, out: Path) -> None:
    from dealmaker.services.connectieplan.svg import write_svg
    from dealmaker.services.connectieplan.workbook import write_workbook

    if out.suffix.lower() == ".svg":
        write_whole(out, lambda tmp: write_svg(drawing, tmp))
    else:
        write_whole(out, lambda tmp: write_workbook(drawing.plan, tmp))
