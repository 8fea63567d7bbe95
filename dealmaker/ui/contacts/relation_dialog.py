"""Lay or change a relation on the card: with whom (a person or an organisation), kind,
strength on the connectieplan's scale (1 zwak - 5 sterk), since, note."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit

from dealmaker.domain.enums import RelationKind
from dealmaker.services.changes import Changes
from dealmaker.services.contact_card import RelationRow
from dealmaker.services.quickfind import Hit
from dealmaker.services.relation_edits import (
    STRENGTHS,
    RelationData,
    save_relation,
    strength_label,
)
from dealmaker.ui.contacts.pickers import RecordPicker, persons_or_organisations
from dealmaker.ui.contacts.record_dialog import RecordDialog
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import DateField


class RelationDialog(RecordDialog):
    def __init__(self, context: AppContext, person_id: str, row: RelationRow | None = None,
                 parent: Any = None) -> None:
        super().__init__(context, self.tr("Relatie bewerken") if row else
                         self.tr("Relatie toevoegen"), parent)
        self.setObjectName("relationDialog")
        self.person_id, self.row = person_id, row
        self.other = RecordPicker(context, persons_or_organisations,
                                  self.tr("Typ een naam of organisatie"))
        self.other.edit.returnPressed.connect(self.other.choose_first)
        self.kind = QComboBox()
        self.kind.setObjectName("relationKind")
        for kind in RelationKind:
            self.kind.addItem(kind.label, kind.value)
        self.strength = QComboBox()
        self.strength.setObjectName("relationStrength")
        for n in STRENGTHS:
            self.strength.addItem(strength_label(n), n)
        self.strength.setCurrentIndex(self.strength.findData(3))
        self.since = DateField()
        self.note = QLineEdit()
        self.form.addRow(self.tr("&Met:"), self.other)
        self.form.addRow(self.tr("&Soort:"), self.kind)
        self.form.addRow(self.tr("S&terkte:"), self.strength)
        self.form.addRow(self.tr("S&inds:"), self.since)
        self.form.addRow(self.tr("&Notitie:"), self.note)
        if row is not None:
            self.other.set_value(Hit(row.other_kind, row.other_id, row.other_name, ""))
            self.kind.setCurrentIndex(self.kind.findData(row.kind.value))
            self.strength.setCurrentIndex(self.strength.findData(row.strength))
            self.since.set_value(row.since)
            self.note.setText(row.note)
            self.strength.setFocus()
        else:
            self.other.setFocus()

    def task(self) -> Callable[[], Changes | tuple[str, Changes]]:
        ws = self._context.workspace()
        assert ws is not None
        if self.other.pending or self.other.value() is None:
            raise ValueError(self.tr("Kies met wie of welke organisatie de relatie is (uit "
                                     "de lijst)."))
        other = self.other.value()
        # a relation laid by the other person keeps its direction
        source, target = ((other, self.person_id) if self.row and not self.row.outgoing
                          else (self.person_id, other))
        assert source is not None
        data = RelationData(source, target, RelationKind(self.kind.currentData()),
                            int(self.strength.currentData()), self.since.value(),
                            self.note.text())
        return partial(save_relation, ws, data, self.row.relation_id if self.row else None)

    def done_message(self) -> str:
        return self.tr("Relatie opgeslagen (Ctrl+Z maakt het ongedaan).")
