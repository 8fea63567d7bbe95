"""The left half of Organisaties: filter box, buttons, the tree and a line for refusals.

Keeps what the user opened and selected when the tree is reloaded (after a move, a new
organisation, an undo).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.organisations import OrgNode
from dealmaker.ui.organisations.tree_filter import OrgFilterProxy
from dealmaker.ui.organisations.tree_model import GroupRole, ObjectRole, OrgTreeModel
from dealmaker.ui.organisations.tree_nodes import RIJK


def _key(index: QModelIndex) -> str:
    oid = index.data(ObjectRole)
    return f"org:{oid}" if oid else f"group:{index.data(GroupRole)}"


class OrgTreePanel(QWidget):
    #: The current item changed: an organisation id, or ``None`` for a grouping node.
    current_changed = Signal(object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = OrgTreeModel(self)
        self.proxy = OrgFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._loaded = False
        self._restoring = False
        self._before_filter: set[str] = set()

        self.filter = QLineEdit()
        self.filter.setObjectName("orgFilter")
        self.filter.setPlaceholderText(self.tr("Filteren op naam… (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self.focus_filter)
        self.addAction(find)

        self.new_button = QPushButton(self.tr("&Nieuwe organisatie…"))
        self.new_button.setToolTip(self.tr("Een organisatie toevoegen, onder de gekozen "
                                           "organisatie (Insert)"))
        self.rename_button = QPushButton(self.tr("&Hernoemen…"))
        self.rename_button.setToolTip(self.tr("Naam en korte naam wijzigen (F2)"))
        self.rename_button.setEnabled(False)

        self.view = QTreeView()
        self.view.setObjectName("orgTree")
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setAccessibleName(self.tr("Organisaties"))
        self.view.setToolTip(self.tr("Sleep een organisatie op een andere om haar daaronder "
                                     "te plaatsen, of op een groep om haar los te maken "
                                     "(of Ctrl+X en Ctrl+V)"))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.message = QLabel()
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        self.message.hide()

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.rename_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.filter)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    # ------------------------------------------------------------------ content

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._restoring:
            self.current_changed.emit(current.data(ObjectRole) if current.isValid() else None)

    def set_nodes(self, nodes: list[OrgNode]) -> None:
        """Replace the tree, keeping open branches, the selection and the scroll place
        (without ``current_changed``: the caller reloads what depends on it)."""
        self._restoring = True
        try:
            self._replace(nodes)
        finally:
            self._restoring = False

    def _replace(self, nodes: list[OrgNode]) -> None:
        expanded = set(self.expanded_keys())
        current = self.current_id()
        group = self.view.currentIndex().data(GroupRole)
        scroll = self.view.verticalScrollBar().value()
        self.model.set_nodes(nodes)
        if not self._loaded:
            self._loaded = True
            expanded = {f"group:{RIJK}"}
        self._expand(expanded)
        if self.proxy.active:
            self.view.expandAll()
        if current and self.model.org(current) is not None:
            self.select(current, scroll=False)
        elif group:
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.group_index(group)))
        self.view.verticalScrollBar().setValue(scroll)

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def current_group(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(GroupRole) if index.isValid() else None

    def select(self, org_id: str, *, scroll: bool = True) -> bool:
        """Make ``org_id`` the current item, opening its branch (clears a filter that
        hides it). False when it is not in the tree."""
        source = self.model.index_of(org_id)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(source)
        parent = index.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        self.view.setCurrentIndex(index)
        if scroll:
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ------------------------------------------------------------------ expansion

    def _walk(self, parent: QModelIndex = QModelIndex()) -> Iterator[QModelIndex]:  # noqa: B008
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if self.view.isExpanded(index):
                yield index
                yield from self._walk(index)

    def expanded_keys(self) -> list[str]:
        return [_key(i) for i in self._walk()]

    def _expand(self, keys: set[str]) -> None:
        for key in keys:
            kind, _, value = key.partition(":")
            source = (self.model.index_of(value) if kind == "org"
                      else self.model.group_index(value))
            index = self.proxy.mapFromSource(source)
            if index.isValid():
                self.view.setExpanded(index, True)

    def _on_filter(self, text: str) -> None:
        if text.strip() and not self.proxy.active:
            self._before_filter = set(self.expanded_keys())
        current = self.current_id()
        self.proxy.set_text(text)
        if self.proxy.active:
            self.view.expandAll()
        else:
            self.view.collapseAll()
            self._expand(self._before_filter)
            if current:
                self.select(current)
