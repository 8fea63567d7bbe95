"""A bijsturing: date, level (project, programma, governance), the reason, and the goal,
indicator or project it concerns."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from dealmaker.domain.enums import AdjustmentLevel
from dealmaker.services.monitoring.adjustments import (
    AdjustmentData,
    adjustment_data,
    save_adjustment,
)
from dealmaker.services.monitoring.goals import DealPlan
from dealmaker.services.monitoring.indicators import IndicatorQuery, query_indicators
from dealmaker.ui.monitoring.form_dialog import FormDialog
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import DateField, choose


class AdjustmentDialog(FormDialog):
    def __init__(self, context: AppContext, deal_id: str, plan: DealPlan,
                 adjustment_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Bijsturing") if adjustment_id else
                         self.tr("Nieuwe bijsturing"), parent)
        self.setObjectName("adjustmentDialog")
        self.deal_id, self.adjustment_id = deal_id, adjustment_id
        self.decided_on = DateField()
        self.decided_on.setObjectName("decidedOn")
        self.decided_on.set_value(date.today())
        self.level = QComboBox()
        self.level.setObjectName("adjustmentLevel")
        for level in AdjustmentLevel:
            self.level.addItem(level.label, level.value)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("adjustmentReason")
        self.reason.setPlaceholderText(self.tr("wat is er veranderd, en waarom"))
        self.reason.setFixedHeight(90)
        self.goal, self.indicator, self.project = QComboBox(), QComboBox(), QComboBox()
        for combo, none, choices in (
                (self.goal, self.tr("(geen doel)"), [(g.title, g.id) for g in plan.goals]),
                (self.indicator, self.tr("(geen indicator)"),
                 [(i.name, i.id) for i in query_indicators(
                     self.ws, IndicatorQuery(deal_id=deal_id), 0, 1_000)]),
                (self.project, self.tr("(geen project)"),
                 [(p.name, p.id) for p in plan.projects])):
            combo.addItem(none, None)
            for text, value in choices:
                combo.addItem(text, value)
        for label, field in ((self.tr("&Datum"), self.decided_on),
                             (self.tr("&Niveau"), self.level), (self.tr("&Reden"), self.reason),
                             (self.tr("Betreft &doel"), self.goal),
                             (self.tr("Betreft &indicator"), self.indicator),
                             (self.tr("Betreft &project"), self.project)):
            self.form.addRow(label, field)
        if adjustment_id is not None:
            d = adjustment_data(self.ws, adjustment_id)
            self.decided_on.set_value(d.decided_on)
            choose(self.level, d.level.value)
            self.reason.setPlainText(d.reason)
            choose(self.goal, d.goal_id)
            choose(self.indicator, d.indicator_id)
            choose(self.project, d.project_id)

    def save(self) -> None:
        try:
            on = self.decided_on.value()
        except ValueError as exc:
            return self.fail(str(exc), self.decided_on)
        if on is None:
            return self.fail(self.tr("Vul de datum in."), self.decided_on)
        data = AdjustmentData(self.deal_id, on, AdjustmentLevel(self.level.currentData()),
                              self.reason.toPlainText(), self.goal.currentData(),
                              self.indicator.currentData(), self.project.currentData())
        self.submit(save_adjustment, self.ws, self.adjustment_id, data,
                    changes=lambda r: r[1])
        return None
