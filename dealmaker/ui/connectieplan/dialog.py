"""Laying or changing a relation from the canvas: kind, theme and strength (to an opgave:
owns it or works on it); when laying one, also the node it goes to."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from dealmaker.domain.enums import OpgaveRole, RelationKind
from dealmaker.graph.model import DEAL, OPGAVE, Edge, Node
from dealmaker.services.connectieplan.load import DealChoice
from dealmaker.services.connectieplan.relations import RelationData
from dealmaker.ui.connectieplan.toolbar import tr


class RelationDialog(QDialog):
    """``RelationDialog(parent, source, themes, targets=[...])`` lays a new relation from
    ``source``; ``edge=...`` changes an existing one. ``data()`` and ``target()`` read it."""

    def __init__(self, parent: QWidget | None, source: Node, themes: list[DealChoice], *,
                 targets: list[Node] | None = None, edge: Edge | None = None,
                 opgave: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("relationDialog")
        self.setWindowTitle(tr("Relatie wijzigen") if edge else tr("Relatie toevoegen"))
        form = QFormLayout(self)
        form.addRow(tr("Van:"), QLabel(source.label))
        self.to = QComboBox()
        self.to.setObjectName("relationTarget")
        self.to.setEditable(True)
        self.to.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._opgaven = {n.id for n in targets or [] if n.kind == OPGAVE}
        for n in sorted(targets or [], key=lambda n: (n.kind != OPGAVE, n.label.casefold())):
            if n.id != source.id and n.kind != DEAL:
                self.to.addItem(("◆ " if n.kind == OPGAVE else "") + n.label, n.id)
        if targets is not None:
            form.addRow(tr("Naar:"), self.to)
        self.kind = QComboBox()
        for k in RelationKind:
            self.kind.addItem(k.label, k.value)
        self.role = QComboBox()
        for r in OpgaveRole:
            self.role.addItem(r.label, r.value)
        self._select(self.role, OpgaveRole.WERKT_AAN.value)
        self.theme = QComboBox()
        self.theme.addItem(tr("(geen thema)"), None)
        for t in themes:
            self.theme.addItem(t.name, t.id)
        self.strength = QSpinBox()
        self.strength.setRange(1, 5)
        self.strength.setValue(edge.strength if edge and edge.strength else 3)
        self.strength.setToolTip(tr("1 = zwak, 5 = sterk"))
        form.addRow(tr("Soort:"), self.kind)
        form.addRow(tr("Rol bij de opgave:"), self.role)
        form.addRow(tr("Thema:"), self.theme)
        form.addRow(tr("Sterkte:"), self.strength)
        if edge is not None:
            self._select(self.kind, next((k.value for k in RelationKind
                                          if k.label == edge.label), None))
            self._select(self.role, next((r.value for r in OpgaveRole
                                          if r.label == edge.label), None))
            self._select(self.theme, edge.theme)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._opgave = opgave or source.kind == OPGAVE
        self.to.currentIndexChanged.connect(lambda _i: self._fit())
        self._fit()

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _fit(self) -> None:
        """An opgave link has a role, no kind or theme; a relation the other way round."""
        on_opgave = self._opgave or self.to.currentData() in self._opgaven
        for widget, show in ((self.role, on_opgave), (self.kind, not on_opgave),
                             (self.theme, not on_opgave)):
            widget.setEnabled(show)

    def target(self) -> str | None:
        data = self.to.currentData()
        return str(data) if data else None

    def data(self) -> RelationData:
        theme = self.theme.currentData()
        return RelationData(RelationKind(self.kind.currentData()), self.strength.value(),
                            str(theme) if theme else None,
                            OpgaveRole(self.role.currentData()))
