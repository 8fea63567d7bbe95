"""Draws a quick-find hit: a small kind label, the name, and the detail in grey."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from dealmaker.ui.quickfind.model import DetailRole, KindLabelRole

KIND_WIDTH = 92
PAD = 8


class HitDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(200, 2 * line + 2 * PAD - 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text_role = (QPalette.ColorRole.HighlightedText if selected
                     else QPalette.ColorRole.Text)
        rect: QRect = opt.rect
        line = opt.fontMetrics.lineSpacing()
        faint = palette.color(text_role)
        faint.setAlpha(255 if selected else 170)  # readable grey in light and dark themes
        painter.save()
        painter.setPen(faint)
        kind_rect = QRect(rect.left() + PAD, rect.top() + PAD, KIND_WIDTH - PAD, line)
        painter.drawText(kind_rect, int(Qt.AlignmentFlag.AlignLeft), str(index.data(
            KindLabelRole) or ""))
        left = rect.left() + KIND_WIDTH
        width = rect.width() - KIND_WIDTH - PAD
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(text_role))
        label = painter.fontMetrics().elidedText(str(index.data() or ""),
                                                 Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(left, rect.top() + PAD, width, line),
                         int(Qt.AlignmentFlag.AlignLeft), label)
        painter.setFont(opt.font)
        painter.setPen(faint)
        detail = painter.fontMetrics().elidedText(str(index.data(DetailRole) or ""),
                                                  Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(left, rect.top() + PAD + line - 2, width, line),
                         int(Qt.AlignmentFlag.AlignLeft), detail)
        painter.restore()
