"""Bewerken > Ongedaan maken / Opnieuw, named after the operation they act on.

Shortcuts: Ctrl+Z and Ctrl+Shift+Z are the actions' own (window context). A focused
text field still undoes its own typing, because Qt first offers a key press to the
focus widget as a ShortcutOverride event and QLineEdit, QTextEdit, QPlainTextEdit and
spin boxes claim their standard Undo and Redo keys there; so no focus check is needed
for those, and the menu items keep undoing the workspace when clicked while a field
has focus. Ctrl+Y is the platform's Redo only on Windows, so a text field elsewhere
would not claim it: it is a separate shortcut that does nothing while a text editor
has focus.

Labels are queried on the task runner after every ``changes_applied`` and workspace
switch; undo and redo run on its write lane (undoing a 10,000-row import takes
seconds) and then emit ``changes_applied``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from dealmaker.services.changes import Changes
from dealmaker.services.undo import UndoError, UndoState, redo, undo, undo_state
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.shell.context import AppContext


def labels(ws: Workspace) -> UndoState:
    """What undo and redo would do in the workspace; runs off the UI thread."""
    return undo_state(ws)


def text_editor_has_focus() -> bool:
    widget = QApplication.focusWidget()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox)


class UndoRedo(QObject):
    """Owns the two actions and keeps their text and enabled state current."""

    def __init__(self, window: QWidget, context: AppContext) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._token = 0
        self._state = UndoState()
        self._local = context.local_undo
        self._local.listeners.append(lambda: self._show(self._token, self._state))
        self.busy = False
        self.undo_action = QAction(self.tr("&Ongedaan maken"), window)
        self.undo_action.setObjectName("undo")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(lambda _c=False: self.undo())
        self.redo_action = QAction(self.tr("O&pnieuw"), window)
        self.redo_action.setObjectName("redo")
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.triggered.connect(lambda _c=False: self.redo())
        self.ctrl_y = QShortcut(QKeySequence("Ctrl+Y"), window)
        self.ctrl_y.setContext(Qt.ShortcutContext.WindowShortcut)
        self.ctrl_y.activated.connect(self._on_ctrl_y)
        context.signals.changes_applied.connect(lambda _changes: self.refresh())
        context.signals.workspace_opened.connect(lambda _ws: self._local.clear())
        context.signals.workspace_opened.connect(lambda _ws: self.refresh())
        self._show(self._token, UndoState())
        self.refresh()

    def refresh(self) -> None:
        """Ask the workspace what Ctrl+Z and Ctrl+Shift+Z would do now."""
        self._token += 1
        token = self._token
        ws = self._context.workspace()
        if ws is None or self.busy:
            self._show(token, UndoState())
            return
        self._context.tasks.run(labels, ws, on_done=lambda found: self._show(token, found),
                                on_error=lambda _exc: self._show(token, UndoState()))

    def _names(self) -> tuple[str | None, str | None]:
        """What Ctrl+Z and Ctrl+Shift+Z act on: a local step or the journal's operation."""
        state = self._state
        local_undo = self._local.next_undo(state.undo_sequence)
        local_redo = self._local.next_redo(state.redo_sequence)
        return (local_undo.label if local_undo else state.undo_label,
                local_redo.label if local_redo else state.redo_label)

    def _show(self, token: int, found: UndoState) -> None:
        if token != self._token:
            return
        self._state = found
        self._local.mark = max(self._local.mark, found.newest)
        self._local.edited(found.newest_edit)
        undo_name, redo_name = self._names()
        self.undo_action.setText(
            self.tr("&Ongedaan maken: {name}").format(name=_escape(undo_name)) if undo_name
            else self.tr("&Ongedaan maken"))
        self.redo_action.setText(
            self.tr("O&pnieuw: {name}").format(name=_escape(redo_name)) if redo_name
            else self.tr("O&pnieuw"))
        self.undo_action.setEnabled(undo_name is not None and not self.busy)
        self.redo_action.setEnabled(redo_name is not None and not self.busy)

    def undo(self) -> None:
        if not self.busy and self._local.next_undo(self._state.undo_sequence) is not None:
            step = self._local.undo()
            if step is not None:
                self._context.signals.status_message.emit(
                    self.tr("Ongedaan gemaakt: {name}").format(name=step.label))
            return
        self._reverse(undo, self._state.undo_label, self.tr("Ongedaan maken"),
                      self.tr("Ongedaan gemaakt: {name}"), self.tr("Er is niets om ongedaan "
                                                                    "te maken."))

    def redo(self) -> None:
        if not self.busy and self._local.next_redo(self._state.redo_sequence) is not None:
            step = self._local.redo()
            if step is not None:
                self._context.signals.status_message.emit(
                    self.tr("Opnieuw uitgevoerd: {name}").format(name=step.label))
            return
        self._reverse(redo, self._state.redo_label, self.tr("Opnieuw"),
                      self.tr("Opnieuw uitgevoerd: {name}"), self.tr("Er is niets om opnieuw "
                                                                      "te doen."))

    def _on_ctrl_y(self) -> None:
        if not text_editor_has_focus():
            self.redo()

    def _reverse(self, fn: Any, name: str | None, title: str, done: str, nothing: str) -> None:
        ws = self._context.workspace()
        if ws is None or self.busy:
            return
        self.busy = True
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        signals = self._context.signals
        signals.status_message.emit(f"{title}: {name}…" if name else f"{title}…")

        def finished(changes: Changes | None) -> None:
            self.busy = False
            if changes is None:
                signals.status_message.emit(nothing)
                self.refresh()
                return
            signals.status_message.emit(done.format(name=name or ""))
            signals.changes_applied.emit(changes)  # refreshes the labels too

        def failed(exc: Exception) -> None:
            self.busy = False
            self.refresh()
            signals.status_message.emit("")
            text = str(exc) if isinstance(exc, UndoError) else self.tr(
                "Dit is mislukt; er is niets gewijzigd. ({error})").format(error=exc)
            QMessageBox.warning(self._window, title, text)

        self._context.tasks.run(fn, ws, write=True, on_done=finished, on_error=failed)


def _escape(name: str | None) -> str:
    """A menu text shows '&' as a mnemonic marker unless doubled."""
    return (name or "").replace("&", "&&")
