"""Editable cells that look like a combo box and are edited with one.

The model gives the choices per cell (``ChoicesRole``: a list of (value, label)) and
the current value (``EditRole``); ``setData(index, value, EditRole)`` stores a choice.
One click on such a cell opens the list, so a table of thousands of rows needs no
widget per row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex

#: list of (value, label) the cell may take
ChoicesRole = Qt.ItemDataRole.UserRole + 20


def _editable(index: Index) -> bool:
    return bool(index.flags() & Qt.ItemFlag.ItemIsEditable)


class ComboDelegate(QStyledItemDelegate):
    """Paints editable cells as a combo box; edits them with a ``QComboBox``."""

    def __init__(self, parent: Any = None, *, auto_popup: bool = True) -> None:
        super().__init__(parent)
        #: open the list as soon as the editor appears (one click to choose)
        self.auto_popup = auto_popup

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not _editable(index):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        combo = QStyleOptionComboBox()
        combo.rect = option.rect.adjusted(2, 2, -2, -2)
        combo.state = QStyle.StateFlag.State_Enabled
        combo.palette = option.palette
        combo.currentText = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        combo.frame = True
        style.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, combo, painter, widget)
        style.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, combo, painter, widget)

    def editorEvent(self, event: QEvent, model: QAbstractItemModel,
                    option: QStyleOptionViewItem, index: Index) -> bool:
        view = option.widget
        if (event.type() == QEvent.Type.MouseButtonRelease and _editable(index)
                and isinstance(view, QAbstractItemView)):
            target = index if isinstance(index, QModelIndex) else model.index(index.row(),
                                                                          index.column())
            view.setCurrentIndex(target)
            view.edit(target)
            return True
        return super().editorEvent(event, model, option, index)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        editor = QComboBox(parent)
        for value, label in index.data(ChoicesRole) or []:
            editor.addItem(label, value)
        editor.activated.connect(lambda _i, e=editor: self._commit(e))
        if self.auto_popup:
            QTimer.singleShot(0, editor, editor.showPopup)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.blockSignals(True)
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        editor.setGeometry(option.rect)

    def _commit(self, editor: QComboBox) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
