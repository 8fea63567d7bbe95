"""The top and bottom of the contact card: who it is and how things stand; the buttons."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dealmaker.domain.dates import format_date
from dealmaker.services.contact_card import PersonCard

HEADER_STYLE = """
QLabel#cardName { font-size: 20px; font-weight: 600; }
QLabel#cardBadge { color: white; background: #b3261e; border-radius: 4px; padding: 2px 8px;
    font-weight: 600; }
QLabel#cardMessage { color: #b3261e; }
"""


class CardHeader(QWidget):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(HEADER_STYLE)
        self.name = QLabel()
        self.name.setObjectName("cardName")
        self.badge = QLabel(self.tr("Koud"))
        self.badge.setObjectName("cardBadge")
        self.badge.hide()
        self.function = QLabel()
        self.function.setObjectName("cardFunction")
        self.function.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("cardStatus")
        self.status.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("cardMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.name)
        top.addWidget(self.badge)
        top.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(top)
        column.addWidget(self.function)
        column.addWidget(self.status)
        column.addWidget(self.message)

    def set_card(self, card: PersonCard, today: date) -> None:
        self.message.hide()
        self.name.setText(card.display_name + (self.tr("  (demogegevens)") if card.is_demo
                                               else ""))
        current = [p for p in card.positions if p.current]
        self.function.setText("; ".join(
            " — ".join(x for x in (p.title, p.organisation) if x) for p in current)
            or self.tr("Geen huidige functie"))
        parts = [self.tr("Laatste contact: {date}").format(
            date=format_date(card.last_contact_on) or self.tr("nog nooit"))]
        if card.next_follow_up_on is not None:
            late = self.tr(" (verlopen)") if card.next_follow_up_on < today else ""
            parts.append(self.tr("Volgende opvolging: {date}{late}").format(
                date=format_date(card.next_follow_up_on), late=late))
        parts.append(self.tr("Contact elke {days} dagen ({source})").format(
            days=card.cadence_days, source=card.cadence_source))
        if card.tags:
            parts.append(self.tr("Tags: {tags}").format(tags=", ".join(card.tags)))
        self.status.setText("   ·   ".join(parts))
        self.badge.setVisible(card.cold)
        self.badge.setToolTip(self.tr("Geen contact in de laatste {days} dagen").format(
            days=card.cadence_days))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


class CardButtons(QWidget):
    """Contact moment, history, AVG export and forget on the left; save and close right."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.moment = QPushButton(self.tr("Contact&moment vastleggen…"))
        self.history = QPushButton(self.tr("&Geschiedenis…"))
        self.export = QPushButton(self.tr("&Exporteren (AVG)…"))
        self.forget = QPushButton(self.tr("&Vergeten (AVG)…"))
        self.tags = QPushButton(self.tr("T&ags…"))
        self.tags.setToolTip(self.tr("Tags toevoegen of weghalen"))
        self.revert = QPushButton(self.tr("&Herstellen"))
        self.revert.setToolTip(self.tr("De wijzigingen in het formulier ongedaan maken"))
        self.save = QPushButton(self.tr("&Opslaan"))
        self.save.setObjectName("saveButton")
        self.save.setDefault(False)
        self.save.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("&Sluiten"))
        self.close_button.setAutoDefault(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.moment, self.tags, self.history, self.export, self.forget):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.revert)
        row.addWidget(self.save)
        row.addWidget(self.close_button)

    def set_gone(self) -> None:
        """The person no longer exists: only closing makes sense."""
        for button in (self.moment, self.tags, self.history, self.export, self.forget,
                       self.revert, self.save):
            button.setEnabled(False)
