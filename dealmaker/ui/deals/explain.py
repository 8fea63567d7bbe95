"""Why a deal breaks (or keeps) the cofinancing rules: every rule of its tranche with the
figures, opened from the portfolio's Regels cell."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QVBoxLayout

from dealmaker.services.deals.portfolio import PortfolioRow
from dealmaker.ui.deals.dossier_tabs import table


class RulesExplanation(QDialog):
    def __init__(self, row: PortfolioRow, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesExplanation")
        self.setWindowTitle(self.tr("Cofinancieringsregels: {deal}").format(deal=row.name))
        checks = [("✔" if c.kept else ("⚠" if c.warning else "✘"), c.rule, c.explanation)
                  for c in row.checks]
        self.checks = table("explainedChecks", ("", self.tr("Regel"), self.tr("Uitleg")),
                            checks, attention=[i for i, c in enumerate(row.checks) if not c.kept])
        header = self.checks.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.checks.setWordWrap(True)  # an explanation is read whole, never elided
        tranche = self.tr("tranche {t}").format(t=row.tranche) if row.tranche else \
            self.tr("deals zonder tranche")
        intro = QLabel(self.tr("Getoetst aan de regels van {tranche}; ✘ is een overtreding, "
                               "⚠ een waarschuwing.").format(tranche=tranche) if row.checks
                       else self.tr("Nog geen Rijksbijdrage: er valt nog niets te toetsen."))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.checks, 1)
        layout.addWidget(buttons)
        self.resize(860, 340)
        self.checks.resizeRowsToContents()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.checks.resizeRowsToContents()
