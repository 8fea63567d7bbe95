"""Dossier tabs that list records read when the tab is first shown: contact moments,
meetings and indicators. Enter or a double-click on a row asks for its record
(``opened``); the dossier opens it through ``context.commands``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from dealmaker.domain.dates import format_date
from dealmaker.services.deals.dossier_lists import IndicatorLine, MeetingLine, Moments
from dealmaker.services.overview.common import format_decimal
from dealmaker.ui.deals.dossier_tabs import fill_table, table
from dealmaker.ui.shell.open_rows import connect_open
from dealmaker.ui.shell.table_model import ObjectRole


def _t(text: str) -> str:
    return QCoreApplication.translate("deals", text)


class RecordList(QWidget):
    #: The user asked for the record of a row (its id).
    opened = Signal(str)

    def __init__(self, name: str, headers: Sequence[str], right: Sequence[int] = (),
                 parent: Any = None, *, stretch: Sequence[int] = (0,)) -> None:
        """``stretch``: the columns that share the spare width; the others fit their
        contents (dates, amounts and short labels are never elided)."""
        super().__init__(parent)
        self._right = tuple(right)
        self.note = QLabel(_t("Laden…"))
        self.note.setObjectName("emptyText")
        self.note.setWordWrap(True)
        self.table = table(name, headers, ())
        header = self.table.horizontalHeader()
        for c in range(len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c in stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
        connect_open(self.table, self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def show_rows(self, rows: Sequence[Sequence[str]], ids: Sequence[str], note: str = "",
                  attention: Sequence[int] = ()) -> None:
        fill_table(self.table, rows, ids, attention, self._right)
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def show_error(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def _open(self, index: QModelIndex) -> None:
        item = self.table.item(index.row(), 0) if index.isValid() else None
        if item is not None and item.data(ObjectRole):
            self.opened.emit(item.data(ObjectRole))


def moments_list() -> RecordList:
    return RecordList("dealMoments", (_t("Samenvatting"), _t("Datum"), _t("Soort"),
                                      _t("Deelnemers")), stretch=(0, 3))


def show_moments(view: RecordList, moments: Moments) -> None:
    rows = [((m.summary.splitlines() or [""])[0], format_date(m.occurred_on), m.kind.label,
             m.participants) for m in moments.rows]
    note = "" if moments.total <= len(rows) else _t(
        "De nieuwste {n} van {total} contactmomenten.").format(n=len(rows), total=moments.total)
    if not rows:
        note = _t("Nog geen contactmomenten bij deze deal.")
    view.show_rows(rows, [m.id for m in moments.rows], note)


def meetings_list() -> RecordList:
    return RecordList("dealMeetings", (_t("Overleg"), _t("Datum"), _t("Soort"),
                                       _t("Besluiten")), stretch=(0, 3))


def show_meetings(view: RecordList, meetings: Sequence[MeetingLine]) -> None:
    rows = [(m.title or m.kind.label, format_date(m.held_on), m.kind.label,
             (m.decisions.splitlines() or [""])[0]) for m in meetings]
    view.show_rows(rows, [m.id for m in meetings],
                   "" if rows else _t("Nog geen overleggen bij deze deal."))


def indicators_list() -> RecordList:
    return RecordList("dealIndicators", (_t("Indicator"), _t("Niveau"), _t("Nulmeting"),
                                         _t("Laatste meting"), _t("Streefwaarde")),
                      right=(2, 3, 4))


def _value(value: Any, unit: str) -> str:
    return f"{format_decimal(value)} {unit}".strip() if value is not None else ""


def show_indicators(view: RecordList, indicators: Sequence[IndicatorLine]) -> None:
    rows = [(i.name, i.level.label, _value(i.baseline, i.unit),
             (_value(i.latest, i.unit) + f" ({format_date(i.latest_on)})")
             if i.latest is not None else "",
             _value(i.target, i.unit)) for i in indicators]
    view.show_rows(rows, [i.id for i in indicators],
                   _t("De metingen en de voortgang staan onder Monitoring.") if rows else
                   _t("Nog geen indicatoren bij deze deal."))
