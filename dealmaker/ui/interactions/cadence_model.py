"""The cadence rules as a table: what a rule applies to, and after how many days."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from dealmaker.services.cadence import CadenceRuleRow
from dealmaker.ui.shell.table_model import ObjectRole

Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def rule_text(rule: CadenceRuleRow) -> str:
    tr = QCoreApplication.translate
    if rule.tag_id is not None:
        return tr("cadence", "contacten met de tag '{tag}'").format(tag=rule.tag_name)
    return tr("cadence", "functie bevat '{text}'").format(text=rule.title_contains)


class CadenceRulesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rules: list[CadenceRuleRow] = []

    def set_rules(self, rules: Sequence[CadenceRuleRow]) -> None:
        self.beginResetModel()
        self._rules = list(rules)
        self.endResetModel()

    def rule(self, row: int) -> CadenceRuleRow | None:
        return self._rules[row] if 0 <= row < len(self._rules) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rules)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rule = self.rule(index.row()) if index.isValid() else None
        if rule is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return rule_text(rule) if index.column() == 0 else str(rule.days)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(_RIGHT)
        if role == ObjectRole:
            return rule.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        tr = QCoreApplication.translate
        return (tr("cadence", "Geldt voor"), tr("cadence", "Dagen"))[section] \
            if 0 <= section < 2 else None
