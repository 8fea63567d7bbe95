"""The frame of the card's small editors: a form, a Dutch error line, Opslaan/Annuleren.
A subclass builds its fields and gives ``task()`` (the service call); saving runs it on
the write lane and announces the change (the card and lists reload; Ctrl+Z undoes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from dealmaker.services.changes import Changes
from dealmaker.services.people import ValidationError
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.header_fit import pad_form_labels


class RecordDialog(QDialog):
    def __init__(self, context: AppContext, title: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._context = context
        self._saving = False
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Opslaan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        #: the id the last save returned (a new record's id)
        self.saved_id: str | None = None

    def showEvent(self, event: QShowEvent) -> None:
        pad_form_labels(self.form)
        super().showEvent(event)

    def task(self) -> Callable[[], Changes | tuple[str, Changes]]:
        """The service call for the form's values; raise ``ValueError`` to refuse."""
        raise NotImplementedError

    def done_message(self) -> str:
        return self.tr("Opgeslagen.")

    def save(self) -> None:
        if self._saving or self._context.workspace() is None:
            return
        try:
            call = self.task()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self._saving = True
        self.buttons.setEnabled(False)
        self._context.tasks.run(call, write=True, on_done=self._saved, on_error=self._refused)

    def _saved(self, result: Changes | tuple[str, Changes]) -> None:
        self._saving = False
        if isinstance(result, tuple):
            self.saved_id, changes = result
        else:
            changes = result
        self._context.signals.status_message.emit(self.done_message())
        self._context.signals.changes_applied.emit(changes)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError | LookupError):
            self.show_error(str(exc))
        else:
            self.show_error(self.tr("Niet opgeslagen: {error}").format(error=exc))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
