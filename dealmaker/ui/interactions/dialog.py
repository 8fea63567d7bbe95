"""Log a contact moment in a few keystrokes: the form, Opslaan and Annuleren.

Enter in the last field or Ctrl+Enter saves, Esc cancels. Checks are in Dutch; the
service has the last word (its refusals are shown the same way). Saving resets every
participant's keep-in-touch clock (the storage layer derives their last-contact date).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from dealmaker.domain.dates import format_date
from dealmaker.services.changes import Changes
from dealmaker.services.interactions import InteractionData, edit_interaction, log_interaction
from dealmaker.services.people import ValidationError
from dealmaker.services.timeline import InteractionDetail
from dealmaker.ui.interactions.form_values import Invalid
from dealmaker.ui.interactions.moment_form import ContactMomentForm

if TYPE_CHECKING:
    from dealmaker.ui.shell.context import AppContext


class ContactMomentDialog(QDialog):
    def __init__(self, context: AppContext, person_ids: list[str] | None = None,
                 parent: Any = None, *, editing: InteractionDetail | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactMomentDialog")
        self.setWindowTitle(self.tr("Contactmoment bewerken") if editing else
                            self.tr("Contactmoment vastleggen"))
        self._context = context
        #: the id of the moment being edited (None: a new one)
        self.editing = editing.entry.interaction_id if editing else None
        self._saving = False
        self.form = ContactMomentForm(context)
        self.form.submitted.connect(self.save)
        self.form.failed.connect(self.show_error)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        hint = QLabel(self.tr("Ctrl+Enter slaat op · Esc annuleert"))
        hint.setObjectName("emptyText")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Opslaan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        for button in self.buttons.buttons():  # Enter in a field must not press a button
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        if editing is not None:
            self.form.load(editing.entry, editing.theme_id)
        else:
            self.form.prefill(person_ids or [])
        self.form.participant_edit.setFocus()

    def save(self) -> None:
        ws = self._context.workspace()
        if self._saving or ws is None:
            return
        try:
            data = self.form.data()
        except (Invalid, ValidationError) as exc:
            self.show_error(str(exc), exc.field)
            return
        self._saving = True
        self.buttons.setEnabled(False)
        if self.editing is not None:
            self._context.tasks.run(edit_interaction, ws, self.editing, data, write=True,
                                    on_done=lambda changes: self._saved(changes, data),
                                    on_error=self._refused)
            return
        self._context.tasks.run(log_interaction, ws, data, write=True,
                                on_done=lambda result: self._saved(result[1], data),
                                on_error=self._refused)

    def _saved(self, changes: Changes, data: InteractionData) -> None:
        self._saving = False
        signals = self._context.signals
        n = len(data.participant_ids)
        if self.editing is not None:
            signals.status_message.emit(self.tr("Contactmoment van {date} bijgewerkt.").format(
                date=format_date(data.occurred_on)))
            signals.changes_applied.emit(changes)
            self.accept()
            return
        signals.status_message.emit(
            (self.tr("Contactmoment van {date} vastgelegd met 1 deelnemer.") if n == 1 else
             self.tr("Contactmoment van {date} vastgelegd met {n} deelnemers.")).format(
                date=format_date(data.occurred_on), n=n))
        signals.changes_applied.emit(changes)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError | LookupError):
            self.show_error(str(exc), getattr(exc, "field", None))
        else:
            self.show_error(self.tr("Het contactmoment is niet opgeslagen: {error}")
                            .format(error=exc))

    def reject(self) -> None:
        if not self._saving:  # closing while the service writes would lose its answer
            super().reject()

    def show_error(self, text: str, field: str | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        widget = self.form.fields.get(field or "")
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A plain Enter never closes the form: on a list box it moves on; the fields
        handle it themselves (pick a match, next field, save in the last one)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if isinstance(self.focusWidget(), QComboBox):
                self.focusNextChild()
            return
        super().keyPressEvent(event)
