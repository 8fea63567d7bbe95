"""The fields of a deal (dossier tab 'Deal'): name, aliases, tranche, region, instrument,
dates, requested and granted (read by ``parse_eur``), dealmaker and phase."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from dealmaker.domain.enums import DealPhase, Instrument
from dealmaker.services.commitments.register import Choice
from dealmaker.services.deals.records import DealData
from dealmaker.ui.shell.fields import DateField, LazyCombo, MoneyField, choose, chosen


class FieldError(ValueError):
    def __init__(self, field: QWidget, message: str) -> None:
        super().__init__(message)
        self.field = field


class DealForm(QWidget):
    def __init__(self, dealmakers: Callable[[], tuple[Choice, ...]],
                 parent: Any = None) -> None:
        """``dealmakers`` fetches who can be chosen (thousands), when first needed."""
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setObjectName("dealName")
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText(self.tr("andere namen, gescheiden door komma's"))
        self.tranche = QLineEdit()
        self.tranche.setMaximumWidth(80)
        self.region = QLineEdit()
        self.instrument = QComboBox()
        self.instrument.addItem(self.tr("(onbekend)"), None)
        for i in Instrument:
            self.instrument.addItem(i.label, i.value)
        self.submitted, self.signed, self.ends = DateField(), DateField(), DateField()
        self.requested, self.granted = MoneyField(), MoneyField()
        self.requested.setObjectName("requested")
        self.granted.setObjectName("granted")
        self.dealmaker = LazyCombo("dealmaker", editable=True)
        self.dealmaker.set_loader((self.tr("(niemand)"), None),
                                  lambda: [(p.name, p.id) for p in dealmakers()])
        self.phase = QComboBox()
        for ph in DealPhase:
            self.phase.addItem(ph.label, ph.value)
        form = QFormLayout(self)
        for label, w in ((self.tr("&Naam"), self.name), (self.tr("&Aliassen"), self.aliases),
                         (self.tr("&Tranche"), self.tranche), (self.tr("&Regio"), self.region),
                         (self.tr("&Instrument"), self.instrument),
                         (self.tr("Inge&diend"), self.submitted),
                         (self.tr("&Getekend"), self.signed),
                         (self.tr("&Looptijd tot"), self.ends),
                         (self.tr("Aange&vraagd"), self.requested),
                         (self.tr("Toe&gekend (Rijksbijdrage)"), self.granted),
                         (self.tr("&Dealmaker"), self.dealmaker), (self.tr("&Fase"), self.phase)):
            form.addRow(label, w)

    def load(self, d: DealData, dealmaker: str = "") -> None:
        """Show ``d``; ``dealmaker`` is the name of its dealmaker (the list loads later)."""
        self.name.setText(d.name)
        self.aliases.setText(", ".join(d.aliases))
        self.tranche.setText(d.tranche or "")
        self.region.setText(d.region_description)
        choose(self.instrument, d.instrument.value if d.instrument else None)
        self.submitted.set_value(d.submitted_on)
        self.signed.set_value(d.signed_on)
        self.ends.set_value(d.ends_on)
        self.requested.set_value(d.requested_cents)
        self.granted.set_value(d.granted_cents)
        if d.dealmaker_id is not None:  # shown without reading the whole list
            self.dealmaker.addItem(dealmaker or "?", d.dealmaker_id)
            self.dealmaker.setCurrentIndex(self.dealmaker.count() - 1)
        choose(self.phase, d.phase.value)

    def _dealmaker(self) -> str | None:
        """The chosen entry; a typed name matching no entry counts as none."""
        combo = self.dealmaker
        if combo.currentText() == combo.itemText(combo.currentIndex()):
            data = combo.currentData()
            return str(data) if data is not None else None
        found = chosen(combo)
        return str(found) if found is not None else None

    def data(self) -> DealData:
        values: dict[str, Any] = {}
        for key, field, what in (("submitted_on", self.submitted, self.tr("Ingediend")),
                                 ("signed_on", self.signed, self.tr("Getekend")),
                                 ("ends_on", self.ends, self.tr("Looptijd tot")),
                                 ("requested_cents", self.requested, self.tr("Aangevraagd")),
                                 ("granted_cents", self.granted, self.tr("Toegekend"))):
            try:
                values[key] = field.value()
            except ValueError as exc:
                raise FieldError(field, f"{what}: {exc}") from exc
        instrument = self.instrument.currentData()
        return DealData(
            name=self.name.text(), aliases=tuple(a.strip() for a in self.aliases.text()
                                                 .split(",") if a.strip()),
            tranche=self.tranche.text(), region_description=self.region.text(),
            instrument=Instrument(instrument) if instrument else None,
            dealmaker_id=self._dealmaker(),
            phase=DealPhase(self.phase.currentData()), **values)
