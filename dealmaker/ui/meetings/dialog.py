"""The meeting editor: date, kind, deal, title, participants, agenda, decisions (one a
line); a decision becomes a commitment made at this meeting in one step."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dealmaker.domain.enums import MeetingKind
from dealmaker.services.commitments.choices import editor_choices
from dealmaker.services.mandates.terms import people_choices
from dealmaker.services.meetings.records import (
    MeetingData,
    create_meeting,
    meeting_record,
    update_meeting,
)
from dealmaker.ui.meetings.participants import ParticipantsEditor
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import DateField, LazyCombo, choose, chosen


class MeetingDialog(QDialog):
    def __init__(self, context: AppContext, meeting_id: str | None = None,
                 parent: QWidget | None = None, *, deal_id: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingDialog")
        self._context, self.meeting_id = context, meeting_id
        ws = context.workspace()
        assert ws is not None
        self._ws = ws
        self.setWindowTitle(self.tr("Overleg") if meeting_id else self.tr("Nieuw overleg"))
        self.held_on = DateField()
        self.held_on.setObjectName("heldOn")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in MeetingKind:
            self.kind.addItem(kind.label, kind.value)
        self.deal = LazyCombo("deal", editable=True)
        self.deal.set_choices((self.tr("(geen deal)"), None),
                              [(d.name, d.id) for d in editor_choices(ws).deals])
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.participants = ParticipantsEditor(people_choices(ws))
        self.agenda = QPlainTextEdit()
        self.agenda.setObjectName("agenda")
        self.agenda.setFixedHeight(64)
        self.decisions = QPlainTextEdit()
        self.decisions.setObjectName("decisions")
        self.decisions.setPlaceholderText(self.tr("Eén besluit per regel"))
        self.decisions.setFixedHeight(80)
        self.to_commitment = QPushButton(self.tr("Besluit → &toezegging…"))
        self.to_commitment.setObjectName("decisionToCommitment")
        self.to_commitment.setToolTip(self.tr(
            "Het besluit op de regel van de cursor wordt een toezegging, gemaakt in dit overleg"))
        self.to_commitment.clicked.connect(self.decision_to_commitment)
        self.made = QListWidget()
        self.made.setObjectName("madeHere")
        self.made.setMaximumHeight(70)
        self.made.itemActivated.connect(self._open_commitment)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        decisions = QHBoxLayout()
        decisions.addWidget(self.decisions, 1)
        decisions.addWidget(self.to_commitment)
        decisions_label = QLabel(self.tr("&Besluiten"))
        decisions_label.setBuddy(self.decisions)
        form = QFormLayout()
        for label, part in ((self.tr("&Datum"), self.held_on), (self.tr("&Soort"), self.kind),
                            (self.tr("D&eal"), self.deal), (self.tr("T&itel"), self.title),
                            (self.tr("Deel&nemers"), self.participants),
                            (self.tr("&Agenda"), self.agenda),
                            (decisions_label, decisions),
                            (self.tr("Toezeggingen\nuit dit overleg"), self.made)):
            form.addRow(label, part)
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
        if meeting_id is None:
            self.held_on.set_value(date.today())
            choose(self.deal, deal_id)
        else:
            self._load()
        self.to_commitment.setEnabled(meeting_id is not None)
        self.resize(680, self.sizeHint().height())

    def _load(self) -> None:
        assert self.meeting_id is not None
        record = meeting_record(self._ws, self.meeting_id)
        d = record.data
        self.held_on.set_value(d.held_on)
        choose(self.kind, d.kind.value)
        choose(self.deal, d.deal_id)
        self.title.setText(d.title)
        self.participants.set_ids(d.participant_ids)
        self.agenda.setPlainText(d.agenda)
        self.decisions.setPlainText(d.decisions)
        self._show_made(record)

    def _show_made(self, record: Any) -> None:
        self.made.clear()
        for c in record.commitments:
            item = QListWidgetItem(f"{c.title} ({c.state})")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.made.addItem(item)

    def _fail(self, text: str, field: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        if field is not None:
            field.setFocus()

    def data(self) -> MeetingData | None:
        try:
            held_on = self.held_on.value()
        except ValueError as exc:
            self._fail(self.tr("Datum: {error}").format(error=exc), self.held_on)
            return None
        if held_on is None:
            self._fail(self.tr("Een overleg heeft een datum nodig."), self.held_on)
            return None
        return MeetingData(MeetingKind(self.kind.currentData()), held_on, self.title.text(),
                           chosen(self.deal), self.agenda.toPlainText(),
                           self.decisions.toPlainText(), self.participants.ids())

    def save(self) -> None:
        data = self.data()
        if data is None:
            return
        args: tuple[Any, ...]
        if self.meeting_id is None:
            fn: Any = create_meeting
            args = (data,)
        else:
            fn, args = update_meeting, (self.meeting_id, data)

        def done(result: Any) -> None:
            changes = result[1] if isinstance(result, tuple) else result
            if isinstance(result, tuple):
                self.meeting_id = result[0]
            self._context.signals.changes_applied.emit(changes)
            self.accept()

        self._context.tasks.run(fn, self._ws, *args, write=True, on_done=done,
                                on_error=lambda exc: self._fail(str(exc)))

    def current_decision(self) -> str:
        line = self.decisions.textCursor().block().text()
        return line.strip(" -•\t")

    def decision_to_commitment(self) -> None:
        """The decision on the cursor's line becomes a commitment made here."""
        if self.meeting_id is None:
            return
        decision = self.current_decision()
        if not decision:
            self._fail(self.tr("Zet de cursor op de regel van een besluit."), self.decisions)
            return
        self.error.hide()
        self._context.commands.commitment_from_decision(self, self.meeting_id, decision)
        self._show_made(meeting_record(self._ws, self.meeting_id))

    def _open_commitment(self, item: QListWidgetItem) -> None:
        self._context.commands.open_commitment(self, item.data(Qt.ItemDataRole.UserRole))
