"""Sidebar page 'Export': choose a deal and a year, then "Werkmap maken…".

The deals load on the read lane; the workbook is written by ``services.workbook`` behind
the shell's progress dialog (Annuleren leaves no file behind). Export never changes the
workspace.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from dealmaker.domain.progress import RULE_TEXT
from dealmaker.services.changes import Changes
from dealmaker.services.connectieplan import DealChoice, deal_choices
from dealmaker.services.workbook import overleg_steps, workbook_name
from dealmaker.ui.exporting.returning import ReturnImport
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.frame import PageFrame
from dealmaker.ui.shell.page import Freshness

#: the deal list's entry for the portfolio workbook
ALL_DEALS = "*"


def tr(text: str) -> str:
    return QCoreApplication.translate("export", text)


class ExportPage(QWidget):
    key = "export"
    shortcut = ""

    #: The list of deals is fresh.
    loaded = Signal()
    #: A workbook was written (its path).
    written = Signal(Path)

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self._context = context
        self._fresh = Freshness(self.refresh)
        self.last_folder: Path | None = None
        self.frame = PageFrame(self, self.title(), tr(
            "De werkmap voor het Rijk-regio overleg: samenvatting, financiën met totalen, "
            "toezeggingen, voortgang van de indicatoren, projecten, bijsturing en het "
            "connectieplan van één deal (of van alle deals), voor het gekozen rapportagejaar. "
            "De regio vult Voortgang en Toezeggingen in; lees de teruggestuurde werkmap "
            "hier weer in."))
        body = QWidget()
        form = QFormLayout(body)
        self.deal = QComboBox()
        self.deal.setObjectName("exportDeal")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.contacts = QCheckBox(tr("Blad Contacten toevoegen (alleen werkgegevens)"))
        self.make = QPushButton(tr("&Werkmap maken…"))
        self.make.setEnabled(False)
        self.make.clicked.connect(self.ask_and_write)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.returning = ReturnImport(context, self)
        self.returning.said.connect(self.result.setText)
        self.read_back = QPushButton(tr("Teruggestuurde werkmap &inlezen…"))
        self.read_back.setObjectName("readBack")
        self.read_back.setToolTip(tr(
            "Lees de ingevulde Voortgang en Toezeggingen van een werkmap uit dealmaker in: "
            "u ziet eerst elke wijziging en kiest wat u overneemt."))
        self.read_back.clicked.connect(lambda: self.returning.start())
        rule = QLabel(tr("Status van een indicator: {rule}").format(rule=RULE_TEXT))
        rule.setWordWrap(True)
        form.addRow(tr("&Deal"), self.deal)
        form.addRow(tr("&Rapportagejaar"), self.year)
        form.addRow("", self.contacts)
        form.addRow("", self.make)
        form.addRow("", self.read_back)
        form.addRow("", self.result)
        form.addRow("", rule)
        self.frame.splitter.addWidget(body)
        context.signals.changes_applied.connect(self._on_changes)

    def title(self) -> str:
        return tr("Export")

    def widget(self) -> QWidget:
        return self

    def set_active(self, active: bool) -> None:
        self._fresh.set_active(active)

    def refresh(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            self._fresh.stale = True
            return
        self._fresh.stale = False
        self._context.tasks.run(deal_choices, ws, on_done=self._show_deals,
                                on_error=lambda exc: self.frame.show_error(str(exc)))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("deal"):
            self._fresh.changed()

    def _show_deals(self, deals: list[DealChoice]) -> None:
        current = self.deal.currentData()
        self.deal.clear()
        for d in deals:
            self.deal.addItem(d.name, d.id)
        if deals:
            self.deal.addItem(tr("Alle deals (portefeuille)"), ALL_DEALS)
        at = self.deal.findData(current)
        self.deal.setCurrentIndex(max(at, 0))
        self.make.setEnabled(bool(deals))
        self.loaded.emit()

    def ask_path(self) -> Path | None:
        ws = self._context.workspace()
        folder = self.last_folder or (ws.path.parent if ws else Path.home())
        which = (tr("alle deals") if self.deal.currentData() == ALL_DEALS
                 else self.deal.currentText())
        start = folder / workbook_name(which, self.year.value())
        name, _ = QFileDialog.getSaveFileName(self, tr("Werkmap voor het overleg opslaan"),
                                              str(start), tr("Excel-werkmap (*.xlsx)"))
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def ask_and_write(self) -> None:
        ws = self._context.workspace()
        deal_id = self.deal.currentData()
        if ws is None or deal_id is None:
            return
        path = self.ask_path()
        if path is None:
            return
        self.last_folder = path.parent
        self.make.setEnabled(False)
        self.frame.error.hide()
        steps = overleg_steps(ws, None if deal_id == ALL_DEALS else deal_id,
                              self.year.value(), path,
                              with_contacts=self.contacts.isChecked())
        self._context.tasks.run_steps(
            steps, title=tr("Werkmap maken"), parent=self, on_done=self._written,
            on_cancel=self._cancelled, on_error=self._failed)

    def _written(self, path: Path) -> None:
        self.make.setEnabled(True)
        text = tr("Werkmap geschreven: {path}").format(path=path)
        self.result.setText(text)
        self._context.signals.status_message.emit(text)
        self.written.emit(path)

    def _cancelled(self) -> None:
        self.make.setEnabled(True)
        self.result.setText(tr("Afgebroken; er is niets geschreven."))

    def _failed(self, exc: Exception) -> None:
        self.make.setEnabled(True)
        self.frame.show_error(tr("De werkmap kon niet worden geschreven: {error}")
                              .format(error=exc))
