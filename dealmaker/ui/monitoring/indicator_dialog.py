"""An indicator: name, level (programme, or a project of the deal), theme (brede welvaart
theme and dimension), unit, source, nulmeting and streefwaarde (value and date), and
which way is better."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from dealmaker.domain.enums import IndicatorDirection, IndicatorLevel
from dealmaker.services.monitoring.goals import DealPlan
from dealmaker.services.monitoring.indicators import (
    SOURCES,
    IndicatorData,
    indicator_data,
    save_indicator,
    theme_choices,
)
from dealmaker.ui.monitoring.form_dialog import FormDialog
from dealmaker.ui.monitoring.number_field import NumberField
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import DateField, choose


def _pair(value: QWidget, when: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(value, 1)
    row.addWidget(when, 1)
    return row


class IndicatorDialog(FormDialog):
    def __init__(self, context: AppContext, deal_id: str, plan: DealPlan,
                 indicator_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Indicator") if indicator_id else
                         self.tr("Nieuwe indicator"), parent)
        self.setObjectName("indicatorDialog")
        self.deal_id, self.indicator_id = deal_id, indicator_id
        self.name = QLineEdit()
        self.name.setObjectName("indicatorName")
        self.level = QComboBox()
        self.level.addItem(self.tr("Programma"), None)
        for p in plan.projects:
            self.level.addItem(self.tr("Project: {name}").format(name=p.name), p.id)
        self.goal = QComboBox()
        self.goal.addItem(self.tr("(geen doel)"), None)
        for g in plan.goals:
            self.goal.addItem(g.title, g.id)
        self.theme = QComboBox()
        self.theme.addItem(self.tr("(geen thema)"), None)
        for t in theme_choices(self.ws):
            self.theme.addItem(t.label, t.id)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("%, banen, index, …"))
        self.source = QComboBox()
        self.source.setEditable(True)
        self.source.addItems(["", *SOURCES])
        self.baseline, self.target = NumberField(), NumberField()
        self.baseline.setObjectName("baselineValue")
        self.target.setObjectName("targetValue")
        self.baseline_on, self.target_on = DateField(), DateField()
        self.direction = QComboBox()
        for d in IndicatorDirection:
            self.direction.addItem(d.label, d.value)
        for text, field in ((self.tr("&Naam"), self.name), (self.tr("N&iveau"), self.level),
                             (self.tr("Programma&doel"), self.goal),
                             (self.tr("&Thema"), self.theme), (self.tr("&Eenheid"), self.unit),
                             (self.tr("&Bron"), self.source)):
            self.form.addRow(text, field)
        for words, value, when in ((self.tr("N&ulmeting (waarde, datum)"), self.baseline,
                                   self.baseline_on),
                                  (self.tr("&Streefwaarde (waarde, datum)"), self.target,
                                   self.target_on)):
            label = QLabel(words)
            label.setBuddy(value)
            self.form.addRow(label, _pair(value, when))
        self.form.addRow(self.tr("&Richting"), self.direction)
        if indicator_id is not None:
            self._load(indicator_data(self.ws, indicator_id))

    def _load(self, d: IndicatorData) -> None:
        self.name.setText(d.name)
        choose(self.level, d.project_id)
        choose(self.goal, d.goal_id)
        choose(self.theme, d.theme_id)
        self.unit.setText(d.unit)
        self.source.setCurrentText(d.source)
        self.baseline.set_value(d.baseline_value)
        self.baseline_on.set_value(d.baseline_on)
        self.target.set_value(d.target_value)
        self.target_on.set_value(d.target_on)
        choose(self.direction, d.direction.value)

    def save(self) -> None:
        try:
            baseline, target = self.baseline.value(), self.target.value()
        except ValueError as exc:
            return self.fail(str(exc))
        try:
            baseline_on, target_on = self.baseline_on.value(), self.target_on.value()
        except ValueError as exc:
            return self.fail(str(exc))
        project = self.level.currentData()
        data = IndicatorData(
            self.deal_id, self.name.text(),
            IndicatorLevel.PROJECT if project else IndicatorLevel.PROGRAMMA, project,
            self.goal.currentData(), self.theme.currentData(), self.unit.text().strip(),
            self.source.currentText().strip(), baseline, baseline_on, target, target_on,
            IndicatorDirection(self.direction.currentData()))
        self.submit(save_indicator, self.ws, self.indicator_id, data, changes=lambda r: r[1])
        return None
