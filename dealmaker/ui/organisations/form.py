"""The small form for a new organisation and for renaming one.

The form does not write: ``submit(form)`` is called on Opslaan; the screen runs the
service and either closes the form (``finish``) or shows the refusal (``show_error``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from dealmaker.domain.enums import OrgKind, Side
from dealmaker.services.organisations import OrganisationData, OrgNode
from dealmaker.ui.organisations.tree_nodes import RIJK

RIJK_KINDS = (OrgKind.MINISTERIE, OrgKind.DG, OrgKind.DIRECTIE, OrgKind.AFDELING)
#: a new unit under a ministry is a DG, under a DG a directie, under a directie an afdeling
_BELOW = {OrgKind.MINISTERIE: OrgKind.DG, OrgKind.DG: OrgKind.DIRECTIE,
          OrgKind.DIRECTIE: OrgKind.AFDELING}


def default_kind(parent: OrgNode | None, group: str | None) -> OrgKind:
    """The likely kind of a new organisation under ``parent`` or in grouping ``group``."""
    if parent is not None:
        return _BELOW.get(parent.kind, parent.kind)
    if group == RIJK:
        return OrgKind.MINISTERIE
    return OrgKind(group) if group is not None else OrgKind.GEMEENTE


class OrganisationForm(QDialog):
    """``new``: name, short name, kind, side, parent; otherwise (rename): the names."""

    def __init__(self, submit: Callable[[OrganisationForm], None], *, new: bool,
                 name: str = "", short_name: str = "", parent_org: OrgNode | None = None,
                 group: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationForm")
        self._submit = submit
        self.new = new
        self.setWindowTitle(self.tr("Nieuwe organisatie") if new
                            else self.tr("Organisatie hernoemen"))
        self.name = QLineEdit(name)
        self.name.setObjectName("orgName")
        self.short_name = QLineEdit(short_name)
        self.short_name.setObjectName("orgShortName")
        self.short_name.setPlaceholderText(self.tr("bijv. BZK"))
        self.kind = QComboBox()
        for kind in OrgKind:
            self.kind.addItem(kind.label, kind.value)
        self.side = QComboBox()
        for side in Side:
            self.side.addItem(side.label, side.value)
        self.parent_choice = QComboBox()
        self.parent_choice.addItem(self.tr("(bovenste niveau)"), None)
        if parent_org is not None:
            self.parent_choice.addItem(parent_org.name, parent_org.id)
            self.parent_choice.setCurrentIndex(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.kind.setCurrentIndex(self.kind.findData(default_kind(parent_org, group).value))
        self._kind_changed()
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Naam:"), self.name)
        form.addRow(self.tr("&Korte naam:"), self.short_name)
        if new:
            form.addRow(self.tr("&Soort:"), self.kind)
            form.addRow(self.tr("K&ant:"), self.side)
            form.addRow(self.tr("&Valt onder:"), self.parent_choice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.name.setFocus()

    def _kind_changed(self) -> None:
        rijk = OrgKind(self.kind.currentData()) in RIJK_KINDS
        self.side.setCurrentIndex(self.side.findData((Side.RIJK if rijk else Side.REGIO).value))

    def data(self) -> OrganisationData:
        return OrganisationData(
            name=self.name.text(), kind=OrgKind(self.kind.currentData()),
            side=Side(self.side.currentData()), short_name=self.short_name.text() or None,
            parent_id=self.parent_choice.currentData())

    def accept(self) -> None:
        if not self.name.text().strip():
            self.show_error(self.tr("Een organisatie heeft een naam nodig."))
            return
        self._submit(self)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.name.setFocus()

    def finish(self) -> None:
        """The service accepted: close."""
        super().accept()
