"""The review of a returned workbook: every change with a check box, nothing written yet.

With refusals the same dialog lists them, cell by cell, and only closes: nothing can be
written from a workbook that does not match.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from dealmaker.services.workbook.back_rows import WorkbookChange
from dealmaker.services.workbook.roundtrip import ReturnPlan


def tr(text: str) -> str:
    return QCoreApplication.translate("export", text)


class ReviewDialog(QDialog):
    """``chosen()`` after ``accepted``: the changes left checked."""

    def __init__(self, plan: ReturnPlan, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewReturned")
        self.plan = plan
        self.setWindowTitle(tr("Teruggestuurde werkmap inlezen"))
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.table = QTableWidget(0, 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)  # a long change reads in full, on two lines
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox()
        layout.addWidget(self.buttons)
        if plan.refusals:
            self._show_refusals()
        else:
            self._show_changes()

    def _show_refusals(self) -> None:
        self.heading.setText(tr(
            "{name} is geweigerd: {count} cellen passen niet. Er is niets ingelezen; pas de "
            "werkmap aan of vraag een nieuwe op.").format(
                name=self.plan.path.name, count=len(self.plan.refusals)))
        self._fill([tr("Cel"), tr("Reden")],
                   [(f"{r.sheet}!{r.cell}", r.message) for r in self.plan.refusals],
                   checkable=False)
        self.buttons.addButton(tr("&Sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)

    def _show_changes(self) -> None:
        whose = self.plan.deal or tr("alle deals")
        self.heading.setText(tr(
            "{name} ({deal}): {count} wijzigingen. Vink uit wat u niet wilt overnemen; de "
            "rest wordt in één stap opgeslagen (ongedaan te maken met Ctrl+Z).").format(
                name=self.plan.path.name, deal=whose, count=len(self.plan.changes)))
        self._fill([tr("Cel"), tr("Deal"), tr("Onderwerp"), tr("Wijziging")],
                   [(c.where, c.deal, c.subject, c.what) for c in self.plan.changes],
                   checkable=True)
        self.save = self.buttons.addButton(tr("Wijzigingen &opslaan"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setObjectName("saveReturned")
        self.buttons.addButton(tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        every = QPushButton(tr("Alles &aan"))
        none = QPushButton(tr("Alles &uit"))
        self.buttons.addButton(every, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.addButton(none, QDialogButtonBox.ButtonRole.ResetRole)
        every.clicked.connect(lambda: self.check_all(True))
        none.clicked.connect(lambda: self.check_all(False))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemChanged.connect(lambda _item: self._count())

    def _fill(self, headers: list[str], rows: list[tuple[str, ...]], *,
              checkable: bool) -> None:
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 0 and checkable:
                    item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                                  | Qt.ItemFlag.ItemIsSelectable)
                    item.setCheckState(Qt.CheckState.Checked)
                self.table.setItem(r, c, item)
        head = self.table.horizontalHeader()
        for c in range(len(headers) - 1):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

    def _box(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, 0)
        assert item is not None
        return item

    def check_all(self, on: bool) -> None:
        for r in range(self.table.rowCount()):
            self.set_checked(r, on)

    def set_checked(self, row: int, on: bool) -> None:
        self._box(row).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _count(self) -> None:
        self.save.setEnabled(bool(self.chosen()))

    def chosen(self) -> list[WorkbookChange]:
        return [c for r, c in enumerate(self.plan.changes)
                if self._box(r).checkState() == Qt.CheckState.Checked]
