"""The toezegging editor: its fields, and (for an existing one) its dated steps.

Saving and each step run a service on the write lane and emit ``changes_applied``; a
refusal is shown in the dialog, in Dutch, and changes nothing.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from dealmaker.domain.dates import parse_date
from dealmaker.domain.enums import CommitmentState
from dealmaker.services.changes import Changes
from dealmaker.services.commitments.choices import editor_choices, people_at
from dealmaker.services.commitments.records import (
    CommitmentData,
    commitment_record,
    create_commitment,
    update_commitment,
)
from dealmaker.services.commitments.states import step_commitment
from dealmaker.services.meetings.decisions import commitment_from_decision
from dealmaker.services.meetings.records import meeting_caption, meeting_record
from dealmaker.ui.commitments.form import CommitmentForm, FieldError
from dealmaker.ui.commitments.mandate_check import MandateCheck
from dealmaker.ui.commitments.states_panel import StatesPanel
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import choose, chosen


class CommitmentDialog(QDialog):
    def __init__(self, context: AppContext, commitment_id: str | None = None,
                 parent: QWidget | None = None, *, deal_id: str | None = None,
                 meeting_id: str | None = None, title: str = "") -> None:
        """``meeting_id`` and ``title`` (new commitment): a decision of that meeting
        becomes this commitment, made at the meeting."""
        super().__init__(parent)
        self.setObjectName("commitmentDialog")
        self._context = context
        self.commitment_id = commitment_id
        ws = context.workspace()
        assert ws is not None
        self._ws = ws
        self._confirmed_by: str | None = None
        self._meeting_id = meeting_id
        self.setWindowTitle(self.tr("Toezegging") if commitment_id else
                            self.tr("Nieuwe toezegging"))
        self.form = CommitmentForm(editor_choices(ws))
        self.mandate = MandateCheck(ws, self.form, self)
        self.form.add_below_amount(self.mandate.flag)
        self.mandate.shown_changed.connect(self._make_room)
        self.states = StatesPanel()
        self.states.step_requested.connect(self._take_step)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Op&slaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.made_at = QLabel()
        self.made_at.setObjectName("madeAt")
        self.made_at.linkActivated.connect(self._open_meeting)
        self.made_at.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.made_at)
        layout.addWidget(self.form)
        layout.addWidget(self.states)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.form.from_org.currentIndexChanged.connect(lambda: self._people(True))
        self.form.to_org.currentIndexChanged.connect(lambda: self._people(False))
        if commitment_id is None:
            self.states.hide()
            self.form.title.setText(title)
            if meeting_id is not None and deal_id is None:
                deal_id = meeting_record(ws, meeting_id).data.deal_id
            if deal_id is not None:
                choose(self.form.deal, deal_id)
            self._people(True)
            self._people(False)
        else:
            self._load()
        self._show_made_at()
        self.mandate.check()
        self.resize(640, self.sizeHint().height())

    def _load(self) -> None:
        assert self.commitment_id is not None
        record = commitment_record(self._ws, self.commitment_id)
        self._confirmed_by = record.data.confirmed_by_id
        self._meeting_id = record.data.meeting_id
        self.form.load(record.data)
        self._people(True, record.data.owner_id)
        self._people(False, record.data.counterpart_id)
        self.states.show_steps(record.state, record.steps)

    def _make_room(self) -> None:
        if self.height() < self.sizeHint().height():
            self.resize(self.width(), self.sizeHint().height())

    def _show_made_at(self) -> None:
        caption = meeting_caption(self._ws, self._meeting_id) if self._meeting_id else ""
        self.made_at.setText(self.tr("Gemaakt in overleg: <a href='open'>{meeting}</a>")
                             .format(meeting=html.escape(caption)))
        self.made_at.setVisible(bool(caption))

    def _open_meeting(self, _link: str) -> None:
        if self._meeting_id:
            self._context.commands.open_meeting(self, self._meeting_id)

    def _people(self, owner_side: bool, current: str | None = None) -> None:
        combo = self.form.owner if owner_side else self.form.counterpart
        org = chosen(self.form.from_org if owner_side else self.form.to_org)
        current = current or combo.currentData()
        self.form.set_people(combo, people_at(self._ws, org, current), current)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _run(self, fn: Callable[..., Any], *args: Any,
             then: Callable[[Any], None]) -> None:
        def done(result: Any) -> None:
            changes = result[1] if isinstance(result, tuple) else result
            if isinstance(changes, Changes):
                self._context.signals.changes_applied.emit(changes)
            then(result)

        self._context.tasks.run(fn, self._ws, *args, on_done=done,
                                on_error=lambda exc: self._show_error(str(exc)), write=True)

    def save(self) -> None:
        try:
            data: CommitmentData = self.form.data(self._confirmed_by, self._meeting_id)
        except FieldError as exc:
            exc.field.setFocus()
            self._show_error(str(exc))
            return
        if self.commitment_id is None and self._meeting_id is not None:
            self._run(commitment_from_decision, self._meeting_id, data, then=self._created)
        elif self.commitment_id is None:
            self._run(create_commitment, data, then=self._created)
        else:
            self._run(update_commitment, self.commitment_id, data,
                      then=lambda _r: self.accept())

    def _created(self, result: tuple[str, Changes]) -> None:
        self.commitment_id = result[0]
        self.accept()

    def _take_step(self, state: CommitmentState, on_text: str, note: str) -> None:
        try:
            on = parse_date(on_text) if on_text.strip() else date.today()
        except ValueError as exc:
            self._show_error(str(exc))
            return
        assert self.commitment_id is not None
        self.error.hide()
        self._run(step_commitment, self.commitment_id, state, on, note,
                  then=lambda _r: self._load())
