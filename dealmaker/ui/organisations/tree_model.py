"""The Organisaties tree model: Rijk units under their ministry, regional parties grouped
by kind (the shape is built by ``tree_nodes``). Drag and drop does not change the
tree itself: ``dropMimeData`` asks for the move (``move_requested``); the screen lets the
service decide (it refuses cycles in Dutch) and reloads the tree when the move is done.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from dealmaker.services.organisations import OrgNode
from dealmaker.ui.organisations.tree_nodes import GROUPS, Node, Tree, title

Index = QModelIndex | QPersistentModelIndex

MIME = "application/x-dealmaker-organisation"
#: the organisation id (``None`` on a grouping node)
ObjectRole = Qt.ItemDataRole.UserRole + 2
#: the key of a grouping node ("rijk" or a regional kind; ``None`` on an organisation)
GroupRole = Qt.ItemDataRole.UserRole + 10
#: the folded words of name and short name, for the filter
WordsRole = Qt.ItemDataRole.UserRole + 11

NAME, PEOPLE = range(2)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def group_label(key: str) -> str:
    return QCoreApplication.translate("organisations", GROUPS[key])


class OrgTreeModel(QAbstractItemModel):
    """Two columns: name (with short name) and the number of persons working there."""

    #: The user dropped organisation ``org_id`` onto ``new_parent_id`` (None: top level).
    move_requested = Signal(str, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tree = Tree()

    def set_nodes(self, orgs: Sequence[OrgNode]) -> None:
        self.beginResetModel()
        self._tree = Tree(orgs)
        self.endResetModel()

    def index_of(self, org_id: str, column: int = 0) -> QModelIndex:
        node = self._tree.by_org.get(org_id)
        return QModelIndex() if node is None else self.createIndex(node.row, column,
                                                                   node.serial)

    def group_index(self, key: str) -> QModelIndex:
        node = self._tree.groups.get(key)
        return QModelIndex() if node is None else self.createIndex(node.row, 0, node.serial)

    def org(self, org_id: str) -> OrgNode | None:
        node = self._tree.by_org.get(org_id)
        return None if node is None else node.org

    def orgs(self) -> list[OrgNode]:
        return [n.org for n in self._tree.by_org.values() if n.org is not None]

    def _node(self, index: Index) -> Node:
        if not index.isValid():
            return self._tree.root
        return self._tree.nodes[index.internalId()]

    # ------------------------------------------------------------------ structure

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < 2):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row].serial)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(child)
        up = node.parent
        if up is None or up is self._tree.root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up.serial)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node, col = self._node(index), index.column()
        org = node.org
        if org is None:
            assert node.group is not None
            if role == Qt.ItemDataRole.DisplayRole and col == NAME:
                return f"{group_label(node.group)} ({len(node.children)})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return node.group if role == GroupRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == PEOPLE:
                return str(org.person_count) if org.person_count else ""
            return title(org)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole name, also when it elides
            return QCoreApplication.translate(
                "organisations", "{name}\n{kind} · {side} · {n} personen met een functie "
                                 "hier").format(name=title(org), kind=org.kind.label,
                                                side=org.side.label, n=org.person_count)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == PEOPLE:
            return int(_RIGHT)
        if role == ObjectRole:
            return org.id
        if role == WordsRole:
            return node.words
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        tr = QCoreApplication.translate
        if role == Qt.ItemDataRole.DisplayRole:
            return (tr("organisations", "Organisatie"), tr("organisations", "Personen"))[
                section] if 0 <= section < 2 else None
        if role == Qt.ItemDataRole.ToolTipRole and section == PEOPLE:
            return tr("organisations", "Personen met een huidige functie bij deze eenheid")
        if role == Qt.ItemDataRole.TextAlignmentRole and section == PEOPLE:
            return int(_RIGHT)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # the empty area below the tree: back to the top level
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable \
            | Qt.ItemFlag.ItemIsDropEnabled
        if self._node(index).org is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # ------------------------------------------------------------------ drag and drop

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [oid for i in indexes if (oid := self.data(i, ObjectRole))]
        if ids:  # one organisation at a time (the tree selects one)
            data.setData(MIME, QByteArray(ids[0].encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,
                        column: int, parent: Index) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Onto an organisation (or between its units): under it; onto a grouping node
        or the empty area: to the top level. Emits ``move_requested``; the tree itself
        changes only when the service has moved it."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        node = self._tree.by_org.get(bytes(data.data(MIME).data()).decode())
        if node is None or node.org is None:
            return False
        target = self._node(parent).org
        new_parent = target.id if target is not None else None
        current = node.parent.org.id if node.parent and node.parent.org else None
        if new_parent in (node.org.id, current):
            return False  # onto itself (a small slip of the mouse) or where it already is
        self.move_requested.emit(node.org.id, new_parent)
        return True
