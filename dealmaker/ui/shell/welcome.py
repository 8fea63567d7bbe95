"""The demo says it is the demo: a banner above the pages, with the way to real work.

At first start dealmaker opens a demo workspace beside the user's own (which does not
exist yet). While the demo is open, this banner says the data is invented and offers
to begin the user's own workspace, empty or by importing contacts into it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from dealmaker.storage.workspace import Workspace


def workspace_is_demo(ws: Workspace) -> bool:
    """Off the UI thread: the demo package is imported only when asked."""
    from dealmaker.services.demo.marker import is_demo

    return is_demo(ws)


class WelcomeBanner(QFrame):
    """'Dit is de demowerkruimte' with 'Eigen werkruimte beginnen' and 'Contacten
    importeren…' (both begin the user's own workspace; the second then imports)."""

    own_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeBanner")
        self.setStyleSheet("#welcomeBanner { background: #fff4d6; border-bottom: 1px solid "
                           "#e2c36b; } #welcomeBanner QLabel { color: #3d3200; }")
        self.title = QLabel(self.tr("<b>Dit is de demowerkruimte</b>: verzonnen personen, "
                                    "deals en bedragen om rond te kijken."))
        self.text = QLabel(self.tr(
            "Uw eigen werk begint in een eigen, lege werkruimte; de demo blijft apart "
            "bewaard (Bestand > Recent geopend)."))
        self.title.setWordWrap(True)
        self.text.setWordWrap(True)
        self.own = QPushButton(self.tr("Eigen werkruimte beginnen"))
        self.own.setObjectName("beginOwnWorkspace")
        self.importing = QPushButton(self.tr("Contacten importeren…"))
        self.importing.setObjectName("beginWithImport")
        self.own.clicked.connect(self.own_requested)
        self.importing.clicked.connect(self.import_requested)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.text)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.addLayout(words, 1)
        row.addWidget(self.own)
        row.addWidget(self.importing)
        self.hide()
