"""Beside the canvas: the findings (a click focuses their node) and the legend."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from dealmaker.graph.analysis import Finding
from dealmaker.ui.connectieplan.look import legend_html
from dealmaker.ui.connectieplan.toolbar import tr


class FindingsPanel(QWidget):
    #: the user picked a finding; carries the id of the node it is about
    node_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(tr("Bevindingen"))
        heading.setObjectName("sectionTitle")
        self.list = QListWidget()
        self.list.setObjectName("findings")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.legend = QLabel(legend_html())
        self.legend.setObjectName("legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel(tr("Legenda")))
        layout.addWidget(self.legend)
        self.list.setMinimumHeight(120)

    def set_findings(self, findings: list[Finding]) -> None:
        self.list.clear()
        for f in findings:
            item = QListWidgetItem(f.text)
            item.setData(Qt.ItemDataRole.UserRole, f.node_id)
            item.setToolTip(f.text)
            self.list.addItem(item)
        if not findings:
            self.list.addItem(QListWidgetItem(tr("Geen bevindingen: elke opgave heeft een "
                                                 "warme verbinding met het Rijk.")))

    def _chosen(self, item: QListWidgetItem) -> None:
        node = item.data(Qt.ItemDataRole.UserRole)
        if node:
            self.node_chosen.emit(str(node))
