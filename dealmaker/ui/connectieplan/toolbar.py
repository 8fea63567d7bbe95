"""The row above the canvas: deal, layout, search, filters, fit; and a busy bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dealmaker.graph.model import REGIO, RIJK
from dealmaker.services.connectieplan import CONNECTIEPLAN, FORCE, DealChoice

CONTEXT = "connectieplan"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class PlanToolbar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        first, second = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(first)
        rows.addLayout(second)
        self.deal = QComboBox()
        self.deal.setObjectName("dealFilter")
        self.deal.setMinimumContentsLength(18)
        self.deal.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layout_choice = QComboBox()
        self.layout_choice.addItem(tr("Connectieplan"), CONNECTIEPLAN)
        self.layout_choice.addItem(tr("Krachtgericht"), FORCE)
        self.side = QComboBox()
        self.side.addItem(tr("Rijk en regio"), None)
        self.side.addItem(tr("Alleen Rijk"), RIJK)
        self.side.addItem(tr("Alleen regio"), REGIO)
        self.persons = QCheckBox(tr("Personen"))
        self.persons.setChecked(True)
        self.search = QLineEdit()
        self.search.setObjectName("planSearch")
        self.search.setPlaceholderText(tr("Zoek een persoon, organisatie of opgave…"))
        self.search.setClearButtonEnabled(True)
        self.steps = QSpinBox()
        self.steps.setRange(0, 3)
        self.steps.setSpecialValueText(tr("alles"))
        self.steps.setPrefix(tr("omgeving: "))
        self.steps.setToolTip(tr("Toon alleen wat binnen 1 tot 3 stappen van de gekozen "
                                 "knoop ligt"))
        self.reach = QPushButton(tr("Hoe bereik ik…"))
        self.reach.setToolTip(tr("De warmste weg van de dealmaker naar wie u zocht"))
        self.fit = QPushButton(tr("Passend"))
        self.fit.setToolTip(tr("Alles in beeld (0)"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setFormat(tr("Schikken…"))
        self.busy.setTextVisible(True)
        self.busy.hide()
        for row, widgets in ((first, ((tr("Deal:"), self.deal),
                                      (tr("Schikking:"), self.layout_choice),
                                      (None, self.side), (None, self.persons),
                                      (None, self.fit))),
                             (second, ((None, self.search), (None, self.reach),
                                       (None, self.steps), (None, self.busy)))):
            for label, widget in widgets:
                if label:
                    row.addWidget(QLabel(label))
                row.addWidget(widget, 2 if widget is self.search else 0)
        first.addStretch(1)

    def set_deals(self, deals: list[DealChoice], current: str | None) -> None:
        self.deal.blockSignals(True)
        self.deal.clear()
        for d in deals:
            self.deal.addItem(d.name, d.id)
        self.deal.addItem(tr("Alle deals"), None)
        index = self.deal.findData(current) if current is not None else 0
        self.deal.setCurrentIndex(max(index, 0))
        self.deal.blockSignals(False)

    def deal_id(self) -> str | None:
        data = self.deal.currentData()
        return str(data) if data is not None else None
