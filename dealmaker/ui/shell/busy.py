"""Run a service call on the task runner behind a small modal 'bezig' dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from dealmaker.ui.shell.context import AppContext

SHOW_AFTER_MS = 400


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning box (no return value, so it fits an ``on_error`` callback)."""
    QMessageBox.warning(parent, title, text)


def run_busy(context: AppContext, parent: QWidget | None, label: str,
             fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None],
             on_error: Callable[[Exception], None], write: bool = False) -> None:
    """``fn(*args)`` off the UI thread; a busy dialog (no cancel) if it takes a while."""
    dialog: QProgressDialog | None = None
    if not context.tasks.inline:
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setWindowTitle(label)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setMinimumWidth(380)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        if dialog is not None:
            dialog.hide()
            dialog.deleteLater()
        callback(value)

    context.tasks.run(fn, *args, write=write, on_done=lambda value: finish(on_done, value),
                      on_error=lambda exc: finish(on_error, exc))
