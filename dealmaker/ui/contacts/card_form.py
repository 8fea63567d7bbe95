"""The editable part of the contact card: name and contact fields, checked before saving."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.contact_card import PersonCard
from dealmaker.ui.contacts import validation
from dealmaker.ui.shell.header_fit import pad_form_labels

MAX_CADENCE_DAYS = 3650
MIN_WIDTH = 340
TEXT_FIELDS = ("first_name", "tussenvoegsel", "last_name", "email", "phone")
FORM_STYLE = """
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] { border: 1px solid #b3261e;
    border-radius: 2px; padding: 1px; }
QLabel#fieldError { color: #b3261e; }
QLabel#fieldHint { color: palette(dark); }
"""


class PersonForm(QWidget):
    """``set_card`` fills it; ``changed()`` gives the edited fields; ``validate()`` flags
    wrong ones beside the field (Dutch) and says whether saving may go ahead."""

    #: The form became different from the saved card, or equal again.
    dirty_changed = Signal(bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("personForm")
        self.setStyleSheet(FORM_STYLE)
        self.setMinimumWidth(MIN_WIDTH)
        self._original: dict[str, Any] = {}
        self._dirty = False
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = {"first_name": self.tr("&Voornaam"), "tussenvoegsel": self.tr("&Tussenvoegsel"),
                  "last_name": self.tr("&Achternaam"), "email": self.tr("&E-mail"),
                  "phone": self.tr("Tele&foon")}
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"field_{name}")
            edit.textChanged.connect(lambda _t, n=name: self._on_edit(n))
            self.edits[name] = edit
            form.addRow(labels[name], self._with_error(name, edit))
        self.edits["email"].setPlaceholderText("naam@organisatie.nl")
        self.edits["phone"].setPlaceholderText("06-12345678")
        self.cadence = QSpinBox()
        self.cadence.setObjectName("field_cadence_days")
        self.cadence.setRange(0, MAX_CADENCE_DAYS)
        self.cadence.setSpecialValueText(self.tr("volgens regels"))
        self.cadence.setSuffix(self.tr(" dagen"))
        self.cadence.valueChanged.connect(lambda _v: self._on_edit("cadence_days"))
        self.cadence_hint = QLabel()
        self.cadence_hint.setObjectName("fieldHint")
        self.cadence_hint.setWordWrap(True)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.cadence)
        box.addWidget(self.cadence_hint)
        cadence_label = QLabel(self.tr("&Contact elke"))
        cadence_label.setBuddy(self.cadence)
        form.addRow(cadence_label, holder)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("field_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.textChanged.connect(lambda: self._on_edit("notes"))
        form.addRow(self.tr("&Notities"), self.notes)
        for name in ("email", "phone"):
            self.edits[name].editingFinished.connect(lambda n=name: self._check(n))
        # never narrower than the longest label ("Tussenvoegsel") beside a usable field:
        # a fixed minimum let the splitter cut the label off in a narrow card
        pad_form_labels(form)
        items = (form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                 for row in range(form.rowCount()))
        widgets = [w for item in items if item is not None and (w := item.widget()) is not None]
        label_width = max((w.minimumWidth() for w in widgets), default=0)
        self.setMinimumWidth(max(MIN_WIDTH, label_width + form.horizontalSpacing() + 200))

    def _with_error(self, name: str, edit: QLineEdit) -> QWidget:
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        self.errors[name] = error
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(edit)
        column.addWidget(error)
        box.setFocusProxy(edit)  # the row label's mnemonic focuses the field
        return box

    # ---------------------------------------------------------------- values

    def set_card(self, card: PersonCard) -> None:
        """Show the saved values of ``card`` (drops unsaved edits)."""
        self._original = {}
        for name in TEXT_FIELDS:
            self.edits[name].setText(getattr(card, name))
            self.edits[name].setCursorPosition(0)  # a long address shows its start
        self.notes.setPlainText(card.notes)
        self.cadence.setValue(card.own_cadence_days or 0)
        self._original = self.values()
        self.cadence_hint.setText(self.tr("Nu: elke {days} dagen ({source})").format(
            days=card.cadence_days, source=card.cadence_source))
        for name in list(self.errors):
            self.show_error(name, None)
        self._set_dirty(False)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: self.edits[name].text().strip() for name in TEXT_FIELDS}
        out["notes"] = self.notes.toPlainText()
        out["cadence_days"] = self.cadence.value() or None
        return out

    def changed(self) -> dict[str, Any]:
        """The fields whose value differs from the saved card."""
        return {k: v for k, v in self.values().items() if v != self._original.get(k)}

    def mark_saved(self) -> None:
        """The shown values are now the saved ones."""
        self._original = self.values()
        self._set_dirty(False)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _on_edit(self, name: str) -> None:
        if name in self.errors and self.errors[name].isVisible():
            self._check(name)  # a shown error goes as soon as it is fixed
        self._set_dirty(bool(self._original) and bool(self.changed()))

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    # ---------------------------------------------------------------- checks

    def _check(self, name: str) -> None:
        errors = validation.check_person(self.values())
        field = "last_name" if name == "first_name" else name
        self.show_error(field, errors.get(field))

    def validate(self) -> bool:
        """Flag every wrong field; focus the first. True when saving may go ahead."""
        errors = validation.check_person(self.values())
        for name in self.errors:
            self.show_error(name, errors.get(name))
        for name in TEXT_FIELDS:
            if name in errors:
                self.edits[name].setFocus(Qt.FocusReason.OtherFocusReason)
                break
        return not errors

    def show_error(self, field: str, message: str | None) -> None:
        """Show ``message`` under ``field`` (``None`` clears it)."""
        label = self.errors.get(field)
        edit = self.edits.get(field)
        if label is None or edit is None:
            return
        label.setText(message or "")
        label.setVisible(bool(message))
        edit.setProperty("invalid", bool(message))
        edit.style().unpolish(edit)
        edit.style().polish(edit)
        edit.setToolTip(message or "")
