"""The portfolio table: one row per deal (tens of rows: held in full), sorted on typed
values by ``PortfolioProxy``, which also filters on name, tranche and rule breaches."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from dealmaker.domain.dates import format_date
from dealmaker.domain.money import format_eur, format_eur_short
from dealmaker.services.deals.portfolio import PortfolioRow
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP
from dealmaker.ui.shell.table_model import ATTENTION, AttentionRole, ObjectRole, SortRole

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "deals"
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

Value = str | int | Decimal | date | None


def _pct(v: Decimal | None) -> str:
    return "" if v is None else f"{v:.1f}".replace(".", ",") + "%"


def _rules(r: PortfolioRow) -> str:
    if r.rijk is None:
        return QCoreApplication.translate(CONTEXT, "onbekend")
    n = len(r.broken)
    return (QCoreApplication.translate(CONTEXT, "in orde") if n == 0 else
            QCoreApplication.translate(CONTEXT, "{n} gebroken").format(n=n))


#: (header, display, sort value, numeric)
COLUMNS: tuple[tuple[str, Callable[[PortfolioRow], str], Callable[[PortfolioRow], Value],
                     bool], ...] = (
    (QT_TRANSLATE_NOOP(CONTEXT, "Deal"), lambda r: r.name, lambda r: r.name.casefold(), False),
    (QT_TRANSLATE_NOOP(CONTEXT, "Tr."), lambda r: r.tranche, lambda r: r.tranche, False),
    (QT_TRANSLATE_NOOP(CONTEXT, "Fase"), lambda r: r.phase.label, lambda r: r.phase.label,
     False),
    (QT_TRANSLATE_NOOP(CONTEXT, "Rijk"), lambda r: format_eur_short(r.rijk),
     lambda r: r.rijk, True),
    (QT_TRANSLATE_NOOP(CONTEXT, "Publiek"), lambda r: format_eur_short(r.split.public),
     lambda r: r.split.public, True),
    (QT_TRANSLATE_NOOP(CONTEXT, "Privaat"), lambda r: format_eur_short(r.split.private),
     lambda r: r.split.private, True),
    (QT_TRANSLATE_NOOP(CONTEXT, "Natura"), lambda r: format_eur_short(r.split.in_natura),
     lambda r: r.split.in_natura, True),
    (QT_TRANSLATE_NOOP(CONTEXT, "Rijk %"), lambda r: _pct(r.share), lambda r: r.share,
     True),
    (QT_TRANSLATE_NOOP(CONTEXT, "Regels"), _rules, lambda r: len(r.broken), False),
    (QT_TRANSLATE_NOOP(CONTEXT, "Open"), lambda r: str(r.open_commitments),
     lambda r: r.open_commitments, True),
    (QT_TRANSLATE_NOOP(CONTEXT, "Verl."), lambda r: str(r.overdue_commitments),
     lambda r: r.overdue_commitments, True),
    (QT_TRANSLATE_NOOP(CONTEXT, "Overleg"), lambda r: format_date(r.last_overleg) + (
        f" ✎{r.changed_since_overleg}" if r.changed_since_overleg else ""),
     lambda r: r.last_overleg, False),
)
NAME, TRANCHE, PHASE, RIJK, PUBLIC, PRIVATE, NATURA, SHARE, RULES, OPEN, OVERDUE, OVERLEG = \
    range(len(COLUMNS))
#: column widths in average characters (the name takes the spare room)
WIDTHS = (18, 3, 10, 11, 11, 11, 11, 7, 10, 4, 4, 14)
HEADER_TIPS = {
    TRANCHE: QT_TRANSLATE_NOOP(CONTEXT, "Tranche"),
    RIJK: QT_TRANSLATE_NOOP(CONTEXT, "Rijksbijdrage: toegekend, anders aangevraagd"),
    PUBLIC: QT_TRANSLATE_NOOP(CONTEXT, "Regionale publieke cofinanciering in cash, toegezegd"),
    PRIVATE: QT_TRANSLATE_NOOP(CONTEXT, "Private cofinanciering in cash, toegezegd"),
    NATURA: QT_TRANSLATE_NOOP(CONTEXT, "Regionale bijdragen in natura, toegezegd"),
    SHARE: QT_TRANSLATE_NOOP(CONTEXT, "Rijksaandeel van de hele deal (hoogstens 50%)"),
    RULES: QT_TRANSLATE_NOOP(CONTEXT, "Cofinancieringsregels; de tooltip legt uit wat er "
                                      "niet klopt"),
    OPEN: QT_TRANSLATE_NOOP(CONTEXT, "Open toezeggingen"),
    OVERDUE: QT_TRANSLATE_NOOP(CONTEXT, "Verlopen open toezeggingen"),
    OVERLEG: QT_TRANSLATE_NOOP(CONTEXT, "Laatste Rijk-regio overleg; ✎n: n bijdragen "
                                        "gewijzigd sinds dat overleg"),
}
_MONEY = {RIJK: lambda r: r.rijk, PUBLIC: lambda r: r.split.public,
          PRIVATE: lambda r: r.split.private, NATURA: lambda r: r.split.in_natura}


class PortfolioModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PortfolioRow] = []

    def set_rows(self, rows: list[PortfolioRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PortfolioRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def _attention(self, r: PortfolioRow, col: int) -> bool:
        codes = {c.code for c in r.broken}
        return ((col == RULES and bool(codes)) or (col == SHARE and "rijk_share" in codes)
                or (col == RIJK and bool(codes & {"rijk_min", "rijk_max"}))
                or (col == OVERDUE and r.overdue_commitments > 0))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        _label, show, sort, numeric = COLUMNS[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return show(r)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in _MONEY:
                return format_eur(_MONEY[col](r)) or None
            if col == RULES:
                return "\n".join(c.explanation for c in r.checks if not c.kept) or None
            if col == OVERLEG and r.changed_since_overleg:
                return QCoreApplication.translate(
                    CONTEXT, "{n} bijdragen gewijzigd sinds dit overleg (dubbelklik: "
                             "Cofinanciering)").format(n=r.changed_since_overleg)
            return show(r) or None
        if role == SortRole:
            return sort(r)
        if role == ObjectRole:
            return r.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if numeric else _LEFT
        if role == AttentionRole:
            return self._attention(r, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            return ATTENTION if self._attention(r, col) else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, COLUMNS[section][0])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if COLUMNS[section][3] else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole and section in HEADER_TIPS:
            return QCoreApplication.translate(CONTEXT, HEADER_TIPS[section])
        return None


class PortfolioProxy(QSortFilterProxyModel):
    """Typed sort (empty values last); filter on name, tranche and 'only breaches'."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.tranche: str | None = None
        self.only_broken = False

    def set_filter(self, text: str, tranche: str | None, only_broken: bool) -> None:
        self.beginFilterChange()
        self.text, self.tranche, self.only_broken = text.strip().casefold(), tranche, \
            only_broken
        self.endFilterChange()

    def source(self) -> PortfolioModel:
        model = self.sourceModel()
        assert isinstance(model, PortfolioModel)
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        r = self.source().row_at(source_row)
        return ((not self.text or self.text in r.name.casefold())
                and (self.tranche is None or r.tranche == self.tranche)
                and (not self.only_broken or bool(r.broken)))

    def lessThan(self, left: Index, right: Index) -> bool:
        sort = COLUMNS[left.column()][2]
        a = sort(self.source().row_at(left.row()))
        b = sort(self.source().row_at(right.row()))
        if a is None or b is None:
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return (a is None and b is not None) if descending else (a is not None and b is None)
        return bool(a < b)  # type: ignore[operator]
