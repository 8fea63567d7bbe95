"""Step 1 of the import: choose a .csv, .xlsx or .vcf file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class FileStep(QWidget):
    """A path field with Bladeren…, what the formats are, and an error line."""

    #: the path text changed (the dialog enables Volgende)
    path_changed = Signal()

    def __init__(self, start_dir: Callable[[], Path], parent: Any = None) -> None:
        super().__init__(parent)
        self._start_dir = start_dir
        intro = QLabel(self.tr(
            "Kies het bestand met de contacten. dealmaker herkent de exports van Outlook, "
            "Google Contacten, Apple Contacten, Thunderbird, Yahoo en LinkedIn "
            "(Connections.csv), Excel-lijsten (.xlsx) en vCards (.vcf) van telefoons en "
            "mailprogramma's. Er wordt nog niets geïmporteerd: u ziet eerst hoe de kolommen "
            "worden gelezen en een voorbeeld van alle rijen."))
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(self.tr("Pad naar een .csv-, .xlsx- of .vcf-bestand"))
        self.path_edit.setClearButtonEnabled(True)
        self.path_edit.textChanged.connect(self._on_text)
        browse = QPushButton(self.tr("&Bladeren…"))
        browse.clicked.connect(self.browse)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("Bestand:")))
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def path(self) -> Path | None:
        text = self.path_edit.text().strip().strip('"')
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path) -> None:
        self.path_edit.setText(str(path))

    def browse(self) -> None:
        current = self.path()
        start = current.parent if current is not None else self._start_dir()
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Contactenbestand kiezen"), str(start),
            self.tr("Contactenbestanden (*.csv *.txt *.xlsx *.vcf);;Alle bestanden (*)"))
        if name:
            self.set_path(Path(name))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _on_text(self) -> None:
        self.show_error("")
        self.path_changed.emit()
