"""Instellingen: the kinds of commitment and the roles of a party, each a list the user
extends; the editors' choices read them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.commitments.vocabulary import (
    Vocab,
    Vocabulary,
    add_term,
    remove_term,
    vocabulary,
)
from dealmaker.ui.settings.term_list import TermList
from dealmaker.ui.shell.context import AppContext


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Instellingen"))
        self._context = context
        intro = QLabel(self.tr(
            "Lijsten waaruit u kiest bij een toezegging en bij de partijen van een deal. "
            "De standaardwaarden blijven; wat u toevoegt, kunt u weer verwijderen "
            "(toezeggingen en partijen die het al gebruiken, houden het). Elke wijziging "
            "is ongedaan te maken (Ctrl+Z)."))
        intro.setWordWrap(True)
        self.kinds = TermList(Vocab.KINDS, self.tr("Soorten toezegging"))
        self.roles = TermList(Vocab.ROLES, self.tr("Rollen van partijen in een deal"))
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        lists = QHBoxLayout()
        for terms in (self.kinds, self.roles):
            lists.addWidget(terms)
            terms.add_requested.connect(lambda which, text: self._change(add_term, which, text))
            terms.remove_requested.connect(
                lambda which, text: self._change(remove_term, which, text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(lists, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        context.signals.changes_applied.connect(self._on_changes)
        self.reload()
        self.resize(640, 420)

    def reload(self) -> None:
        ws = self._context.workspace()
        if ws is not None:
            self._context.tasks.run(vocabulary, ws, on_done=self._show,
                                    on_error=lambda exc: self._fail(str(exc)))

    def _show(self, vocab: Vocabulary) -> None:
        self.kinds.show_terms(vocab.kinds)
        self.roles.show_terms(vocab.roles)

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _change(self, fn: Any, which: Vocab, text: str) -> None:
        ws = self._context.workspace()
        if ws is None:
            return

        def done(changes: Changes) -> None:
            self.error.hide()
            (self.kinds if which is Vocab.KINDS else self.roles).field.clear()
            self._context.signals.changes_applied.emit(changes)

        self._context.tasks.run(fn, ws, which, text, write=True, on_done=done,
                                on_error=lambda exc: self._fail(str(exc)))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("workspace_setting"):  # also an undo while the dialog is open
            self.reload()
