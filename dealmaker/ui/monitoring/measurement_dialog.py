"""A measurement: date, exact value and the qualitative note beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from dealmaker.services.monitoring.measurements import (
    MeasurementData,
    MeasurementRow,
    Saved,
    save_measurement,
)
from dealmaker.ui.monitoring.form_dialog import FormDialog
from dealmaker.ui.monitoring.number_field import NumberField
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import DateField


class MeasurementDialog(FormDialog):
    def __init__(self, context: AppContext, indicator_id: str, indicator: str,
                 unit: str = "", row: MeasurementRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Meting: {name}").format(name=indicator), parent)
        self.setObjectName("measurementDialog")
        self.indicator_id, self.row = indicator_id, row
        self.measured_on = DateField()
        self.measured_on.setObjectName("measuredOn")
        self.value_field = NumberField()
        self.value_field.setObjectName("measurementValue")
        self.note = QPlainTextEdit()
        self.note.setObjectName("measurementNote")
        self.note.setPlaceholderText(self.tr("wat zit achter dit getal (vertellen, niet "
                                             "alleen tellen)"))
        self.note.setFixedHeight(80)
        unit_text = f" ({unit})" if unit else ""
        self.form.addRow(self.tr("&Datum"), self.measured_on)
        self.form.addRow(self.tr("&Waarde") + unit_text, self.value_field)
        self.form.addRow(self.tr("&Toelichting"), self.note)
        if row is not None:
            self.measured_on.set_value(row.measured_on)
            self.value_field.set_value(row.value)
            self.note.setPlainText(row.note)
        else:
            self.measured_on.set_value(date.today())
        self.value_field.setFocus()

    def save(self) -> None:
        try:
            on = self.measured_on.value()
        except ValueError as exc:
            return self.fail(str(exc), self.measured_on)
        if on is None:
            return self.fail(self.tr("Vul de datum van de meting in."), self.measured_on)
        try:
            value = self.value_field.value()
        except ValueError as exc:
            return self.fail(str(exc), self.value_field)
        if value is None:
            return self.fail(self.tr("Vul de gemeten waarde in."), self.value_field)
        data = MeasurementData(self.indicator_id, on, value, self.note.toPlainText())
        self.submit(save_measurement, self.ws, self.row.id if self.row else None, data,
                    changes=lambda saved: saved.changes)
        return None

    def saved(self) -> Saved | None:
        result = self.result_value
        return result if isinstance(result, Saved) else None
