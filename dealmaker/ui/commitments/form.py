"""The fields of a toezegging (the editor's upper half) and the data they make."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from dealmaker.domain.enums import CommitmentKind
from dealmaker.services.commitments.choices import EditorChoices
from dealmaker.services.commitments.records import CommitmentData
from dealmaker.services.commitments.register import Choice
from dealmaker.ui.shell.fields import (
    DateField,
    MoneyField,
    choose,
    chosen,
    searchable_combo,
)


class FieldError(ValueError):
    """A field's value is refused: ``field`` names the widget, ``str()`` says why."""

    def __init__(self, field: QWidget, message: str) -> None:
        super().__init__(message)
        self.field = field


class CommitmentForm(QWidget):
    def __init__(self, choices: EditorChoices, parent: Any = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in choices.kinds:
            self.kind.addItem(kind.label, kind.value)
        self.from_org = searchable_combo("fromOrg")
        self.to_org = searchable_combo("toOrg")
        for combo in (self.from_org, self.to_org):
            combo.addItem("", None)
            for p in choices.parties:
                combo.addItem(f"{p.name} ({p.side.label})", p.id)
        self.deal = searchable_combo("deal")
        self.deal.addItem(self.tr("(geen deal)"), None)
        for d in choices.deals:
            self.deal.addItem(d.name, d.id)
        self.owner = QComboBox()
        self.owner.setObjectName("owner")
        self.counterpart = QComboBox()
        self.counterpart.setObjectName("counterpart")
        self.amount = MoneyField()
        self.amount.setObjectName("amount")
        self.due = DateField()
        self.due.setObjectName("due")
        self.within_mandate = QCheckBox(self.tr("Binnen mandaat"))
        self.within_mandate.setChecked(True)
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setFixedHeight(70)
        form = self._layout = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for label, widget in ((self.tr("&Omschrijving"), self.title),
                              (self.tr("&Soort"), self.kind),
                              (self.tr("&Van (wie belooft)"), self.from_org),
                              (self.tr("&Aan (wie het krijgt)"), self.to_org),
                              (self.tr("&Deal"), self.deal),
                              (self.tr("&Eigenaar"), self.owner),
                              (self.tr("&Tegenpartij"), self.counterpart),
                              (self.tr("&Bedrag"), self.amount),
                              (self.tr("&Uiterlijk"), self.due),
                              ("", self.within_mandate),
                              (self.tr("&Toelichting"), self.description)):
            form.addRow(label, widget)

    def add_below_amount(self, widget: QWidget) -> None:
        """A row under Bedrag (the mandate flag)."""
        position: Any = self._layout.getWidgetPosition(self.amount)
        self._layout.insertRow(int(position[0]) + 1, "", widget)

    def set_people(self, combo: QComboBox, people: tuple[Choice, ...],
                   current: str | None) -> None:
        combo.clear()
        combo.addItem(self.tr("(niemand)"), None)
        for p in people:
            combo.addItem(p.name, p.id)
        choose(combo, current)

    def load(self, data: CommitmentData) -> None:
        self.title.setText(data.title)
        if self.kind.findData(data.kind.value) < 0:  # taken off the list since: still valid
            self.kind.addItem(data.kind.label, data.kind.value)
        choose(self.kind, data.kind.value)
        choose(self.from_org, data.from_organisation_id)
        choose(self.to_org, data.to_organisation_id)
        choose(self.deal, data.deal_id)
        self.amount.set_value(data.amount_cents)
        self.due.set_value(data.due_on)
        self.within_mandate.setChecked(data.within_mandate)
        self.description.setPlainText(data.description)

    def data(self, confirmed_by_id: str | None = None,
             meeting_id: str | None = None) -> CommitmentData:
        """The typed values; raises ``FieldError`` naming the field that is wrong."""
        frm, to = chosen(self.from_org), chosen(self.to_org)
        if frm is None:
            raise FieldError(self.from_org, self.tr("Kies wie de toezegging doet (Van)."))
        if to is None:
            raise FieldError(self.to_org, self.tr("Kies aan wie er is toegezegd (Aan)."))
        try:
            amount = self.amount.value()
        except ValueError as exc:
            raise FieldError(self.amount, str(exc)) from exc
        try:
            due = self.due.value()
        except ValueError as exc:
            raise FieldError(self.due, self.tr("Uiterlijk: {error}").format(error=exc)) \
                from exc
        return CommitmentData(
            title=self.title.text(), kind=CommitmentKind(self.kind.currentData()),
            from_organisation_id=frm, to_organisation_id=to, deal_id=chosen(self.deal),
            description=self.description.toPlainText(), owner_id=self.owner.currentData(),
            counterpart_id=self.counterpart.currentData(), amount_cents=amount, due_on=due,
            within_mandate=self.within_mandate.isChecked(), confirmed_by_id=confirmed_by_id,
            meeting_id=meeting_id)
