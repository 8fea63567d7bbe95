"""Tags on one or many contacts: choose or type a tag, then Toevoegen or Weghalen. Each
press is one operation on all chosen contacts (one Ctrl+Z takes it back on all)."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from dealmaker.services.changes import Changes
from dealmaker.services.tags import add_tag, remove_tag, tag_options
from dealmaker.ui.shell.context import AppContext


class TagDialog(QDialog):
    def __init__(self, context: AppContext, person_ids: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagDialog")
        self.setWindowTitle(self.tr("Tags"))
        self._context, self.person_ids = context, list(person_ids)
        n = len(self.person_ids)
        intro = QLabel(self.tr("Tag voor 1 contact:") if n == 1 else
                       self.tr("Tag voor {n} gekozen contacten:").format(n=n))
        self.combo = QComboBox()
        self.combo.setObjectName("tagName")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Kies of typ een nieuwe tag"))
        ws = context.workspace()
        for tag_id, name in tag_options(ws) if ws is not None else []:
            self.combo.addItem(name, tag_id)
        self.combo.setCurrentIndex(-1)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Sluiten"))
        self.add_button = QPushButton(self.tr("&Toevoegen"))
        self.remove_button = QPushButton(self.tr("&Weghalen"))
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.combo)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _run(self, call: Any, message: str) -> None:
        self._context.tasks.run(call, write=True,
                                on_done=lambda changes: self._done(changes, message),
                                on_error=lambda exc: self._show_error(str(exc)))

    def add(self) -> None:
        ws = self._context.workspace()
        name = self.combo.currentText().strip()
        if ws is not None:
            self._run(partial(add_tag, ws, self.person_ids, name),
                      self.tr("Tag '{tag}' toegevoegd.").format(tag=name))

    def remove(self) -> None:
        ws = self._context.workspace()
        index = self.combo.findText(self.combo.currentText().strip(),
                                    Qt.MatchFlag.MatchFixedString)
        if index < 0:
            self._show_error(self.tr("Kies een bestaande tag om weg te halen."))
            return
        if ws is not None:
            self._run(partial(remove_tag, ws, self.person_ids, self.combo.itemData(index)),
                      self.tr("Tag '{tag}' weggehaald.").format(tag=self.combo.itemText(index)))

    def _done(self, changes: Changes, message: str) -> None:
        self._context.signals.status_message.emit(message + self.tr(
            " (Ctrl+Z maakt het ongedaan)"))
        self._context.signals.changes_applied.emit(changes)
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def open_tag_dialog(parent: Any, context: AppContext, person_ids: list[str]) -> TagDialog:
    dialog = TagDialog(context, person_ids, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
