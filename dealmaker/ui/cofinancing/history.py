"""The history of a pledge's amounts in its editor: when, which amount, from what to what,
the source document then, and the operation (the journal's name for the edit)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from dealmaker.domain.dates import format_date
from dealmaker.domain.money import format_eur
from dealmaker.services.pledge_history import PledgeChange

CONTEXT = "cofinancing"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def history_table() -> QTableWidget:
    t = QTableWidget(0, 5)
    t.setObjectName("pledgeHistory")
    t.setHorizontalHeaderLabels([_t("Datum"), _t("Bedrag"), _t("Van"), _t("Naar"),
                                 _t("Bron")])
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setWordWrap(False)
    t.verticalHeader().hide()
    header = t.horizontalHeader()
    for c in range(4):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
    return t


def show_history(t: QTableWidget, changes: Sequence[PledgeChange]) -> None:
    """Newest first; a pledge made from a bulk import or demo has no earlier lines."""
    rows = list(reversed(changes))
    t.setRowCount(len(rows))
    for r, c in enumerate(rows):
        what = _t("Toegezegd") if c.field == "pledged_cents" else _t("Gerealiseerd")
        values = (format_date(c.at.astimezone().date()), what,
                  _t("(nieuw)") if c.old is None else format_eur(c.old), format_eur(c.new),
                  c.source)
        for col, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setToolTip(f"{c.operation} · {c.at.astimezone():%d-%m-%Y %H:%M}")
            if col in (2, 3):
                item.setTextAlignment(_RIGHT)
            t.setItem(r, col, item)
