"""A pledge: deal, party, year, public or private, in cash or in kind, pledged and
realised (typed as people do, read by ``parse_eur``), source document."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dealmaker.domain.enums import ContributionForm, Sector
from dealmaker.services.changes import Changes
from dealmaker.services.cofinancing import PledgeData, pledge_data, save_pledge
from dealmaker.services.commitments.choices import editor_choices
from dealmaker.services.pledge_history import pledge_history
from dealmaker.ui.cofinancing.history import history_table, show_history
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import LazyCombo, MoneyField, choose, chosen


class PledgeDialog(QDialog):
    def __init__(self, context: AppContext, pledge_id: str | None = None,
                 parent: QWidget | None = None, *, deal_id: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pledgeDialog")
        self._context = context
        ws = context.workspace()
        assert ws is not None
        self._ws, self.pledge_id = ws, pledge_id
        self.setWindowTitle(self.tr("Bijdrage") if pledge_id else self.tr("Nieuwe bijdrage"))
        choices = editor_choices(ws)
        self.deal = QComboBox()
        self.deal.setObjectName("pledgeDeal")
        for d in choices.deals:
            self.deal.addItem(d.name, d.id)
        self.party = LazyCombo("pledgeParty", editable=True)
        self.party.set_choices(("", None), [(f"{p.name} ({p.side.label})", p.id)
                                            for p in choices.parties])
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(date.today().year)
        self.sector, self.form = QComboBox(), QComboBox()
        for s in Sector:
            self.sector.addItem(s.label, s.value)
        for f in ContributionForm:
            self.form.addItem(f.label, f.value)
        self.pledged, self.realised = MoneyField(), MoneyField()
        self.pledged.setObjectName("pledged")
        self.realised.setObjectName("realised")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("bron: brief, besluit, convenant …"))
        form = QFormLayout()
        for label, w in ((self.tr("&Deal"), self.deal), (self.tr("&Partij"), self.party),
                         (self.tr("&Jaar"), self.year), (self.tr("&Sector"), self.sector),
                         (self.tr("&Vorm"), self.form), (self.tr("&Toegezegd"), self.pledged),
                         (self.tr("&Gerealiseerd"), self.realised),
                         (self.tr("&Bron"), self.note)):
            form.addRow(label, w)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.history = history_table()
        if pledge_id is not None:
            layout.addWidget(QLabel(self.tr("Geschiedenis van de bedragen")))
            layout.addWidget(self.history, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if pledge_id is not None:
            self._load(pledge_data(ws, pledge_id))
            show_history(self.history, pledge_history(ws, pledge_id))
            self.resize(640, 560)
        elif deal_id is not None:
            choose(self.deal, deal_id)

    def _load(self, d: PledgeData) -> None:
        choose(self.deal, d.deal_id)
        choose(self.party, d.organisation_id)
        self.year.setValue(d.year)
        choose(self.sector, d.sector.value)
        choose(self.form, d.form.value)
        self.pledged.set_value(d.pledged_cents)
        self.realised.set_value(d.realised_cents)
        self.note.setText(d.note)

    def _fail(self, text: str, field: QWidget | None = None) -> None:
        if field is not None:
            field.setFocus()
        self.error.setText(text)
        self.error.show()

    def save(self) -> None:
        party = chosen(self.party)
        if self.deal.currentData() is None:
            return self._fail(self.tr("Kies de deal."), self.deal)
        if party is None:
            return self._fail(self.tr("Kies de partij die bijdraagt."), self.party)
        amounts = []
        for field, what in ((self.pledged, self.tr("Toegezegd")),
                            (self.realised, self.tr("Gerealiseerd"))):
            try:
                amounts.append(field.value() or 0)
            except ValueError as exc:
                return self._fail(f"{what}: {exc}", field)
        data = PledgeData(self.deal.currentData(), party, self.year.value(),
                          Sector(self.sector.currentData()),
                          ContributionForm(self.form.currentData()), amounts[0], amounts[1],
                          self.note.text().strip())
        self._context.tasks.run(save_pledge, self._ws, self.pledge_id, data, write=True,
                                on_done=self._saved, on_error=lambda e: self._fail(str(e)))
        return None

    def _saved(self, result: tuple[str, Changes]) -> None:
        self.pledge_id = result[0]
        self._context.signals.changes_applied.emit(result[1])
        self.accept()
