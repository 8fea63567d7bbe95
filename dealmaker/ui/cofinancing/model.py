"""The ledger table: the matching pledges (held in full; a few thousand at most)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from dealmaker.domain.money import format_eur, format_eur_short
from dealmaker.services.cofinancing import LedgerRow
from dealmaker.services.pledge_history import PledgeDelta
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP
from dealmaker.ui.shell.table_model import ATTENTION, ObjectRole, SortRole

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "cofinancing"
DEAL, PARTY, YEAR, SECTOR, FORM, PLEDGED, REALISED, SINCE, NOTE = range(9)
HEADERS = (QT_TRANSLATE_NOOP(CONTEXT, "Deal"), QT_TRANSLATE_NOOP(CONTEXT, "Partij"),
           QT_TRANSLATE_NOOP(CONTEXT, "Jaar"), QT_TRANSLATE_NOOP(CONTEXT, "Sector"),
           QT_TRANSLATE_NOOP(CONTEXT, "Vorm"), QT_TRANSLATE_NOOP(CONTEXT, "Toegezegd"),
           QT_TRANSLATE_NOOP(CONTEXT, "Gerealiseerd"),
           QT_TRANSLATE_NOOP(CONTEXT, "Sinds overleg"), QT_TRANSLATE_NOOP(CONTEXT, "Bron"))
WIDTHS = (16, 22, 5, 8, 9, 11, 11, 11, 16)
NUMERIC = {YEAR, PLEDGED, REALISED, SINCE}


def _delta(d: PledgeDelta | None) -> str:
    """The change of the pledged amount since the last overleg: "+ € 0,5 mln", "nieuw"."""
    if d is None:
        return ""
    if d.new:
        return QCoreApplication.translate(CONTEXT, "nieuw")
    change = d.pledged_delta or d.realised_delta
    sign = "+" if change > 0 else "−"
    text = f"{sign} {format_eur_short(abs(change))}"
    return text if d.pledged_delta else text + QCoreApplication.translate(CONTEXT, " real.")


def delta_tip(d: PledgeDelta) -> str:
    return QCoreApplication.translate(
        CONTEXT, "Bij het laatste overleg: toegezegd {p0}, gerealiseerd {r0}\n"
                 "Nu: toegezegd {p1}, gerealiseerd {r1}").format(
        p0=format_eur(d.pledged_then), r0=format_eur(d.realised_then),
        p1=format_eur(d.pledged_now), r1=format_eur(d.realised_now))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class LedgerModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[LedgerRow, ...] = ()
        self._since: dict[str, PledgeDelta] = {}

    def set_rows(self, rows: tuple[LedgerRow, ...],
                 since: dict[str, PledgeDelta] | None = None) -> None:
        self.beginResetModel()
        self._rows = rows
        self._since = dict(since or {})
        self.endResetModel()

    def row_at(self, row: int) -> LedgerRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def _values(self, r: LedgerRow) -> tuple[str, ...]:
        return (r.deal, r.organisation, str(r.year), r.sector.label, r.form.label,
                format_eur_short(r.pledged_cents), format_eur_short(r.realised_cents),
                _delta(self._since.get(r.id)), r.note)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        over = col == REALISED and r.realised_cents > r.pledged_cents
        if role == Qt.ItemDataRole.DisplayRole:
            return self._values(r)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == PLEDGED:
                return format_eur(r.pledged_cents)
            if col == SINCE and r.id in self._since:
                return delta_tip(self._since[r.id])
            if col == REALISED:
                text = format_eur(r.realised_cents)
                return text + (QCoreApplication.translate(CONTEXT, " (meer dan toegezegd)")
                               if over else "")
            return self._values(r)[col] or None
        if role == SortRole:
            if col == SINCE:
                found = self._since.get(r.id)
                return found.pledged_delta if found is not None else 0
            return (r.pledged_cents if col == PLEDGED else r.realised_cents if col == REALISED
                    else r.year if col == YEAR else self._values(r)[col].casefold())
        if role == ObjectRole:
            return r.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col in NUMERIC else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole and over:
            return ATTENTION
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in NUMERIC else _LEFT
        return None
