"""The actions on selected contacts: on the table's context menu, with shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from dealmaker.ui.shell.context import AppContext


class ContactActions(QObject):
    """Open card, contact moment, tags, history, merge (two), vCard, AVG export, forget,
    new contact (Ctrl+N) and delete (Del).

    ``selected()`` gives the selected person ids; each action is enabled only for a
    selection it fits (one person, at least one, exactly two)."""

    def __init__(self, host: QWidget, context: AppContext, selected: Callable[[], list[str]],
                 open_card: Callable[[str], None], new_contact: Callable[[QWidget], object],
                 delete_selected: Callable[[QWidget], object],
                 tag_selected: Callable[[QWidget], object]) -> None:
        super().__init__(host)
        self._host, self._context, self._selected = host, context, selected
        self._open_card = open_card

        def make(text: str, handler: Callable[[], object]) -> QAction:
            action = QAction(text, host)
            action.triggered.connect(lambda _checked=False: handler())
            return action

        self.open_card = make(self.tr("Contactkaart &openen"), self._open)
        self.log_moment = make(self.tr("&Contactmoment vastleggen…"),
                               lambda: context.commands.log_contact_moment(host, selected()))
        self.history = make(self.tr("&Geschiedenis…"), lambda: self._one(
            lambda parent, pid: context.commands.show_history(parent, "person", pid)))
        self.merge = make(self.tr("&Samenvoegen…"),
                          lambda: context.commands.start_merge(host, selected()))
        self.vcard = make(self.tr("Exporteren als v&Card…"),
                          lambda: context.commands.export_vcards(host, selected()))
        self.export = make(self.tr("Gegevens &exporteren (AVG)…"),
                           lambda: self._one(context.commands.export_person))
        self.forget = make(self.tr("Persoon &vergeten (AVG)…"),
                           lambda: self._one(context.commands.forget_person))
        self.new = make(self.tr("&Nieuw contact…"), lambda: new_contact(host))
        self.new.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        # shown in the menu; the view itself answers Ctrl+N (before the window's action)
        self.new.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete = make(self.tr("Ver&wijderen…"), lambda: delete_selected(host))
        self.delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.tags = make(self.tr("&Tags…"), lambda: tag_selected(host))
        self.tags.setToolTip(self.tr("Een tag toevoegen aan of weghalen bij de gekozen "
                                     "contacten"))
        for action in (self.new, self.delete):
            action.setShortcutVisibleInContextMenu(True)
        self.open_card.setShortcutVisibleInContextMenu(True)
        self.open_card.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.open_card.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.update_enabled()

    def _open(self) -> None:
        ids = self._selected()
        if ids:
            self._open_card(ids[0])

    def _one(self, entry: Callable[[QWidget | None, str], Any]) -> None:
        ids = self._selected()
        if len(ids) == 1:
            entry(self._host, ids[0])

    def update_enabled(self) -> None:
        n = len(self._selected())
        for action in (self.open_card, self.history, self.export, self.forget):
            action.setEnabled(n == 1)
        self.log_moment.setEnabled(n >= 1)
        self.vcard.setEnabled(n >= 1)
        self.delete.setEnabled(n >= 1)
        self.tags.setEnabled(n >= 1)
        self.merge.setEnabled(n == 2)
        self.merge.setToolTip("" if n == 2 else self.tr("Kies precies twee contacten"))

    def menu(self, parent: QWidget) -> QMenu:
        self.update_enabled()
        menu = QMenu(parent)
        menu.addAction(self.open_card)
        menu.addAction(self.log_moment)
        menu.addSeparator()
        menu.addAction(self.tags)
        menu.addAction(self.history)
        menu.addAction(self.merge)
        menu.addSeparator()
        menu.addAction(self.vcard)
        menu.addAction(self.export)
        menu.addAction(self.forget)
        menu.addSeparator()
        menu.addAction(self.new)
        menu.addAction(self.delete)
        return menu
