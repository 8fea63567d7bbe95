"""Step 3 of the import: every row as it will be read, warnings in amber, the existing
contact a row matched with the fields that differ, and per duplicate what to do with it
(also for all duplicates at once). Below the table the selected row is compared with
the contact it matched, field by field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
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

from dealmaker.services.importing import ACTIONS, Action, ImportPlan
from dealmaker.ui.importing.combo_delegate import ComboDelegate
from dealmaker.ui.importing.preview_model import (
    ACTION,
    EMAIL,
    FUNCTION,
    MATCH,
    NAME,
    ORGANISATION,
    PHONE,
    REMARKS,
    ROW,
    AttentionRole,
    PreviewModel,
    PreviewProxy,
    comparison_lines,
)
from dealmaker.ui.importing.texts import action_label, plan_counts

#: share of the table's width per column (Verschillen takes the rest); the columns follow
#: the table's width, never narrower than their header (or, for Actie, the widest
#: action), so that at 1024 pixels no header is cut off; cells elide, tooltips hold them
_SHARES = {ROW: 0.04, NAME: 0.12, EMAIL: 0.13, PHONE: 0.08, ORGANISATION: 0.11,
           FUNCTION: 0.08, MATCH: 0.12, ACTION: 0.0}
#: room beside a header's text (margins, sort arrow) and beside an action (combo arrow)
_HEADER_ROOM, _COMBO_ROOM = 26, 40


class PreviewStep(QWidget):
    """The preview table with a filter, bulk buttons for duplicates and live counts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        intro = QLabel(self.tr(
            "Controleer de rijen. Een oranje cel is anders bewaard dan getypt (bijvoorbeeld "
            "een telefoon die geen nummer is: die staat in de notities); wijs de cel aan voor "
            "de uitleg. Bestaat een contact al, dan vult ‘Aanvullen’ aan wat nieuw is zonder "
            "iets te overschrijven; u kunt per rij ook overschrijven, overslaan of toch een "
            "nieuw contact aanmaken."))
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
        self.view.viewport().installEventFilter(self)
        self._fit_columns()
        # Meldingen takes what is left, so that Actie is always in view
        header.setSectionResizeMode(REMARKS, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)

        self.attention_only = QCheckBox(self.tr("Alleen bekende contacten en rijen met meldingen"))
        self.attention_only.toggled.connect(self.proxy.set_attention_only)
        self.bulk_buttons: dict[Action, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.attention_only)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Alle dubbelen:")))
        for action in ACTIONS:
            button = QPushButton(action_label(action))
            button.setObjectName(f"bulk_{action}")
            button.clicked.connect(lambda _c=False, a=action: self.model.set_all_duplicates(a))
            bar.addWidget(button)
            self.bulk_buttons[action] = button
        self.counts = QLabel()
        self.counts.setObjectName("previewCounts")
        self.model.counts_changed.connect(self._update_counts)
        self.comparison = QLabel()
        self.comparison.setObjectName("previewComparison")
        self.comparison.setWordWrap(True)
        self.comparison.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.comparison.setMinimumHeight(64)
        self.comparison.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.comparison.setStyleSheet("background: palette(alternate-base); padding: 6px;")
        self.view.selectionModel().currentRowChanged.connect(self._show_comparison)
        self.model.counts_changed.connect(self._show_comparison)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.comparison)
        layout.addWidget(self.counts)

    def set_plan(self, plan: ImportPlan) -> None:
        self.model.set_plan(plan)
        has_duplicates = any(r.duplicates and not r.problems for r in plan.rows)
        for button in self.bulk_buttons.values():
            button.setEnabled(has_duplicates)
        first = next((n for n in range(self.proxy.rowCount())
                      if self.proxy.index(n, 0).data(AttentionRole)), 0)
        if self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(first, ROW))
        self._show_comparison()

    def _show_comparison(self, *_args: Any) -> None:
        """The selected row beside the contact it matched, field by field."""
        index = self.view.currentIndex()
        if not index.isValid() or self.model.plan is None:
            self.comparison.setText(self.tr("Kies een rij om hem te vergelijken met het "
                                            "bestaande contact."))
            return
        row = self.model.plan_row(self.proxy.mapToSource(index).row())
        if row.problems:
            text = self.tr("Rij {row} wordt niet geïmporteerd: {why}").format(
                row=row.row, why="; ".join(p.reason for p in row.problems))
        elif row.match is not None:
            text = self.tr("Rij {row} ({name}) is al bekend als {match}. Met ‘{action}’:"
                           ).format(row=row.row, name=row.values.full_name,
                                    match=row.match.name, action=action_label(row.action))
            text += "\n" + "\n".join("• " + line for line in comparison_lines(row))
        elif row.duplicates:
            text = self.tr("Rij {row}: mogelijk dezelfde persoon als rij {other} van dit "
                           "bestand ({reason}).").format(row=row.row, other=row.duplicates[0].row,
                                                        reason=row.duplicates[0].reason)
        else:
            text = self.tr("Rij {row} ({name}) wordt een nieuw contact.").format(
                row=row.row, name=row.values.full_name)
        if row.warnings:
            text += "\n" + "\n".join("• " + w.reason for w in row.warnings)
        self.comparison.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the table's own width, not the step's: a hidden step learns its size late
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        width = max(self.view.viewport().width(), 600)
        header = self.view.horizontalHeader()
        for column, share in _SHARES.items():
            header.resizeSection(column, max(int(width * share), self._least_width(column)))

    def _least_width(self, column: int) -> int:
        metrics = self.view.horizontalHeader().fontMetrics()
        text = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
        least = metrics.horizontalAdvance(text) + _HEADER_ROOM
        if column == ACTION:
            least = max(least, max(self.view.fontMetrics().horizontalAdvance(
                action_label(a)) for a in ACTIONS) + _COMBO_ROOM)
        return least

    def _update_counts(self) -> None:
        plan = self.model.plan
        if plan is not None:
            self.counts.setText(self.tr("{file}: {counts}").format(
                file=plan.source, counts=plan_counts(plan.counts())))
