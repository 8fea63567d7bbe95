"""The rows above the canvas: deal, layout, colour, fit, export, panel; search, path, ego
view, progress; filters (side, persons, theme, strength, recency)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dealmaker.graph.model import REGIO, RIJK
from dealmaker.services.connectieplan import CONNECTIEPLAN, FORCE, DealChoice

CONTEXT = "connectieplan"
#: choices of the recency filter: (label, days or None)
RECENCY = (("elk moment", None), ("30 dagen", 30), ("90 dagen", 90), ("1 jaar", 365),
           ("2 jaar", 730))


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for label, data in items:
        combo.addItem(label, data)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class PlanToolbar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        self.deal = QComboBox()
        self.deal.setObjectName("dealFilter")
        self.deal.setMinimumContentsLength(14)
        self.deal.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layout_choice = _combo("layoutChoice", [(tr("Connectieplan"), CONNECTIEPLAN),
                                                     (tr("Krachtgericht"), FORCE)])
        self.colour = _combo("colourChoice", [(tr("zijde"), "zijde"),
                                              (tr("levensgemeenschap"), "levensgemeenschap")])
        self.colour.setToolTip(tr("Kleur de knopen naar Rijk/regio of naar levensgemeenschap"))
        self.fit = QPushButton(tr("Passend"))
        self.fit.setToolTip(tr("Alles in beeld (0)"))
        self.export = QToolButton()
        self.export.setObjectName("planExport")
        self.export.setText(tr("Exporteren") + " ")  # room for the menu arrow after the text
        self.export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self.export)
        self.export.setMenu(self.export_menu)
        self.panel = QToolButton()
        self.panel.setObjectName("panelToggle")
        self.panel.setText(tr("Bevindingen"))
        self.panel.setCheckable(True)
        self.panel.setChecked(True)
        self.panel.setToolTip(tr("Toon of verberg de bevindingen en de legenda"))
        self.search = QLineEdit()
        self.search.setMinimumWidth(140)
        self.search.setObjectName("planSearch")
        self.search.setPlaceholderText(tr("Zoek een persoon, organisatie of opgave…"))
        self.search.setClearButtonEnabled(True)
        self.reach = QPushButton(tr("Hoe bereik ik…"))
        self.reach.setToolTip(tr("De warmste weg van de dealmaker naar wie u zocht"))
        self.steps = QSpinBox()
        self.steps.setRange(0, 3)
        self.steps.setSpecialValueText(tr("omgeving: alles"))
        self.steps.setPrefix(tr("omgeving: "))
        self.steps.setToolTip(tr("Toon alleen wat binnen 1 tot 3 stappen van de gekozen "
                                 "knoop ligt"))
        self.busy = QProgressBar()
        self.busy.setObjectName("layoutProgress")
        self.busy.setRange(0, 3)
        self.busy.setMaximumWidth(130)
        self.busy.setTextVisible(True)
        self.busy.hide()
        self.side = _combo("sideFilter", [(tr("Rijk en regio"), None), (tr("Alleen Rijk"), RIJK),
                                          (tr("Alleen regio"), REGIO)])
        self.persons = QCheckBox(tr("Personen"))
        self.persons.setChecked(True)
        self.theme = _combo("themeFilter", [(tr("elk thema"), None)])
        self.strength = QSpinBox()
        self.strength.setObjectName("strengthFilter")
        self.strength.setRange(1, 5)
        self.strength.setPrefix(tr("sterkte ≥ "))
        self.strength.setToolTip(tr("Toon alleen relaties die minstens zo sterk zijn"))
        self.recency = _combo("recencyFilter", [(tr(label), days) for label, days in RECENCY])
        self.recency.setToolTip(tr("Toon alleen relaties met een contactmoment in deze tijd"))
        self.theme.setMinimumContentsLength(12)
        self.theme.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # three rows that each fit beside the sidebar at 1024 pixels
        layout = ((tr("Deal:"), self.deal), (tr("Schikking:"), self.layout_choice),
                  (tr("Kleur:"), self.colour), (None, None), (None, self.busy))
        finding = ((None, self.search), (None, self.reach), (None, self.steps),
                   (None, self.fit), (None, self.export), (None, self.panel))
        filters = ((tr("Filter:"), self.side), (None, self.persons), (None, self.theme),
                   (None, self.strength), (tr("contact:"), self.recency), (None, None))
        for widgets in (layout, finding, filters):
            row = QHBoxLayout()
            rows.addLayout(row)
            for label, widget in widgets:
                if label:
                    row.addWidget(QLabel(label))
                if widget is None:
                    row.addStretch(1)
                else:
                    row.addWidget(widget, 2 if widget is self.search else 0)

    def set_deals(self, deals: list[DealChoice], current: str | None) -> None:
        self.deal.blockSignals(True)
        self.deal.clear()
        for d in deals:
            self.deal.addItem(d.name, d.id)
        self.deal.addItem(tr("Alle deals"), None)
        index = self.deal.findData(current) if current is not None else 0
        self.deal.setCurrentIndex(max(index, 0))
        self.deal.blockSignals(False)

    def set_themes(self, themes: dict[str, str]) -> None:
        """The themes of the plan shown; the chosen one stays when it is among them."""
        current = self.theme.currentData()
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem(tr("elk thema"), None)
        for tid, name in sorted(themes.items(), key=lambda t: (t[1].casefold(), t[0])):
            self.theme.addItem(name, tid)
        self.theme.setCurrentIndex(max(self.theme.findData(current), 0))
        self.theme.blockSignals(False)

    def deal_id(self) -> str | None:
        data = self.deal.currentData()
        return str(data) if data is not None else None

    def show_progress(self, done: int, total: int, label: str) -> None:
        self.busy.setRange(0, max(total, 1))
        self.busy.setValue(done)
        self.busy.setFormat(tr(label) if label else tr("Tekenen…"))
        self.busy.show()
