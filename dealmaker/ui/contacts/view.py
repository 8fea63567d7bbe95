"""The Contacten screen: search, filters, the count and the lazily filled table."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
)

from dealmaker.domain.numbers import format_count
from dealmaker.ui.contacts.actions import ContactActions
from dealmaker.ui.contacts.bulk import delete_contacts, new_contact
from dealmaker.ui.contacts.cards import open_person_card
from dealmaker.ui.contacts.filters import FilterBar
from dealmaker.ui.contacts.model import ContactTableModel
from dealmaker.ui.contacts.options import FilterOptions, filter_options
from dealmaker.ui.contacts.table import ContactsTable
from dealmaker.ui.contacts.tag_dialog import open_tag_dialog
from dealmaker.ui.contacts.view_keys import ContactsKeys
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.open_rows import connect_open


class ContactsView(ContactsKeys):
    """Everything on the Contacten page below the sidebar; ``reload`` after changes."""

    #: The first rows of the current query are in the table.
    rows_loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsView")
        self._context = context
        self._options = FilterOptions()
        self._keep_selection: list[str] = []
        #: a contact just made: selected (and its card opened) once the list has it
        self._select_new: str | None = None
        self._to_table = False  # Down/Enter in the search: go to the rows once loaded
        self.model = ContactTableModel(context.tasks, context.workspace, self)

        title = QLabel(self.tr("Contacten"))
        title.setObjectName("pageTitle")
        self.count = QLabel()
        self.count.setObjectName("contactCount")
        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr(
            "Zoeken op naam, organisatie, functie, e-mail, telefoon of notities  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Contacten zoeken"))
        self.filters = FilterBar()
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.view = ContactsTable(self.model)
        connect_open(self.view, self._open_index)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(self._update_enabled)
        self.empty = QLabel()
        self.empty.setObjectName("emptyText")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        self.contact_actions = ContactActions(
            self, context, self.selected_ids, self.open_card,
            lambda host: new_contact(host, context, self.show_new),
            lambda host: delete_contacts(host, context, self.selected_ids()),
            lambda host: open_tag_dialog(host, context, self.selected_ids()))
        self.view.addAction(self.contact_actions.delete)
        self.new_button = QPushButton(self.tr("&Nieuw contact…"))
        self.new_button.setToolTip(self.tr("Een contact toevoegen (Ctrl+N)"))
        self.new_button.clicked.connect(self.contact_actions.new.trigger)
        self.open_button = QPushButton(self.tr("Kaart &openen"))
        self.open_button.clicked.connect(self.contact_actions.open_card.trigger)
        self.moment_button = QPushButton(self.tr("Contact&moment vastleggen…"))
        self.moment_button.clicked.connect(self.contact_actions.log_moment.trigger)
        self.moment_button.setToolTip(self.tr("Een contactmoment met de gekozen contacten "
                                              "vastleggen (Ctrl+L)"))

        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.new_button)
        tools.addWidget(self.open_button)
        tools.addWidget(self.moment_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(tools)
        layout.addWidget(self.filters)
        layout.addWidget(self.error)
        layout.addWidget(self.stack, 1)

        # no debounce: every keystroke asks at once; the model's lane runs one query at a
        # time and drops answers that a newer keystroke made stale
        self.search.textChanged.connect(self._apply_query)
        self.search.installEventFilter(self)
        self.filters.changed.connect(self._apply_query)
        self.model.rows_loaded.connect(self._on_rows_loaded)
        self.model.load_failed.connect(self._show_error)
        self.model.rowsInserted.connect(self._update_count)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        self._update_enabled()

    # ---------------------------------------------------------------- loading

    def reload(self) -> None:
        """Fetch the filter lists and the rows again (the workspace or its data changed)."""
        ws = self._context.workspace()
        if ws is None:
            return
        self._keep_selection = self.selected_ids()
        self._context.tasks.run(filter_options, ws, on_done=self._set_options,
                                on_error=lambda exc: self._show_error(str(exc)))
        self.model.reload()

    def _set_options(self, options: FilterOptions) -> None:
        self._options = options
        self.filters.set_options(options)
        self._update_count()

    def current_query_text(self) -> str:
        return self.search.text()

    def _apply_query(self) -> None:
        self._keep_selection = []
        query = self.filters.apply(replace(self.model.query, search=self.search.text()))
        if query != self.model.query:
            self.model.set_query(query)

    def _on_rows_loaded(self) -> None:
        self.error.hide()
        self._update_count()
        has_rows = self.model.rowCount() > 0
        self.stack.setCurrentWidget(self.view if has_rows else self.empty)
        self.empty.setText(self._empty_text())
        if self._select_new is not None and self._select_new in self.model.person_ids():
            self.view.clearSelection()
            self._select([self._select_new])
            self.view.scrollTo(self.view.currentIndex())
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.open_card(self._select_new)
            self._select_new = None
        elif self._keep_selection:
            self._select(self._keep_selection)
            self._keep_selection = []
        self._update_enabled()
        if self._to_table:
            self._enter_table()
        self.rows_loaded.emit()

    def _select(self, person_ids: list[str]) -> None:
        wanted = set(person_ids)
        selection = self.view.selectionModel()
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)
        for row, pid in enumerate(self.model.person_ids()):
            if pid in wanted:
                selection.select(self.model.index(row, 0), flags)
                selection.setCurrentIndex(self.model.index(row, 0),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)

    def _empty_text(self) -> str:
        if self._options.all_contacts == 0 and not self._filtered():
            return self.tr("Nog geen contacten in deze werkruimte. Importeer ze via het menu "
                           "Bestand, of maak een demowerkruimte om het programma te leren "
                           "kennen.")
        return self.tr("Geen contacten gevonden met deze zoekterm en filters. Pas de "
                       "zoekterm aan of kies Filters wissen.")

    def _filtered(self) -> bool:
        return bool(self.search.text().strip()) or self.filters.active()

    def _update_count(self) -> None:
        found = self.model.total
        if not self._filtered():
            text = self.tr("{n} contacten").format(n=format_count(found))
        elif found == 0:
            text = self.tr("Geen contacten gevonden")
        else:
            text = self.tr("{n} van {all} contacten").format(
                n=format_count(found), all=format_count(max(found, self._options.all_contacts)))
        self.count.setText(text)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._context.signals.status_message.emit(text)

    # ---------------------------------------------------------------- interaction

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.row_at(r).person_id for r in rows if r < self.model.rowCount()]

    def open_card(self, person_id: str) -> None:
        open_person_card(self.window(), self._context, person_id)

    def _update_enabled(self) -> None:
        self.contact_actions.update_enabled()
        self.open_button.setEnabled(self.contact_actions.open_card.isEnabled())
        self.moment_button.setEnabled(self.contact_actions.log_moment.isEnabled())

    def show_new(self, person_id: str, name: str) -> None:
        """A contact was made: find it by name, select its row and open its card."""
        self._select_new = person_id
        if self.filters.active():
            self.filters.reset()
        if self.search.text() != name:
            self.search.setText(name)  # the list reloads with it
        else:
            self.reload()
