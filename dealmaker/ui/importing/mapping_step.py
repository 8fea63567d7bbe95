"""Step 2 of the import: which column of the file fills which field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dealmaker.ui.importing.columns import FileColumns
from dealmaker.ui.importing.combo_delegate import ComboDelegate
from dealmaker.ui.importing.mapping_model import FIELD, HEADER, SAMPLE, MappingModel
from dealmaker.ui.importing.texts import rows


class MappingStep(QWidget):
    """The column table (field chosen per column with a combo box) and a count line."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        intro = QLabel(self.tr(
            "Kies per kolom van het bestand welk gegeven erin staat. Herkende kolommen zijn "
            "al ingevuld; kolommen op ‘niet importeren’ worden overgeslagen. Klik op een "
            "keuze in de rechterkolom om die te wijzigen."))
        intro.setWordWrap(True)
        self.model = MappingModel(self)
        self.delegate = ComboDelegate(self)
        self.view = QTableView()
        self.view.setObjectName("mappingView")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(FIELD, self.delegate)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(30)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(HEADER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SAMPLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(HEADER, 220)
        header.resizeSection(FIELD, 280)
        header.setHighlightSections(False)
        self.count = QLabel()
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.model.dataChanged.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        self._rows = 0
        self._name = ""

    def set_columns(self, columns: FileColumns) -> None:
        self._rows, self._name = columns.rows, columns.path.name
        self.show_error("")
        self.model.set_columns(columns)

    def mapping(self) -> dict[str, str | None]:
        return self.model.mapping()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _update_count(self) -> None:
        self.show_error("")
        self.count.setText(self.tr("{file}: {mapped} van {total} kolommen gekoppeld, {rows}.")
                           .format(file=self._name, mapped=self.model.mapped_count(),
                                   total=self.model.rowCount(), rows=rows(self._rows)))
