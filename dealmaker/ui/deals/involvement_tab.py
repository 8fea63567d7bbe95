"""Dossier tab 'Ministeries en coalitie': per ministry the contact moments in each phase
(the directies in the tooltip and below), relevant ministries without contact before
signing flagged, and the regional coalition by helix with a warning for a gap."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from dealmaker.domain.enums import Helix
from dealmaker.services.deals.involvement import PHASE_LABELS, PHASES, SIGNING_WINDOW, Involvement
from dealmaker.ui.deals.dossier_tabs import fill_table, table
from dealmaker.ui.shell.table_model import ATTENTION


def _t(text: str) -> str:
    return QCoreApplication.translate("deals", text)


class InvolvementTab(QWidget):
    #: The user wants to say which ministries each theme concerns.
    edit_map = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.map_button = QPushButton(_t("Ministeries per &thema…"))
        self.map_button.setObjectName("themeMinistriesButton")
        self.map_button.setToolTip(_t("Welke ministeries horen bij welk thema (bepaalt "
                                      "welke ministeries relevant zijn)"))
        self.map_button.clicked.connect(self.edit_map)
        self.warnings = QLabel(_t("Laden…"))
        self.warnings.setObjectName("involvementWarnings")
        self.warnings.setWordWrap(True)
        self.ministries = table("ministryInvolvement", (
            _t("Ministerie"), *[PHASE_LABELS[p] for p in PHASES], _t("Relevant door")), ())
        self.helixes = table("helixCoverage", (_t("Helix"), _t("Partijen")), ())
        self.helixes.setMaximumHeight(190)
        hint = QLabel(_t("Fase naar de datum van het contactmoment: voorstel vóór het "
                         "indienen, ondertekening de {n} dagen tot en met het tekenen, "
                         "uitvoering daarna. De tooltip van een getal noemt de directies.")
                      .format(n=SIGNING_WINDOW))
        hint.setObjectName("emptyText")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warnings)
        layout.addWidget(self.ministries, 2)
        layout.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(QLabel(_t("Coalitie naar helix (regionale partijen)")))
        row.addStretch(1)
        row.addWidget(self.map_button)
        layout.addLayout(row)
        layout.addWidget(self.helixes, 1)

    def show_involvement(self, inv: Involvement) -> None:
        rows = [(m.short or m.name, *[str(m.moments.get(p, "")) for p in PHASES], m.relevant)
                for m in inv.ministries]
        fill_table(self.ministries, rows, [m.id for m in inv.ministries],
                   [i for i, m in enumerate(inv.ministries) if m.flagged],
                   right=range(1, 1 + len(PHASES)))
        for r, m in enumerate(inv.ministries):
            for c, phase in enumerate(PHASES, start=1):
                item = self.ministries.item(r, c)
                if item is not None and m.directies.get(phase):
                    item.setToolTip("\n".join(m.directies[phase]))
            name = self.ministries.item(r, 0)
            if name is not None:
                name.setToolTip(m.name + ("\n" + _t("Relevant, maar geen contact vóór de "
                                                     "ondertekening") if m.flagged else ""))
        self._fit(self.ministries)
        helix_rows = [(h.label, ", ".join(inv.helixes.get(h, ())) or _t("(niemand)"))
                      for h in Helix]
        fill_table(self.helixes, helix_rows, [h.value for h in Helix],
                   [i for i, h in enumerate(Helix) if not inv.helixes.get(h)
                    and h is not Helix.INWONERS])
        self._fit(self.helixes)
        self.helixes.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.warnings.setText("\n".join(f"⚠ {w}" for w in inv.warnings) or
                              _t("✔ Elke relevante ministerie had contact vóór de "
                                 "ondertekening; de coalitie dekt de vier helices."))
        self.warnings.setStyleSheet(f"color: {ATTENTION.color().name()}" if inv.warnings
                                    else "")

    def show_error(self, text: str) -> None:
        self.warnings.setText(text)

    @staticmethod
    def _fit(t: QTableWidget) -> None:
        """Name and last column share the room; the counts take what they need."""
        header = t.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        last = t.columnCount() - 1
        for c in range(1, last):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
