"""Open / new / delete / history on a register table: the actions with their keys, the
context menu, Enter and double-click, and Ctrl+N meaning "a new record here".

A register view hands over what its records are (their journal entity, the service that
deletes them, the selected ids) and keeps the rest (its query, its dialog). Deleting is
undoable, so it asks nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from dealmaker.services.changes import Changes
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.new_key import claims, claims_new
from dealmaker.ui.shell.open_rows import connect_open

#: ``delete(ws, ids)``: the service that (soft-)deletes the records as one operation
Delete = Callable[[Workspace, list[str]], Changes]


class RegisterActions(QObject):
    def __init__(self, context: AppContext, table: QTableView, *, entity: str,
                 new_text: str, new: Callable[[], None], open_: Callable[[], None],
                 delete: Delete, selected: Callable[[], Sequence[str]],
                 on_error: Callable[[str], None], watch: Iterable[QWidget] = (),
                 deleted: Callable[[int], str] | None = None) -> None:
        super().__init__(table)
        #: the status line after a delete of n records ("1 mandaat verwijderd")
        self._deleted = deleted or (lambda n: self.tr("{n} verwijderd").format(n=n))
        self._context, self._table, self._entity = context, table, entity
        self._new_text, self._new, self._open = new_text, new, open_
        self._delete, self._selected, self._on_error = delete, selected, on_error
        self.open_action = self._action(self.tr("&Openen"), "", open_)
        # Delete is taken in ``eventFilter``; the menu shows the key
        self.delete_action = self._action(self.tr("&Verwijderen"), "", self.delete_selected)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.history_action = self._action(self.tr("&Geschiedenis…"), "", self.show_history)
        connect_open(table, self._open_index)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu)
        for widget in (table, *watch):
            widget.installEventFilter(self)

    def _action(self, text: str, keys: Any, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._table)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _c=False: slot())
        self._table.addAction(action)
        return action

    def delete_selected(self) -> None:
        ws = self._context.workspace()
        if ws is None or not (ids := list(self._selected())):
            return
        signals, said = self._context.signals, self._deleted(len(ids))

        def done(changes: Changes) -> None:  # undoable, so no "are you sure"; but said
            signals.status_message.emit(said + self.tr(" (Ctrl+Z maakt het ongedaan)."))
            signals.changes_applied.emit(changes)

        self._context.tasks.run(self._delete, ws, ids, write=True, on_done=done,
                                on_error=lambda exc: self._on_error(str(exc)))

    def show_history(self) -> None:
        if len(ids := list(self._selected())) == 1:
            self._context.commands.show_history(self._table.window(), self._entity, ids[0])

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self._table.selectRow(index.row())
            self._open()

    def _menu(self, pos: QPoint) -> None:
        index = self._table.indexAt(pos)
        if index.isValid() and not self._table.selectionModel().isRowSelected(index.row()):
            self._table.selectRow(index.row())
        menu = QMenu(self._table)
        menu.addAction(self.open_action)
        menu.addAction(self._new_text, self._new)
        menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.history_action)
        menu.popup(self._table.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+N in the table or its search field is a new record, not a new workspace;
        Delete in the table deletes the selection (in the search field it edits text)."""
        if claims_new(event, self._new):
            return True
        if watched is self._table and claims(event, QKeySequence.StandardKey.Delete,
                                             self.delete_selected):
            return True
        return super().eventFilter(watched, event)
