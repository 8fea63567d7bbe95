"""The cofinancing rules per tranche, editable: the Rijk's largest share of a deal, the
smallest and largest Rijksbijdrage, and whether the region brings at least as much as
the Rijk. Saved as one undoable step (Ctrl+Z); every deal of the tranche is checked
against them at once (portfolio, dossier)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from dealmaker.domain.rules import CofinancingRules
from dealmaker.services.changes import Changes
from dealmaker.services.deals.rules import ANY_TRANCHE, RuleBook, rule_book, set_tranche_rules
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import MoneyField

EXPLANATION = (
    "Het Rijk betaalt uit de Regio Envelop hoogstens een deel van de hele deal (Rijk plus "
    "regionale cofinanciering), minstens en hoogstens een vast bedrag; de regio brengt "
    "de rest, publiek en privaat, in cash of in natura. 'Alle tranches' geldt voor elke "
    "tranche zonder eigen regels.")


def parse_pct(text: str) -> Decimal:
    """'50', '47,5' or '33,33%' as an exact percentage (two decimals at most)."""
    raw = text.strip().rstrip("%").strip().replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(f"'{text.strip()}' is geen percentage") from None
    if value != value.quantize(Decimal("0.01")):
        raise ValueError("Een percentage heeft hoogstens twee decimalen.")
    return value


class RulesDialog(QDialog):
    def __init__(self, context: AppContext, tranches: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesDialog")
        self.setWindowTitle(self.tr("Cofinancieringsregels"))
        self._context = context
        ws = context.workspace()
        assert ws is not None
        self._ws = ws
        self._book: RuleBook = rule_book(ws)
        self.tranche = QComboBox()
        self.tranche.setObjectName("ruleTranche")
        self.tranche.addItem(self.tr("Alle tranches"), ANY_TRANCHE)
        for t in sorted(set(tranches) | set(self._book.by_tranche) - {ANY_TRANCHE}):
            self.tranche.addItem(self.tr("Tranche {t}").format(t=t), t)
        self.share = QLineEdit()
        self.share.setObjectName("maxShare")
        self.rijk_min, self.rijk_max = MoneyField(), MoneyField()
        self.rijk_min.setObjectName("rijkMin")
        self.rijk_max.setObjectName("rijkMax")
        self.regional = QCheckBox(self.tr("De regio brengt minstens evenveel als het Rijk"))
        self.regional.setObjectName("regionalAtLeast")
        form = QFormLayout()
        form.addRow(self.tr("&Tranche"), self.tranche)
        form.addRow(self.tr("Rijksaandeel &hoogstens (%)"), self.share)
        form.addRow(self.tr("Rijksbijdrage &minstens"), self.rijk_min)
        form.addRow(self.tr("Rijksbijdrage h&oogstens"), self.rijk_max)
        form.addRow("", self.regional)
        intro = QLabel(self.tr(EXPLANATION))
        intro.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        for field, tip in (
                (self.share, self.tr("Rijksbijdrage gedeeld door Rijksbijdrage plus regionale "
                                     "cofinanciering (toegezegd), hoogstens dit percentage")),
                (self.rijk_min, self.tr("Een kleinere Rijksbijdrage is een overtreding")),
                (self.rijk_max, self.tr("Een grotere Rijksbijdrage is een overtreding")),
                (self.regional, self.tr("Regionale cofinanciering (toegezegd) lager dan de "
                                        "Rijksbijdrage is een overtreding"))):
            field.setToolTip(tip)
        self.tranche.currentIndexChanged.connect(self._show)
        self._show()
        self.setMinimumWidth(520)

    def _show(self) -> None:
        rules = self._book.for_tranche(self.tranche.currentData())
        self.share.setText(f"{rules.max_rijk_share_pct:.2f}".replace(".", ","))
        self.rijk_min.set_value(rules.rijk_min)
        self.rijk_max.set_value(rules.rijk_max)
        self.regional.setChecked(rules.regional_at_least_rijk)
        self.error.hide()

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def rules(self) -> CofinancingRules:
        """The fields as rules; ``ValueError`` (Dutch) names what is wrong."""
        values = []
        for field, what in ((self.rijk_min, self.tr("Minstens")),
                            (self.rijk_max, self.tr("Hoogstens"))):
            try:
                amount = field.value()
            except ValueError as exc:
                raise ValueError(f"{what}: {exc}") from exc
            if amount is None:
                raise ValueError(self.tr("{what}: vul een bedrag in.").format(what=what))
            values.append(amount)
        try:
            share = parse_pct(self.share.text())
        except ValueError as exc:
            raise ValueError(self.tr("Rijksaandeel: {e}").format(e=exc)) from exc
        return CofinancingRules(values[0], values[1], share, self.regional.isChecked())

    def save(self) -> None:
        try:
            rules = self.rules()
        except ValueError as exc:
            return self._fail(str(exc))
        self._context.tasks.run(set_tranche_rules, self._ws, self.tranche.currentData(), rules,
                                write=True, on_done=self._saved,
                                on_error=lambda e: self._fail(str(e)))
        return None

    def _saved(self, changes: Changes) -> None:
        self._context.signals.changes_applied.emit(changes)
        self.accept()
