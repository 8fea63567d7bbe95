"""The controls and the table of the Opvolgen page."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from dealmaker.domain.dates import format_date
from dealmaker.ui.interactions.follow_ups_model import DONE, FollowUpsModel
from dealmaker.ui.shell.settings import window_settings
from dealmaker.ui.shell.widgets import empty_text, readonly_table

PERIOD_KEY = "opvolgen/periode"
WEEK, MONTH, ALL = "week", "maand", "alles"
WIDTHS = (100, 300, 240, 170, 175, 100)


def period_end(period: str, today: date) -> date:
    """The last day the list shows: Sunday of this week, the month's last day, or ever."""
    if period == WEEK:
        return today + timedelta(days=6 - today.weekday())
    if period == MONTH:
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    return date.max



class FollowUpsBar(QWidget):
    #: The period or the "show finished" choice changed.
    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.period = QComboBox()
        self.period.setObjectName("followUpPeriod")
        for key, text in ((WEEK, self.tr("deze week")), (MONTH, self.tr("deze maand")),
                          (ALL, self.tr("alles"))):
            self.period.addItem(text, key)
        saved = str(window_settings().value(PERIOD_KEY, ALL))  # all open ones, like the tile
        self.period.setCurrentIndex(max(0, self.period.findData(saved)))
        self.period.currentIndexChanged.connect(self._period_changed)
        label = QLabel(self.tr("&Tot en met:"))
        label.setBuddy(self.period)
        self.show_done = QCheckBox(self.tr("Afgeronde &tonen"))
        self.show_done.setObjectName("showDone")
        self.show_done.toggled.connect(lambda _on: self.changed.emit())
        self.done_button = QPushButton(self.tr("&Afgerond (spatie)"))
        self.done_button.setObjectName("doneButton")
        self.done_button.setToolTip(self.tr("De gekozen opvolging als afgerond markeren"))
        self.export_button = QPushButton(self.tr("&Exporteren naar agenda (.ics)…"))
        self.export_button.setObjectName("exportIcs")
        self.export_button.setToolTip(self.tr(
            "De opvolgingen in deze lijst als afspraken voor Outlook, Apple Agenda of Google "
            "Agenda opslaan"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(label)
        row.addWidget(self.period)
        row.addWidget(self.show_done)
        row.addStretch(1)
        row.addWidget(self.done_button)
        row.addWidget(self.export_button)

    def _period_changed(self) -> None:
        settings = window_settings()
        settings.setValue(PERIOD_KEY, self.period.currentData())
        settings.sync()
        self.changed.emit()

    def until(self, today: date) -> date:
        return period_end(str(self.period.currentData()), today)

    def include_done(self) -> bool:
        return self.show_done.isChecked()

    def describe(self, today: date) -> str:
        """The period in words, for the empty list."""
        if self.period.currentData() == ALL:
            return self.tr("Er staan geen opvolgingen open.")
        return self.tr("Geen opvolgingen tot en met {date}.").format(
            date=format_date(self.until(today)))

    def set_done_state(self, done: bool | None) -> None:
        """``None``: nothing selected; else whether the selected one is finished."""
        self.done_button.setEnabled(done is not None)
        self.done_button.setText(self.tr("&Heropenen (spatie)") if done
                                 else self.tr("&Afgerond (spatie)"))


class FollowUpsTable(QStackedWidget):
    """The list, or a sentence when it is empty."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = FollowUpsModel(self)
        self.view = readonly_table(self.model, row_height=26)
        self.view.setObjectName("followUps")
        for column, width in enumerate(WIDTHS):
            self.view.setColumnWidth(column, width)
        self.empty = empty_text()
        self.addWidget(self.view)
        self.addWidget(self.empty)

    def show_list(self, total: int, empty_text: str, include_done: bool = False) -> None:
        self.empty.setText(empty_text)
        self.view.setColumnHidden(DONE, not include_done)
        self.setCurrentWidget(self.view if total else self.empty)
