"""Step 3 of the import: every row as it will be read, problems in red, and per
duplicate what to do with it (also for all duplicates at once)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.importing import Action, ImportPlan
from dealmaker.ui.importing.combo_delegate import ComboDelegate
from dealmaker.ui.importing.preview_model import (
    ACTION,
    EMAIL,
    FUNCTION,
    NAME,
    ORGANISATION,
    PHONE,
    REMARKS,
    ROW,
    PreviewModel,
    PreviewProxy,
)
from dealmaker.ui.importing.texts import plan_counts

_WIDTHS = {ROW: 48, NAME: 160, EMAIL: 180, PHONE: 110, ORGANISATION: 160, FUNCTION: 120,
           ACTION: 150}


class PreviewStep(QWidget):
    """The preview table with a filter, bulk buttons for duplicates and live counts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        intro = QLabel(self.tr(
            "Controleer de rijen. Rood gemarkeerde cellen bevatten een fout (wijs de cel aan "
            "voor de uitleg); die rijen worden niet geïmporteerd. Bij een mogelijk dubbel "
            "contact kiest u in de kolom Actie: samenvoegen, overslaan of toch aanmaken."))
        intro.setWordWrap(True)
        self.model = PreviewModel(self)
        self.proxy = PreviewProxy(self)
        self.proxy.setSourceModel(self.model)
        self.delegate = ComboDelegate(self)
        self.view = QTableView()
        self.view.setObjectName("previewView")
        self.view.setModel(self.proxy)
        self.view.setItemDelegateForColumn(ACTION, self.delegate)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(ROW, Qt.SortOrder.AscendingOrder)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(30)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        # Meldingen takes what is left, so that Actie is always in view
        header.setSectionResizeMode(REMARKS, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)

        self.attention_only = QCheckBox(self.tr("Alleen rijen met fouten of mogelijke dubbelen"))
        self.attention_only.toggled.connect(self.proxy.set_attention_only)
        self.bulk_buttons: dict[Action, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.attention_only)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Alle dubbelen:")))
        bulk: tuple[tuple[Action, str], ...] = (
            ("merge", self.tr("Samenvoegen")), ("skip", self.tr("Overslaan")),
            ("create", self.tr("Aanmaken")))
        for action, text in bulk:
            button = QPushButton(text)
            button.setObjectName(f"bulk_{action}")
            button.clicked.connect(lambda _c=False, a=action: self.model.set_all_duplicates(a))
            bar.addWidget(button)
            self.bulk_buttons[action] = button
        self.counts = QLabel()
        self.counts.setObjectName("previewCounts")
        self.model.counts_changed.connect(self._update_counts)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.counts)

    def set_plan(self, plan: ImportPlan) -> None:
        self.model.set_plan(plan)
        has_duplicates = any(r.duplicates and not r.problems for r in plan.rows)
        for button in self.bulk_buttons.values():
            button.setEnabled(has_duplicates)

    def _update_counts(self) -> None:
        plan = self.model.plan
        if plan is not None:
            self.counts.setText(self.tr("{file}: {counts}").format(
                file=plan.source, counts=plan_counts(plan.counts())))
