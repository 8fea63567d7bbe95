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
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dealmaker.domain.dates import format_date
from dealmaker.services.follow_ups import NOBODY
from dealmaker.ui.interactions.follow_ups_model import DONE, FollowUpsModel
from dealmaker.ui.shell.fields import LazyCombo
from dealmaker.ui.shell.settings import window_settings
from dealmaker.ui.shell.widgets import empty_text, readonly_table

PERIOD_KEY = "opvolgen/periode"
WEEK, MONTH, ALL = "week", "maand", "alles"
WIDTHS = (95, 230, 180, 130, 150, 120, 95)


def period_end(period: str, today: date) -> date:
    """The last day the list shows: Sunday of this week, the month's last day, or ever."""
    if period == WEEK:
        return today + timedelta(days=6 - today.weekday())
    if period == MONTH:
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    return date.max



class FollowUpsBar(QWidget):
    """Filters (period, deal, person, owner, finished ones) above the actions on a
    selection."""

    #: The period, a filter or the "show finished" choice changed.
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
        self.deal = QComboBox()
        self.deal.setObjectName("followUpDeal")
        self.deal.addItem(self.tr("alle deals"), None)
        self.person = LazyCombo("followUpPerson", editable=True)
        self.person.set_choices((self.tr("iedereen"), None), [])
        self.owner = LazyCombo("followUpOwner", editable=True)
        self.owner.setToolTip(self.tr("Wie de opvolging doet: aan wie ze is toegewezen"))
        self._set_owners([])
        for combo in (self.deal, self.person, self.owner):  # narrow at 1024 px, wider at 1280
            combo.setMinimumContentsLength(6)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.setMaximumWidth(260)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        deal_label, person_label = QLabel(self.tr("&Deal:")), QLabel(self.tr("&Met:"))
        owner_label = QLabel(self.tr("Doo&r:"))
        deal_label.setBuddy(self.deal)
        person_label.setBuddy(self.person)
        owner_label.setBuddy(self.owner)
        self.show_done = QCheckBox(self.tr("Afgeronde &tonen"))
        self.show_done.setObjectName("showDone")
        self.show_done.toggled.connect(lambda _on: self.changed.emit())
        self.done_button = QPushButton(self.tr("&Afgerond (spatie)"))
        self.done_button.setObjectName("doneButton")
        self.done_button.setToolTip(self.tr("De gekozen opvolging(en) als afgerond markeren"))
        self.week_button = QPushButton(self.tr("+&7 dagen"))
        self.week_button.setObjectName("postponeWeek")
        self.week_button.setToolTip(self.tr("De gekozen opvolging(en) verzetten naar over een "
                                            "week (Ctrl+7)"))
        self.move_button = QPushButton(self.tr("&Verzetten naar…"))
        self.move_button.setObjectName("rescheduleTo")
        self.assign_button = QPushButton(self.tr("Toe&wijzen aan…"))
        self.assign_button.setObjectName("assignTo")
        self.assign_button.setToolTip(self.tr("De gekozen opvolging(en) overdragen aan een "
                                              "collega (Ctrl+Shift+W)"))
        self.old_button = QPushButton(self.tr("&Oude afronden…"))
        self.old_button.setObjectName("closeOld")
        self.old_button.setToolTip(self.tr("Alle open opvolgingen van vóór een datum in één "
                                           "keer afronden (ongedaan te maken)"))
        self.export_button = QPushButton(self.tr("&Naar agenda (.ics)…"))
        self.export_button.setObjectName("exportIcs")
        self.export_button.setToolTip(self.tr(
            "De opvolgingen in deze lijst als afspraken voor Outlook, Apple Agenda of Google "
            "Agenda opslaan"))
        filters = QHBoxLayout()
        filters.setSpacing(8)
        for part in (label, self.period, deal_label, self.deal, person_label, self.person,
                     owner_label, self.owner, self.show_done):
            filters.addWidget(part)
        filters.addStretch(0)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for widget in (self.done_button, self.week_button, self.move_button,
                       self.assign_button, self.old_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addLayout(filters)
        column.addLayout(actions)

    def _set_owners(self, owners: list[tuple[str, str]]) -> None:
        self.owner.set_choices((self.tr("iedereen"), None),
                               [(self.tr("niet toegewezen"), NOBODY), *owners])

    def set_filter_choices(self, deals: list[tuple[str, str]],
                           persons: list[tuple[str, str]],
                           owners: list[tuple[str, str]]) -> None:
        """The deals, persons and owners to filter on; the chosen ones stay chosen."""
        self.deal.blockSignals(True)
        chosen = self.deal.currentData()
        self.deal.clear()
        self.deal.addItem(self.tr("alle deals"), None)
        for name, did in deals:
            self.deal.addItem(name, did)
        self.deal.setCurrentIndex(max(0, self.deal.findData(chosen)))
        self.deal.blockSignals(False)
        self.person.blockSignals(True)
        self.person.set_choices((self.tr("iedereen"), None), [(n, p) for n, p in persons])
        self.person.blockSignals(False)
        self.owner.blockSignals(True)
        self._set_owners(owners)
        self.owner.blockSignals(False)

    def filters(self) -> dict[str, str | None]:
        """The chosen deal, person and owner, as keywords of the list's service."""
        def chosen(combo: QComboBox) -> str | None:
            found = combo.currentData()
            return None if found is None else str(found)
        return {"deal_id": chosen(self.deal), "person_id": chosen(self.person),
                "owner_id": chosen(self.owner)}

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
