"""Editing the card's lists: a row of buttons under the tabs that fits the tab in view.

Functies: add, edit, end (with a successor), delete. Relaties: add, edit, delete.
Tijdlijn: open a contact moment in full (edit and delete it there). Every change is one
service call (one operation: Ctrl+Z) and the card reloads on the change signal.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.contact_card import PersonCard, PositionRow, RelationRow
from dealmaker.services.positions import delete_position
from dealmaker.services.relation_edits import delete_relation
from dealmaker.ui.contacts.card_sections import CardTabs
from dealmaker.ui.contacts.position_dialog import PositionDialog
from dealmaker.ui.contacts.relation_dialog import RelationDialog
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.table_model import ObjectRole


def relation_row_id(row: RelationRow) -> str:
    """The table row id of a relation: what to open (the other) and which relation."""
    return f"{row.other_kind}:{row.other_id}:{row.relation_id}"


class CardEdits(QWidget):
    """``card()`` gives the card shown (None while loading); ``person_id`` is whose."""

    def __init__(self, context: AppContext, tabs: CardTabs, card: Callable[[], PersonCard | None],
                 person_id: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._context, self._tabs, self._card, self.person_id = context, tabs, card, person_id
        self.add = QPushButton()
        self.edit = QPushButton(self.tr("&Bewerken…"))
        self.end = QPushButton(self.tr("Beëin&digen…"))
        self.end.setToolTip(self.tr("De functie laten eindigen, met een opvolger"))
        self.delete = QPushButton(self.tr("Verwij&deren…"))
        self.open = QPushButton(self.tr("Contactmoment &openen…"))
        self.open.setToolTip(self.tr("Het hele verslag lezen, bewerken of verwijderen"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.open, self.add, self.edit, self.end, self.delete):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        self.add.clicked.connect(self._add)
        self.edit.clicked.connect(self._edit)
        self.end.clicked.connect(lambda: self._edit(ending=True))
        self.delete.clicked.connect(self._delete)
        self.open.clicked.connect(self._open_moment)
        tabs.currentChanged.connect(lambda _i: self.update_buttons())
        self.update_buttons()

    def _key(self) -> str:
        widget = self._tabs.currentWidget()
        return next((k for k, t in self._tabs.tables.items() if t is widget), "")

    def current_id(self) -> str | None:
        table = self._tabs.tables.get(self._key())
        if table is None:
            return None
        index = table.view.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(ObjectRole)
        return value if isinstance(value, str) else None

    def update_buttons(self) -> None:
        key = self._key()
        self.add.setText(self.tr("&Functie toevoegen…") if key == "positions"
                         else self.tr("&Relatie toevoegen…"))
        self.add.setVisible(key in ("positions", "relations"))
        for button in (self.edit, self.delete):
            button.setVisible(key in ("positions", "relations"))
        self.end.setVisible(key == "positions")
        self.open.setVisible(key == "timeline")

    def _position(self) -> PositionRow | None:
        card, rid = self._card(), self.current_id()
        return next((p for p in card.positions if p.position_id == rid), None) if card else None

    def _relation(self) -> RelationRow | None:
        card, rid = self._card(), self.current_id()
        return next((r for r in card.relations if relation_row_id(r) == rid), None) \
            if card else None

    def _show(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _add(self) -> None:
        if self._key() == "positions":
            self._show(PositionDialog(self._context, self.person_id, parent=self.window()))
        else:
            self._show(RelationDialog(self._context, self.person_id, parent=self.window()))

    def _edit(self, ending: bool = False) -> None:
        if self._key() == "positions" and (pos := self._position()) is not None:
            self._show(PositionDialog(self._context, self.person_id, pos, ending=ending,
                                      parent=self.window()))
        elif self._key() == "relations" and (rel := self._relation()) is not None:
            self._show(RelationDialog(self._context, self.person_id, rel, self.window()))
        else:
            self._nothing_chosen()

    def _delete(self) -> None:
        ws = self._context.workspace()
        pos = self._position() if self._key() == "positions" else None
        rel = self._relation() if self._key() == "relations" else None
        if ws is None or (pos is None and rel is None):
            self._nothing_chosen()
            return
        what = (self.tr("de functie '{title}' bij {org}").format(
                    title=pos.title, org=pos.organisation) if pos is not None else
                self.tr("de relatie met {name}").format(name=rel.other_name if rel else ""))
        answer = QMessageBox.question(
            self, self.tr("Verwijderen?"),
            self.tr("Wilt u {what} verwijderen? Ongedaan maken kan met Ctrl+Z.").format(
                what=what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        call = (partial(delete_position, ws, pos.position_id) if pos is not None else
                partial(delete_relation, ws, rel.relation_id if rel else ""))
        self._context.tasks.run(call, write=True, on_done=self._done,
                                on_error=lambda exc: self._context.signals.status_message
                                .emit(str(exc)))

    def _done(self, changes: Changes) -> None:
        self._context.signals.status_message.emit(self.tr(
            "Verwijderd (Ctrl+Z maakt het ongedaan)."))
        self._context.signals.changes_applied.emit(changes)

    def _open_moment(self) -> None:
        rid = self.current_id()
        if rid is None:
            self._nothing_chosen()
            return
        self._context.commands.open_contact_moment(self.window(), rid)

    def _nothing_chosen(self) -> None:
        self._context.signals.status_message.emit(self.tr("Kies eerst een regel in de lijst."))
