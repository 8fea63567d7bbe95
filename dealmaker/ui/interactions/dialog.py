"""Log a contact moment in a few keystrokes.

Date (today), kind, direction, participants and deals (type, Enter picks the highlighted
match, Delete removes a chip), theme, summary, follow-up date and action. Enter in the
last field or Ctrl+Enter saves, Esc cancels. Checks are in Dutch; the service has the last
word (its refusals are shown the same way). Saving resets every participant's
keep-in-touch clock (the storage layer derives their last-contact date).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dealmaker.domain.dates import format_date
from dealmaker.domain.enums import Direction, InteractionKind
from dealmaker.services.interactions import InteractionData, log_interaction
from dealmaker.services.people import ValidationError
from dealmaker.services.quickfind import Hit, complete_deals, complete_persons, complete_themes
from dealmaker.ui.interactions.chosen import ChosenList
from dealmaker.ui.interactions.completion import CompletingLineEdit
from dealmaker.ui.interactions.form_values import Invalid, participant_hits, read_date

if TYPE_CHECKING:
    from dealmaker.ui.pages.base import PageContext

LIMIT = 8


class ContactMomentDialog(QDialog):
    def __init__(self, context: PageContext, person_ids: list[str] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactMomentDialog")
        self.setWindowTitle(self.tr("Contactmoment vastleggen"))
        self._context = context
        self._saving = False
        self._theme: Hit | None = None

        self.date = QLineEdit(format_date(date.today()))
        self.date.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.kind = QComboBox()
        for kind in InteractionKind:
            self.kind.addItem(kind.label, kind.value)
        self.direction = QComboBox()
        for direction in Direction:
            self.direction.addItem(direction.label, direction.value)
        self.direction.setCurrentIndex(self.direction.findData(Direction.WEDERZIJDS.value))
        self.participants = ChosenList()
        self.participants.setAccessibleName(self.tr("Gekozen deelnemers"))
        self.participant_edit = self._completing(complete_persons, self.participants,
                                                 self.tr("Typ een naam; Enter kiest"))
        self.deals = ChosenList()
        self.deals.setAccessibleName(self.tr("Gekozen deals"))
        self.deal_edit = self._completing(complete_deals, self.deals,
                                          self.tr("Typ een deal; Enter kiest"))
        self.theme = CompletingLineEdit(self._searcher(complete_themes))
        self.theme.setPlaceholderText(self.tr("Typ een thema (niet verplicht)"))
        self.theme.chosen.connect(self._theme_chosen)
        self.theme.textEdited.connect(lambda _t: setattr(self, "_theme", None))
        self.theme.advance.connect(self.focusNextChild)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("Wat is er besproken?"))
        self.summary.setFixedHeight(4 * self.fontMetrics().lineSpacing() + 12)
        self.follow_up = QLineEdit()
        self.follow_up.setPlaceholderText(self.tr("dd-mm-jjjj, of +7 voor over een week"))
        self.action = QLineEdit()
        self.action.setPlaceholderText(self.tr("Wat moet er dan gebeuren? (Enter slaat op)"))
        for edit in (self.date, self.follow_up):
            edit.returnPressed.connect(self.focusNextChild)
        self.follow_up.editingFinished.connect(self._spell_out_follow_up)
        self.action.returnPressed.connect(self.save)

        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        hint = QLabel(self.tr("Ctrl+Enter slaat op · Esc annuleert"))
        hint.setObjectName("emptyText")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Opslaan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        for button in self.buttons.buttons():  # Enter in a field must not press a button
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

        form = QFormLayout()
        form.addRow(self.tr("&Datum:"), self.date)
        form.addRow(self.tr("&Soort:"), self.kind)
        form.addRow(self.tr("&Richting:"), self.direction)
        form.addRow(self.tr("Dee&lnemers:"), self._stack(self.participant_edit,
                                                         self.participants))
        form.addRow(self.tr("D&eals:"), self._stack(self.deal_edit, self.deals))
        form.addRow(self.tr("&Thema:"), self.theme)
        form.addRow(self.tr("Samen&vatting:"), self.summary)
        form.addRow(self.tr("&Opvolgen op:"), self.follow_up)
        form.addRow(self.tr("&Actie:"), self.action)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.fields: dict[str, QWidget] = {
            "occurred_on": self.date, "participant_ids": self.participant_edit,
            "deal_ids": self.deal_edit, "theme_id": self.theme,
            "follow_up_on": self.follow_up, "follow_up_action": self.action}
        if person_ids:
            self._prefill(person_ids)
        self.participant_edit.setFocus()

    # ------------------------------------------------------------------ completion

    def _searcher(self, fn: Callable[..., list[Hit]]) -> Callable[..., None]:
        def search(text: str, deliver: Callable[[list[Hit]], None]) -> None:
            ws = self._context.workspace()
            if ws is not None:
                self._context.tasks.run(fn, ws, text, LIMIT + 4, on_done=deliver,
                                        on_error=lambda _exc: deliver([]))
        return search

    def _completing(self, fn: Callable[..., list[Hit]], chips: ChosenList,
                    placeholder: str) -> CompletingLineEdit:
        edit = CompletingLineEdit(self._searcher(fn), exclude=lambda: set(chips.chosen.ids()))
        edit.setPlaceholderText(placeholder)

        def chosen(hit: Hit) -> None:
            chips.chosen.add(hit)
            edit.clear()

        edit.chosen.connect(chosen)
        edit.advance.connect(self.focusNextChild)
        return edit

    @staticmethod
    def _stack(edit: QLineEdit, chips: ChosenList) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(edit)
        column.addWidget(chips)
        return box

    def _theme_chosen(self, hit: Hit) -> None:
        self._theme = hit
        self.theme.setText(hit.label)

    def _prefill(self, person_ids: list[str]) -> None:
        ws = self._context.workspace()
        if ws is not None:
            self._context.tasks.run(participant_hits, ws, person_ids,
                                    on_done=self.participants.chosen.set_items,
                                    on_error=lambda exc: self.show_error(str(exc)))

    # ------------------------------------------------------------------ saving

    def data(self) -> InteractionData:
        """The form as the service takes it; ``Invalid`` names a field to correct."""
        if self.participant_edit.pending_text:
            raise Invalid("participant_ids", self.tr(
                "'{text}' is nog geen deelnemer: kies een naam uit de lijst (Enter) of maak "
                "het veld leeg.").format(text=self.participant_edit.pending_text))
        if self.deal_edit.pending_text:
            raise Invalid("deal_ids", self.tr(
                "'{text}' is nog geen deal: kies een deal uit de lijst (Enter) of maak het "
                "veld leeg.").format(text=self.deal_edit.pending_text))
        if self.theme.pending_text and self._theme is None:
            raise Invalid("theme_id", self.tr("Kies een thema uit de lijst of maak het veld "
                                              "leeg."))
        occurred = self._date(self.date, "occurred_on", None)
        if occurred is None:
            raise Invalid("occurred_on", self.tr("Vul de datum van het contactmoment in."))
        if not self.participants.chosen.ids():
            raise Invalid("participant_ids", self.tr("Kies minstens één deelnemer."))
        return InteractionData(
            occurred_on=occurred, kind=InteractionKind(self.kind.currentData()),
            direction=Direction(self.direction.currentData()),
            participant_ids=self.participants.chosen.ids(), deal_ids=self.deals.chosen.ids(),
            theme_id=self._theme.id if self._theme else None,
            summary=self.summary.toPlainText(),
            follow_up_on=self._date(self.follow_up, "follow_up_on", occurred),
            follow_up_action=self.action.text())

    def _spell_out_follow_up(self) -> None:
        """"+14" becomes the date it stands for, so the user sees what will be saved."""
        if self.follow_up.text().strip().startswith("+"):
            try:
                base = read_date(self.date.text())
                self.follow_up.setText(format_date(read_date(self.follow_up.text(), base)))
            except ValueError:
                pass  # said when saving

    def _date(self, edit: QLineEdit, field: str, base: date | None) -> date | None:
        try:
            return read_date(edit.text(), base)
        except ValueError:
            raise Invalid(field, self.tr("'{text}' is geen geldige datum: gebruik dd-mm-jjjj.")
                          .format(text=edit.text().strip())) from None

    def save(self) -> None:
        ws = self._context.workspace()
        if self._saving or ws is None:
            return
        try:
            data = self.data()
        except (Invalid, ValidationError) as exc:
            self.show_error(str(exc), exc.field)
            return
        self._saving = True
        self.buttons.setEnabled(False)
        self._context.tasks.run(log_interaction, ws, data, write=True,
                                on_done=lambda result: self._saved(result[1], data),
                                on_error=self._refused)

    def _saved(self, changes: Any, data: InteractionData) -> None:
        self._saving = False
        signals = self._context.signals
        signals.status_message.emit(self.tr("Contactmoment van {date} vastgelegd ({n} "
                                            "deelnemer(s)).").format(
            date=format_date(data.occurred_on), n=len(data.participant_ids)))
        signals.changes_applied.emit(changes)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError | LookupError):
            self.show_error(str(exc), getattr(exc, "field", None))
        else:
            self.show_error(self.tr("Het contactmoment is niet opgeslagen: {error}")
                            .format(error=exc))

    def reject(self) -> None:
        if not self._saving:  # closing while the service writes would lose its answer
            super().reject()

    def show_error(self, text: str, field: str | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A plain Enter never closes the form: on a list box it moves on; the fields
        handle it themselves (pick a match, next field, save in the last one)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if isinstance(self.focusWidget(), QComboBox):
                self.focusNextChild()
            return
        super().keyPressEvent(event)
