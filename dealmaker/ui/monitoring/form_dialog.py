"""The frame of every Monitoring form: fields in a form layout, one Dutch error line,
Opslaan/Annuleren; saving runs the service on the write lane and announces the change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.changes import Changes
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.shell.context import AppContext


class FormDialog(QDialog):
    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._context = context
        ws = context.workspace()
        assert ws is not None
        self.ws: Workspace = ws
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        #: what the last save returned (tests and callers read it)
        self.result_value: Any = None

    def fail(self, text: str, field: QWidget | None = None) -> None:
        if field is not None:
            field.setFocus()
        self.error.setText(text)
        self.error.show()

    def save(self) -> None:
        raise NotImplementedError

    def submit(self, fn: Callable[..., Any], *args: Any,
               changes: Callable[[Any], Changes]) -> None:
        """Run ``fn(*args)`` as a write; on success announce ``changes(result)`` and close."""
        def done(result: Any) -> None:
            self.result_value = result
            self._context.signals.changes_applied.emit(changes(result))
            self.accept()

        self._context.tasks.run(fn, *args, write=True, on_done=done,
                                on_error=lambda e: self.fail(str(e)))
