"""Contacten samenvoegen: choose per field which value stays, then merge in one operation.

``start_merge(parent, context, person_ids)`` takes exactly two ids; the first one is
proposed as the contact that stays ("Andere laten blijven" swaps them). The dialog is
built from ``merge_preview`` and calls ``merge_contacts``; afterwards a summary says which
contact stayed and what came from the other. Ctrl+Z undoes the merge.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.merge import Choice, MergePreview, merge_contacts, merge_preview
from dealmaker.services.merge_outcome import MergeOutcome
from dealmaker.ui.merge.layout import clear_grid, one_line
from dealmaker.ui.merge.summary import show_summary
from dealmaker.ui.shell.context import AppContext

VALUE_WIDTH = 46
LINKS_PER_LINE = 2


class MergeDialog(QDialog):
    """Field-by-field choice between two contacts, with the links each one has."""

    #: the two contacts were merged; carries the ``Changes``
    merged = Signal(object)

    def __init__(self, context: AppContext, first_id: str, second_id: str,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Contacten samenvoegen"))
        self.setMinimumWidth(760)
        self._context = context
        self.survivor_id, self.other_id = first_id, second_id
        self.preview: MergePreview | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.busy = False
        self.outcome: MergeOutcome | None = None
        self.summary_box: QMessageBox | None = None

        intro = QLabel(self.tr(
            "Kies per gegeven welke waarde blijft. Alle koppelingen (functies, "
            "contactmomenten, relaties, toezeggingen, tags …) gaan over naar het contact dat "
            "blijft; het andere contact wordt verwijderd. Terugdraaien kan met Ctrl+Z."))
        intro.setWordWrap(True)
        self.status = QLabel(self.tr("Laden…"))
        self.status.setObjectName("errorText")
        self.fields = QGridLayout()
        self.fields.setHorizontalSpacing(18)
        self.fields.setColumnStretch(1, 1)
        self.fields.setColumnStretch(2, 1)
        self.links_title = QLabel()
        self.links_title.setStyleSheet("font-weight: 600;")
        self.links = QGridLayout()
        self.links.setHorizontalSpacing(12)
        self.links.setColumnMinimumWidth(2, 24)
        self.links.setColumnStretch(5, 1)
        self.swap_button = QPushButton(self.tr("Andere laten &blijven"))
        self.swap_button.clicked.connect(self.swap)
        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton(self.tr("&Samenvoegen"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.swap_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.merge_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addLayout(self.fields)
        layout.addSpacing(6)
        layout.addWidget(self.links_title)
        layout.addLayout(self.links)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.load()

    def load(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        self.merge_button.setEnabled(False)
        self._context.tasks.run(merge_preview, ws, self.survivor_id, self.other_id,
                                on_done=self._show_preview, on_error=self._show_error)

    def swap(self) -> None:
        self.survivor_id, self.other_id = self.other_id, self.survivor_id
        self.load()

    def choices(self) -> dict[str, Choice]:
        """Field -> 'survivor' / 'other' / 'both' for the fields that differ."""
        out: dict[str, Choice] = {}
        for field, group in self.groups.items():
            button = group.checkedButton()
            if button is not None:
                out[field] = button.property("choice")
        return out

    def _show_error(self, exc: Exception) -> None:
        self.status.setText(str(exc))
        self.status.show()

    def _show_preview(self, preview: MergePreview) -> None:
        self.preview = preview
        self.status.hide()
        clear_grid(self.fields)
        for old in self.groups.values():
            old.deleteLater()
        self.groups = {}
        none = self.tr("geen huidige functie")
        self.fields.addWidget(_bold(self.tr("{name}\n{roles}\nblijft bestaan").format(
            name=preview.survivor_name,
            roles=one_line(preview.survivor_roles, VALUE_WIDTH) or none)), 0, 1)
        self.fields.addWidget(_bold(self.tr("{name}\n{roles}\nwordt opgeheven").format(
            name=preview.other_name,
            roles=one_line(preview.other_roles, VALUE_WIDTH) or none)), 0, 2)
        for line, pair in enumerate(preview.fields, start=1):
            self.fields.addWidget(QLabel(pair.label), line, 0)
            if pair.survivor == pair.other:
                same = QLabel(self.tr("{value}  (gelijk)").format(
                    value=one_line(pair.survivor, VALUE_WIDTH) or self.tr("(leeg)")))
                same.setEnabled(False)
                self.fields.addWidget(same, line, 1, 1, 2)
                continue
            group = QButtonGroup(self)
            options: list[tuple[Choice, str]] = [("survivor", pair.survivor),
                                                 ("other", pair.other)]
            if pair.field == "notes":
                options.append(("both", self.tr("Beide bewaren")))
            for column, (choice, text) in enumerate(options, start=1):
                radio = QRadioButton(one_line(text, VALUE_WIDTH) or self.tr("(leeg)"))
                radio.setObjectName(f"merge_{pair.field}_{choice}")
                radio.setToolTip(text)
                radio.setProperty("choice", choice)
                radio.setChecked(choice == pair.default)
                group.addButton(radio)
                self.fields.addWidget(radio, line, column)
            self.groups[pair.field] = group
        self._show_links(preview)
        self.merge_button.setEnabled(True)

    def _show_links(self, preview: MergePreview) -> None:
        """Two kinds of link per line ('Functie   1 + 2'), so that the dialog stays low."""
        clear_grid(self.links)
        used = [link for link in preview.links if link.survivor or link.other]
        self.links_title.setText(self.tr(
            "Koppelingen ({survivor} + {other}); ze gaan allemaal over naar {survivor}")
            .format(survivor=preview.survivor_name, other=preview.other_name)
            if used else self.tr("Geen koppelingen."))
        for n, link in enumerate(used):
            line, column = divmod(n, LINKS_PER_LINE)
            counts = QLabel(f"{link.survivor} + {link.other}")
            counts.setObjectName(f"links_{n}")
            self.links.addWidget(QLabel(link.label), line, column * 3)
            self.links.addWidget(counts, line, column * 3 + 1)

    def accept(self) -> None:
        ws = self._context.workspace()
        if ws is None or self.preview is None or self.busy:
            return
        self.busy = True
        self.merge_button.setEnabled(False)
        self._context.tasks.run(merge_contacts, ws, self.survivor_id, self.other_id,
                                self.choices(), write=True, on_done=self._merged,
                                on_error=self._failed)

    def _merged(self, outcome: MergeOutcome) -> None:
        self.busy = False
        self.outcome = outcome
        signals = self._context.signals
        signals.changes_applied.emit(outcome.changes)
        signals.status_message.emit(self.tr("Samengevoegd: {summary} Terugdraaien: Ctrl+Z.")
                                    .format(summary=outcome.summary()))
        self.summary_box = show_summary(self.parentWidget() or self, outcome)
        self.merged.emit(outcome.changes)
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.merge_button.setEnabled(True)
        QMessageBox.warning(self, self.windowTitle(), self.tr(
            "Samenvoegen is mislukt; er is niets gewijzigd.\n\n{error}").format(error=exc))


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: 600;")
    return label


def start_merge(parent: QWidget | None, context: AppContext,
                person_ids: Sequence[str]) -> MergeDialog | None:
    """Open the merge dialog for exactly two different contacts (window-modal)."""
    ids = list(dict.fromkeys(person_ids))
    if len(ids) != 2 or len(person_ids) != 2:
        QMessageBox.information(parent, QCoreApplication.translate("MergeDialog", "Samenvoegen"),
                                QCoreApplication.translate(
                                    "MergeDialog", "Kies precies twee verschillende contacten "
                                                   "om samen te voegen."))
        return None
    if context.workspace() is None:
        return None
    dialog = MergeDialog(context, ids[0], ids[1], parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
