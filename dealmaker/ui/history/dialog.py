"""Geschiedenis of one record: every journalled change, newest first.

``show_history(parent, context, entity, entity_id)`` opens a non-modal dialog that
loads on the task runner and reloads when the record's table changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dealmaker.domain.numbers import format_count
from dealmaker.services.changes import Changes
from dealmaker.services.history import TABLE_LABELS, HistoryEntry, record_history, record_title
from dealmaker.ui.shell.context import AppContext

Index = QModelIndex | QPersistentModelIndex
WHEN, OPERATION, FIELD, OLD, NEW, WHO = range(6)
_HEADERS = ("Wanneer", "Handeling", "Veld", "Oud", "Nieuw", "Door")
#: starting widths (Nieuw stretches); once loaded, the columns of _FIT take their texts'
#: widths within (at least, at most)
_WIDTHS = {WHEN: 130, OPERATION: 200, FIELD: 130, OLD: 180, WHO: 90}
_FIT = {OPERATION: (160, 320), FIELD: (70, 130), WHO: (60, 160)}
SortRole = Qt.ItemDataRole.UserRole + 1
UNDONE = QColor("#8a8a8a")


def _tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


class HistoryModel(QAbstractTableModel):
    """Rows of ``record_history``; undone operations are grey and italic."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def text(self, entry: HistoryEntry, col: int) -> str:
        if col == WHEN:
            return entry.at.astimezone().strftime("%d-%m-%Y %H:%M")
        if col == OPERATION:
            return entry.operation + (_tr(" (ongedaan gemaakt)") if entry.undone else "")
        if col == WHO:
            return entry.author
        return (entry.field or "", entry.old, entry.new)[col - FIELD]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry, col = self.entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(entry, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.text(entry, col)
            if entry.undone:
                text = "\n".join(t for t in (text, _tr("Deze wijziging is later ongedaan "
                                                        "gemaakt.")) if t)
            return text or None
        if role == SortRole:  # Wanneer sorts in journal order (entries come newest
            # first): a colleague's laptop clock may be off; its time is shown, not trusted
            return -index.row() if col == WHEN else self.text(entry, col).casefold()
        if role == Qt.ItemDataRole.ForegroundRole and entry.undone:
            return UNDONE
        if role == Qt.ItemDataRole.FontRole and entry.undone:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(_HEADERS)):
            return _tr(_HEADERS[section])
        return None


class HistoryDialog(QDialog):
    """The history table of one record, with a line saying how many changes."""

    def __init__(self, context: AppContext, entity: str, entity_id: str,
                 parent: Any = None, name: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.resize(960, 520)
        self._context, self.entity, self.entity_id = context, entity, entity_id
        self._token = 0
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 17px; font-weight: 600;")
        self.count = QLabel(self.tr("Laden…"))
        self.model = HistoryModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SortRole)
        self.view = QTableView()
        self.view.setObjectName("historyView")
        self.view.setModel(proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(WHEN, Qt.SortOrder.DescendingOrder)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        for col, width in _WIDTHS.items():
            header.resizeSection(col, width)
        header.setSectionResizeMode(NEW, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.set_name(name)
        context.signals.changes_applied.connect(self._on_changes)
        self.reload()
        if name is None and context.workspace() is not None:
            context.tasks.run(record_title, context.workspace(), entity, entity_id,
                              on_done=self.set_name, on_error=lambda _exc: None)

    def set_name(self, name: str | None) -> None:
        what = name or TABLE_LABELS.get(self.entity, self.entity)
        self.setWindowTitle(self.tr("Geschiedenis — {name}").format(name=what))
        self.heading.setText(self.tr("Geschiedenis van {name}").format(name=what))

    def reload(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        self._token += 1
        token = self._token
        self._context.tasks.run(record_history, ws, self.entity, self.entity_id,
                                on_done=lambda entries: self._show(token, entries),
                                on_error=lambda exc: self.count.setText(
                                    self.tr("De geschiedenis kon niet worden geladen: {error}")
                                    .format(error=exc)))

    def _show(self, token: int, entries: list[HistoryEntry]) -> None:
        if token != self._token:
            return
        self.model.set_entries(entries)
        self._fit()
        undone = sum(1 for e in entries if e.undone)
        text = (self.tr("Nog geen wijzigingen vastgelegd.") if not entries else
                self.tr("1 wijziging.") if len(entries) == 1 else
                self.tr("{n} wijzigingen, nieuwste eerst.").format(n=format_count(len(entries))))
        if undone:
            text += " " + self.tr("Grijs: later ongedaan gemaakt ({n}).").format(n=undone)
        self.count.setText(text)

    def _fit(self) -> None:
        """Size Handeling, Veld and Door to their longest text (a long operation, a role
        name) within limits that leave Oud and Nieuw readable."""
        header = self.view.horizontalHeader()
        for col, (low, high) in _FIT.items():
            want = max(self.view.sizeHintForColumn(col), header.sectionSizeHint(col)) + 8
            header.resizeSection(col, max(low, min(want, high)))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(self.entity):
            self.reload()


def show_history(parent: QWidget | None, context: AppContext, entity: str, entity_id: str,
                 *, name: str | None = None) -> HistoryDialog | None:
    """Open the history of one record (``entity`` is the table name, e.g. 'person')."""
    if context.workspace() is None:
        return None
    dialog = HistoryDialog(context, entity, entity_id, parent, name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
