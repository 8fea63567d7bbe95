"""The Deals portfolio: all deals with their money, Rijk share, rule checks and open or
overdue commitments; sortable, filterable; Enter opens the dossier, Ctrl+N a new deal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.deals.portfolio import PortfolioRow, portfolio
from dealmaker.ui.deals.dossier import open_dossier
from dealmaker.ui.deals.drill import portfolio_menu
from dealmaker.ui.deals.explain import RulesExplanation
from dealmaker.ui.deals.portfolio_model import (
    NAME,
    NATURA,
    OPEN,
    OVERDUE,
    OVERLEG,
    PHASE,
    PRIVATE,
    PUBLIC,
    RIJK,
    RULES,
    SHARE,
    WIDTHS,
    PortfolioModel,
    PortfolioProxy,
)
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fitted_table import FittedTable
from dealmaker.ui.shell.new_key import claims_new
from dealmaker.ui.shell.open_rows import connect_open


class PortfolioView(QWidget):
    #: The portfolio shows fresh rows.
    rows_loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("portfolioView")
        self._context = context
        self._wanted: str | None = None
        self.model = PortfolioModel(self)
        self.proxy = PortfolioProxy(self)
        self.proxy.setSourceModel(self.model)
        title = QLabel(self.tr("Deals"))
        title.setObjectName("pageTitle")
        self.count = QLabel()
        self.count.setObjectName("dealCount")
        self.search = QLineEdit()
        self.search.setObjectName("dealSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Zoek een deal  (Ctrl+F)"))
        self.tranche = QComboBox()
        self.tranche.setObjectName("trancheFilter")
        self.tranche.setToolTip(self.tr("Tranche"))
        self.tranche.addItem(self.tr("Alle tranches"), None)
        self.broken = QCheckBox(self.tr("Alleen &buiten de regels"))
        self.broken.setObjectName("brokenFilter")
        self.new_button = QPushButton(self.tr("&Nieuwe deal…"))
        self.new_button.setObjectName("newDeal")
        self.new_button.setToolTip(self.tr("Een deal met zijn partijen vastleggen (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_deal)
        self.open_button = QPushButton(self.tr("Dossier &openen"))
        self.open_button.clicked.connect(self.open_selected)
        self.rules_button = QPushButton(self.tr("&Regels…"))
        self.rules_button.setObjectName("editRules")
        self.rules_button.setToolTip(self.tr("De cofinancieringsregels per tranche"))
        self.rules_button.clicked.connect(
            lambda: context.commands.edit_cofinancing_rules(self.window()))
        self.table = FittedTable("portfolioTable", WIDTHS, [NAME], optional=[OVERLEG, PHASE])
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.customContextMenuRequested.connect(self._context_menu)
        connect_open(self.table, self._open_index, on_double=self.drill_down)

        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.tranche)
        tools.addWidget(self.broken)
        tools.addWidget(self.rules_button)
        tools.addWidget(self.open_button)
        tools.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        self.search.textChanged.connect(self._filter)
        self.tranche.currentIndexChanged.connect(self._filter)
        self.broken.toggled.connect(self._filter)
        for widget in (self.table, self.search):
            widget.installEventFilter(self)

    def reload(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        self._context.tasks.run(portfolio, ws, on_done=self._set_rows,
                                on_error=lambda exc: self._context.signals.status_message
                                .emit(str(exc)))

    def _set_rows(self, rows: list[PortfolioRow]) -> None:
        current = self.tranche.currentData()
        self.tranche.blockSignals(True)
        self.tranche.clear()
        self.tranche.addItem(self.tr("Alle tranches"), None)
        for t in sorted({r.tranche for r in rows if r.tranche}):
            self.tranche.addItem(self.tr("Tranche {t}").format(t=t), t)
        self.tranche.setCurrentIndex(max(self.tranche.findData(current), 0))
        self.tranche.blockSignals(False)
        self.model.set_rows(rows)
        self._filter()
        if self._wanted is not None:
            self.select(self._wanted)
        self.rows_loaded.emit()

    def tranches(self) -> list[str]:
        """The tranches of the deals shown."""
        return sorted({self.model.row_at(r).tranche for r in range(self.model.rowCount())}
                      - {""})

    def _filter(self) -> None:
        self.proxy.set_filter(self.search.text(), self.tranche.currentData(),
                              self.broken.isChecked())
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        broken = sum(1 for r in range(total) if self.model.row_at(r).broken)
        text = self.tr("{n} deals").format(n=total) if shown == total else \
            self.tr("{n} van {all} deals").format(n=shown, all=total)
        self.count.setText(text + self.tr(" · {k} buiten de regels").format(k=broken))

    def select(self, deal_id: str) -> None:
        """Select the deal's row (clearing filters that hide it); once loaded if need be."""
        self._wanted = deal_id
        for r in range(self.model.rowCount()):
            if self.model.row_at(r).id == deal_id:
                index = self.proxy.mapFromSource(self.model.index(r, 0))
                if not index.isValid():
                    self.search.clear()
                    self.broken.setChecked(False)
                    self.tranche.setCurrentIndex(0)
                    index = self.proxy.mapFromSource(self.model.index(r, 0))
                self.table.selectRow(index.row())
                self.table.scrollTo(index)
                self.table.setFocus()
                self._wanted = None
                return

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row()).id

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectRow(index.row())
            self.open_selected()

    def drill_down(self, index: QModelIndex) -> None:
        """A double-click opens what a figure stands for: the explained rules, the
        commitments in the register, the pledges in the ledger; else the dossier."""
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        col = index.column()
        commands = self._context.commands
        try:
            if col == RULES:
                self.explain(row)
            elif col in (OPEN, OVERDUE):
                commands.show_commitments(row.id, "open" if col == OPEN else "verlopen")
            elif col in (RIJK, PUBLIC, PRIVATE, NATURA, SHARE, OVERLEG):
                commands.show_ledger(row.id)
            else:
                self.open_selected()
        except LookupError as exc:  # a feature that offers it is not installed
            self._context.signals.status_message.emit(str(exc))

    def explain(self, row: PortfolioRow) -> RulesExplanation:
        dialog = RulesExplanation(row, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_selected(self) -> None:
        deal_id = self.selected_id()
        if deal_id is not None:
            open_dossier(self._context, deal_id, self.window())

    def new_deal(self) -> None:
        if self._context.workspace() is not None:
            open_dossier(self._context, None, self.window())

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = portfolio_menu(self, index.isValid(), [
            (self.tr("Dossier &openen"), self.open_selected, True),
            (self.tr("&Nieuwe deal…"), self.new_deal, False),
            (self.tr("&Geschiedenis…"), self._history, True)],
            lambda column: self.drill_down(index.siblingAtColumn(column)),
            lambda: self._context.commands.edit_cofinancing_rules(self.window()))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _history(self) -> None:
        deal_id = self.selected_id()
        if deal_id is not None:
            self._context.commands.show_history(self.window(), "deal", deal_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+N here means a new deal (not a new workspace)."""
        if claims_new(event, self.new_deal):
            return True
        return super().eventFilter(watched, event)
