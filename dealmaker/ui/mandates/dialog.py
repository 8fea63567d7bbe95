"""The mandate editor: topic, holder, amount limit, granted by, valid from/to, deal."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.commitments.choices import editor_choices
from dealmaker.services.mandates.records import (
    MandateData,
    create_mandate,
    mandate_record,
    update_mandate,
)
from dealmaker.services.mandates.terms import people_choices
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import DateField, LazyCombo, MoneyField, choose, chosen


class MandateDialog(QDialog):
    def __init__(self, context: AppContext, mandate_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mandateDialog")
        self._context, self.mandate_id = context, mandate_id
        ws = context.workspace()
        assert ws is not None
        self._ws = ws
        self.setWindowTitle(self.tr("Mandaat") if mandate_id else self.tr("Nieuw mandaat"))
        self.topic = QLineEdit()
        self.topic.setObjectName("topic")
        self.topic.setPlaceholderText(self.tr("bijv. Financiële toezeggingen Regio Envelop"))
        people = people_choices(ws)
        self.holder = self._people("holder", self.tr("(kies de houder)"), people)
        self.granted_by = self._people("grantedBy", self.tr("(onbekend)"), people)
        self.limit = MoneyField()
        self.limit.setObjectName("limit")
        self.limit.setPlaceholderText(
            self.tr("bijv. 1 mln; leeg: alleen toezeggingen zonder bedrag"))
        self.valid_from, self.valid_to = DateField(), DateField()
        self.valid_from.setObjectName("validFrom")
        self.valid_to.setObjectName("validTo")
        self.deal = LazyCombo("deal", editable=True)
        self.deal.set_choices((self.tr("(alle deals)"), None),
                              [(d.name, d.id) for d in editor_choices(ws).deals])
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        for label, widget in ((self.tr("&Onderwerp"), self.topic),
                              (self.tr("&Houder"), self.holder),
                              (self.tr("&Max. bedrag"), self.limit),
                              (self.tr("&Verleend door"), self.granted_by),
                              (self.tr("Geldig &vanaf"), self.valid_from),
                              (self.tr("Geldig &tot en met"), self.valid_to),
                              (self.tr("&Deal"), self.deal)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Op&slaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if mandate_id is not None:
            self._load(mandate_record(ws, mandate_id))
        self.resize(520, self.sizeHint().height())

    def _people(self, name: str, none: str, people: list[tuple[str, object]]) -> LazyCombo:
        combo = LazyCombo(name, editable=True)
        combo.set_choices((none, None), people)
        return combo

    def _load(self, data: MandateData) -> None:
        self.topic.setText(data.topic)
        choose(self.holder, data.holder_id)
        choose(self.granted_by, data.granted_by_id)
        choose(self.deal, data.deal_id)
        self.limit.set_value(data.limit_cents)
        self.valid_from.set_value(data.valid_from)
        self.valid_to.set_value(data.valid_to)

    def _fail(self, text: str, field: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        if field is not None:
            field.setFocus()

    def data(self) -> MandateData | None:
        values: list[Any] = []
        for field, label in ((self.limit, self.tr("Max. bedrag")),
                             (self.valid_from, self.tr("Geldig vanaf")),
                             (self.valid_to, self.tr("Geldig tot en met"))):
            try:
                values.append(field.value())
            except ValueError as exc:
                self._fail(f"{label}: {exc}", field)
                return None
        return MandateData(chosen(self.holder) or "", self.topic.text(), values[0],
                           chosen(self.granted_by), values[1], values[2], chosen(self.deal))

    def save(self) -> None:
        data = self.data()
        if data is None:
            return
        if self.mandate_id is None:
            fn: Any = create_mandate
            args: tuple[Any, ...] = (data,)
        else:
            fn, args = update_mandate, (self.mandate_id, data)

        def done(result: Any) -> None:
            changes = result[1] if isinstance(result, tuple) else result
            self._context.signals.changes_applied.emit(changes)
            self.accept()

        self._context.tasks.run(fn, self._ws, *args, write=True, on_done=done,
                                on_error=lambda exc: self._fail(str(exc)))
