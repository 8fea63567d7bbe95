"""How a card on the board looks: title, deal and due date, parties, amount; overdue
dates in the attention colour, a commitment beyond mandate marked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from dealmaker.domain.dates import format_date
from dealmaker.domain.money import format_eur_short
from dealmaker.services.commitments.register import CommitmentRow
from dealmaker.ui.commitments.board_model import RowRole
from dealmaker.ui.shell.table_model import ATTENTION

PAD = 8
#: title (two lines), deal and amount, parties and due date
LINES = 4


def two_lines(fm: QFontMetrics, text: str, width: int) -> tuple[str, str]:
    """``text`` wrapped at words over two lines, the second elided if still too long."""
    words = text.split()
    first = ""
    while words and fm.horizontalAdvance(f"{first} {words[0]}".strip()) <= width:
        first = f"{first} {words.pop(0)}".strip()
    if not first:  # one very long word
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width), ""
    return first, fm.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)


class CardDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(1, LINES * line + 2 * PAD + 6)  # as wide as the column

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row = index.data(RowRole)
        if not isinstance(row, CommitmentRow):
            return
        pal = option.palette
        rect: QRect = option.rect.adjusted(2, 3, -2, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pal.color(QPalette.ColorRole.Highlight if selected
                                 else QPalette.ColorRole.Mid))
        painter.setBrush(pal.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 5, 5)
        if selected:
            painter.fillRect(QRect(rect.left(), rect.top() + 1, 4, rect.height() - 1),
                             pal.color(QPalette.ColorRole.Highlight))
        inner = rect.adjusted(PAD, PAD - 2, -PAD, -PAD + 2)
        fm = QFontMetrics(option.font)
        line = fm.lineSpacing()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        title = ("⚠ " if row.mandate or not row.within_mandate else "") + row.title
        for i, text in enumerate(two_lines(QFontMetrics(bold), title, inner.width())):
            painter.drawText(QRect(inner.left(), inner.top() + i * line, inner.width(), line),
                             Qt.AlignmentFlag.AlignLeft, text)
        painter.setFont(option.font)
        due = format_date(row.due_on)
        amount = format_eur_short(row.amount_cents) if row.amount_cents is not None else ""
        second = QRect(inner.left(), inner.top() + 2 * line, inner.width(), line)
        amount_w = fm.horizontalAdvance(amount) + (PAD if amount else 0)
        painter.drawText(second.adjusted(0, 0, -amount_w, 0), Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(row.deal or "(geen deal)", Qt.TextElideMode.ElideRight,
                                       second.width() - amount_w))
        painter.drawText(second, Qt.AlignmentFlag.AlignRight, amount)
        third = QRect(inner.left(), inner.top() + 3 * line, inner.width(), line)
        due_w = fm.horizontalAdvance(due) + (PAD if due else 0)
        painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(third.adjusted(0, 0, -due_w, 0), Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(f"{row.from_org} → {row.to_org}",
                                       Qt.TextElideMode.ElideRight, third.width() - due_w))
        if row.overdue(date.today()):
            painter.setPen(ATTENTION.color())
        painter.drawText(third, Qt.AlignmentFlag.AlignRight, due)
        painter.restore()
