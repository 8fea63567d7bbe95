"""The parties of a deal in the dossier: organisation, role, joined and left; added,
changed and removed here, saved with the deal as one step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dealmaker.domain.dates import format_date, parse_date
from dealmaker.domain.enums import PartyRole
from dealmaker.services.commitments.choices import PartyChoice
from dealmaker.services.deals.records import PartyData
from dealmaker.ui.shell.fields import LazyCombo, chosen

ORG, ROLE, JOINED, LEFT = range(4)


class PartiesEditor(QWidget):
    def __init__(self, load: Callable[[], tuple[PartyChoice, ...]],
                 parent: Any = None, *, roles: Sequence[PartyRole] = tuple(PartyRole)) -> None:
        """``load`` fetches the organisations to choose from, when first needed; ``roles``
        are offered (the list in Instellingen)."""
        super().__init__(parent)
        self._roles = tuple(roles)
        self._names: dict[str, str] = {}
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("parties")
        self.table.setHorizontalHeaderLabels([self.tr("Partij"), self.tr("Rol"),
                                              self.tr("Toegetreden"), self.tr("Vertrokken")])
        self.table.horizontalHeader().setSectionResizeMode(ORG, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.org = LazyCombo("partyOrg", editable=True)
        self.org.setMinimumWidth(240)

        def choices() -> list[tuple[str, object]]:
            parties = load()
            self._names.update((p.id, p.name) for p in parties)
            return [(f"{p.name} ({p.side.label})", p.id) for p in parties]

        self.org.set_loader(("", None), choices)
        self.role = QComboBox()
        self.role.setObjectName("partyRole")
        for r in self._roles:
            self.role.addItem(r.label, r.value)
        # a role is a combo in its cell: the column must fit the longest one whole
        self.table.setColumnWidth(ROLE, self.role.sizeHint().width() + 4)
        self.add_button = QPushButton(self.tr("Partij &toevoegen"))
        self.add_button.setObjectName("addParty")
        self.add_button.clicked.connect(self.add_chosen)
        self.remove_button = QPushButton(self.tr("Partij ve&rwijderen"))
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.org, 1)
        row.addWidget(self.role)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def add(self, p: PartyData, name: str | None = None) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        org = QTableWidgetItem(name or self._names.get(p.organisation_id, "?"))
        org.setData(0x0100, (p.organisation_id, p.id))  # Qt.UserRole
        org.setFlags(org.flags() & ~org.flags().ItemIsEditable)
        self.table.setItem(r, ORG, org)
        combo = QComboBox()
        for role in (*self._roles, *(() if p.role in self._roles else (p.role,))):
            combo.addItem(role.label, role.value)
        combo.setCurrentIndex(combo.findData(p.role.value))
        self.table.setCellWidget(r, ROLE, combo)
        self.table.setItem(r, JOINED, QTableWidgetItem(format_date(p.joined_on)))
        self.table.setItem(r, LEFT, QTableWidgetItem(format_date(p.left_on)))

    def add_chosen(self) -> None:
        org = chosen(self.org)
        if org is not None:
            self.add(PartyData(org, PartyRole(self.role.currentData())))
            self.org.setCurrentIndex(0)

    def remove_selected(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)

    def parties(self) -> list[PartyData]:
        """The rows as data; a date that cannot be read raises ``ValueError`` (Dutch)."""
        out = []
        for r in range(self.table.rowCount()):
            item = self.table.item(r, ORG)
            combo = self.table.cellWidget(r, ROLE)
            assert item is not None and isinstance(combo, QComboBox)
            org_id, row_id = item.data(0x0100)
            dates = []
            for col in (JOINED, LEFT):
                cell = self.table.item(r, col)
                text = cell.text().strip() if cell is not None else ""
                try:
                    dates.append(parse_date(text) if text else None)
                except ValueError as exc:
                    raise ValueError(f"{item.text()}: {exc}") from exc
            out.append(PartyData(org_id, PartyRole(combo.currentData()), dates[0], dates[1],
                                 row_id))
        return out
