"""Column widths that never cut a header: each column's floor is its header text (with
the margins and the sort arrow); the cell texts elide instead (their tooltip shows all).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QTableView

#: when short of room the main column gives way down to this width (after the others)
MAIN_FLOOR = 160
#: room beside a header's text for the margins and the sort arrow
HEADER_PADDING = 28


def squeeze(widths: list[int], main: list[int], available: int,
            floors: list[int], main_floor: int = MAIN_FLOOR, *,
            main_first: bool = False) -> list[int]:
    """Widths for ``available`` pixels: spare room to the ``main`` columns; when short, the
    widest other columns shrink first, then the main ones (``main_first``: the other way
    round, for a long text beside short facts like dates), never below ``floors`` (the
    header's own text): cell texts elide (the tooltip has them), a header never does."""
    out = list(widths)
    spare = available - sum(out)
    if spare >= 0:
        for i in main:
            out[i] += spare // max(1, len(main))
        return out
    steps = [([i for i in range(len(out)) if i not in main], 0), (main, main_floor)]
    for which, least in (steps[::-1] if main_first else steps):
        while sum(out) > available:
            open_ = [i for i in which if out[i] > max(floors[i], least)]
            if not open_:
                break
            widest = max(open_, key=lambda i: out[i])
            out[widest] = max(floors[widest], least, out[widest] - 4)
    return out


def header_floors(view: QTableView) -> list[int]:
    """Per column: the width its header text needs (margins and sort arrow included)."""
    header = view.horizontalHeader()
    model = view.model()
    metrics = header.fontMetrics()
    return [metrics.horizontalAdvance(str(model.headerData(i, Qt.Orientation.Horizontal)))
            + HEADER_PADDING for i in range(model.columnCount())]


#: slack beside a form label: text measured to the pixel is drawn a pixel wider by some
#: fonts and platforms, and lost its last letter ("Tussenvoegse")
LABEL_SLACK = 6


def pad_form_labels(form: QFormLayout) -> None:
    """Give every label of ``form`` a little more than its text needs."""
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setMinimumWidth(widget.sizeHint().width() + LABEL_SLACK)
