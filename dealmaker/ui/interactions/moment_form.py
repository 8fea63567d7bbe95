"""The fields of a contact moment, and reading them into ``InteractionData``.

Date (today), kind, direction, participants and deals (type, Enter picks the highlighted
match, Delete removes a chip), theme, summary, follow-up date ("+7" is a week after the
contact) and action. Enter moves to the next field; in the last one it submits.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from dealmaker.domain.dates import format_date
from dealmaker.domain.enums import Direction, InteractionKind
from dealmaker.services.interactions import InteractionData
from dealmaker.services.quickfind import Hit, complete_deals, complete_persons, complete_themes
from dealmaker.services.timeline import TimelineEntry
from dealmaker.ui.interactions.chooser import ChooserField, searcher
from dealmaker.ui.interactions.completion import CompletingLineEdit
from dealmaker.ui.interactions.form_values import Invalid, participant_hits, read_date

if TYPE_CHECKING:
    from dealmaker.ui.shell.context import AppContext


class ContactMomentForm(QWidget):
    #: Enter in the last field: the user wants to save.
    submitted = Signal()
    #: The persons chosen beforehand could not be read; carries the message.
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
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
        people = ChooserField(context, complete_persons, self.tr("Typ een naam; Enter kiest"),
                              self.tr("Gekozen deelnemers"))
        deals = ChooserField(context, complete_deals, self.tr("Typ een deal; Enter kiest"),
                             self.tr("Gekozen deals"))
        self.participant_edit, self.participants = people.edit, people.chips
        self.deal_edit, self.deals = deals.edit, deals.chips
        self.theme = CompletingLineEdit(searcher(context, complete_themes))
        self.theme.setPlaceholderText(self.tr("Typ een thema (niet verplicht)"))
        self.theme.chosen.connect(self._theme_chosen)
        self.theme.textEdited.connect(self._theme_edited)
        for chooser in (self.participant_edit, self.deal_edit, self.theme):
            chooser.advance.connect(self.focusNextChild)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("Wat is er besproken?"))
        self.summary.setFixedHeight(4 * self.fontMetrics().lineSpacing() + 12)
        self.follow_up = QLineEdit()
        self.follow_up.setPlaceholderText(self.tr("dd-mm-jjjj, of +7 voor over een week"))
        self.follow_up.editingFinished.connect(self._spell_out_follow_up)
        self.action = QLineEdit()
        self.action.setPlaceholderText(self.tr("Wat moet er dan gebeuren? (Enter slaat op)"))
        for line in (self.date, self.follow_up):
            line.returnPressed.connect(self.focusNextChild)
        self.action.returnPressed.connect(self.submitted)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Datum:"), self.date)
        form.addRow(self.tr("&Soort:"), self.kind)
        form.addRow(self.tr("&Richting:"), self.direction)
        form.addRow(self.tr("Dee&lnemers:"), people)
        form.addRow(self.tr("D&eals:"), deals)
        form.addRow(self.tr("&Thema:"), self.theme)
        form.addRow(self.tr("Samen&vatting:"), self.summary)
        form.addRow(self.tr("Opvol&gen op:"), self.follow_up)
        form.addRow(self.tr("&Actie:"), self.action)
        #: the widget to correct, by the service's field name
        self.fields: dict[str, QWidget] = {
            "occurred_on": self.date, "participant_ids": self.participant_edit,
            "deal_ids": self.deal_edit, "theme_id": self.theme,
            "follow_up_on": self.follow_up, "follow_up_action": self.action}

    def _theme_chosen(self, hit: Hit) -> None:
        self._theme = hit
        self.theme.setText(hit.label)

    def _theme_edited(self, _text: str) -> None:
        self._theme = None

    def prefill(self, person_ids: list[str]) -> None:
        """Start with these persons as participants (names are read off the UI thread)."""
        ws = self._context.workspace()
        if ws is not None and person_ids:
            self._context.tasks.run(participant_hits, ws, person_ids,
                                    on_done=self.participants.chosen.set_items,
                                    on_error=lambda exc: self.failed.emit(str(exc)))

    def load(self, entry: TimelineEntry, theme_id: str | None) -> None:
        """Fill the form with a saved contact moment (to edit it)."""
        self.date.setText(format_date(entry.occurred_on))
        self.kind.setCurrentIndex(self.kind.findData(entry.kind.value))
        self.direction.setCurrentIndex(self.direction.findData(entry.direction.value))
        self.participants.chosen.set_items([Hit("person", p.id, p.name, p.organisation)
                                            for p in entry.participants])
        self.deals.chosen.set_items([Hit("deal", d.id, d.name, "") for d in entry.deals])
        self._theme = Hit("theme", theme_id, entry.theme, "") if theme_id else None
        self.theme.setText(entry.theme if theme_id else "")
        self.summary.setPlainText(entry.summary)
        self.follow_up.setText(format_date(entry.follow_up_on))
        self.action.setText(entry.follow_up_action)

    def _spell_out_follow_up(self) -> None:
        """"+14" becomes the date it stands for, so the user sees what will be saved."""
        if self.follow_up.text().strip().startswith("+"):
            try:
                base = read_date(self.date.text())
                self.follow_up.setText(format_date(read_date(self.follow_up.text(), base)))
            except ValueError:
                pass  # said when saving

    def _date(self, line: QLineEdit, field: str, base: date | None) -> date | None:
        try:
            return read_date(line.text(), base)
        except ValueError:
            raise Invalid(field, self.tr("'{text}' is geen geldige datum: gebruik dd-mm-jjjj.")
                          .format(text=line.text().strip())) from None

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
