"""Opvolgen on a selection: +7 dagen, verzetten naar een datum, toewijzen aan een
collega, oude afronden.

Each runs one service call on the write lane (one operation, one Ctrl+Z) and then
reloads the list; dates are asked and shown as dd-mm-jjjj.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from dealmaker.domain.dates import format_date
from dealmaker.services.changes import Changes
from dealmaker.services.follow_up_edits import (
    assign_follow_ups,
    close_follow_ups,
    overdue_before,
    reschedule_follow_ups,
)
from dealmaker.ui.interactions.assign_dialog import CANCELLED, ask_owner
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import DateField

#: "Oude afronden" offers what is more than this long overdue
OLD_AFTER = timedelta(days=90)


def ask_date(parent: QWidget | None, title: str, text: str, start: date) -> date | None:
    """A small dialog with one date field (dd-mm-jjjj); None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    field = DateField(dialog)
    field.set_value(start)
    error = QLabel()
    error.setObjectName("error")
    error.hide()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    form = QFormLayout(dialog)
    form.addRow(QLabel(text))
    form.addRow(dialog.tr("Datum:"), field)
    form.addRow(error)
    form.addRow(buttons)
    chosen: list[date] = []

    def accept() -> None:
        try:
            value = field.value()
        except ValueError as exc:
            error.setText(str(exc))
            error.show()
            return
        if value is not None:
            chosen.append(value)
            dialog.accept()

    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    dialog.exec()
    return chosen[0] if chosen else None


class FollowUpActions:
    """The bulk actions of the Opvolgen page; ``selected()`` gives the chosen ids."""

    def __init__(self, context: AppContext, parent: QWidget,
                 selected: Callable[[], Sequence[str]],
                 finished: Callable[[Changes, str], None]) -> None:
        self._context, self._parent = context, parent
        self._selected, self._finished = selected, finished

    def _run(self, fn: Callable[..., Changes], *args: Any, message: str) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        self._context.tasks.run(
            fn, ws, *args, write=True,
            on_done=lambda changes: self._finished(changes, message),
            on_error=self._warn)

    def _warn(self, exc: Exception) -> None:
        QMessageBox.warning(self._parent, self._parent.tr("Opvolgen"), str(exc))

    def close(self, ids: Sequence[str]) -> None:
        self._run(close_follow_ups, list(ids), date.today(), message=self._parent.tr(
            "{n} opvolgingen afgerond.").format(n=len(ids)))

    def postpone_week(self) -> None:
        ids = list(self._selected())
        if ids:
            on = date.today() + timedelta(days=7)
            self._run(reschedule_follow_ups, ids, on, message=self._parent.tr(
                "{n} opvolging(en) verzet naar {date}.").format(n=len(ids), date=format_date(on)))

    def reschedule(self) -> None:
        ids = list(self._selected())
        if not ids:
            return
        on = ask_date(self._parent, self._parent.tr("Verzetten naar"),
                      self._parent.tr("Naar welke datum wilt u {n} opvolging(en) verzetten?")
                      .format(n=len(ids)), date.today() + timedelta(days=7))
        if on is not None:
            self._run(reschedule_follow_ups, ids, on, message=self._parent.tr(
                "{n} opvolging(en) verzet naar {date}.").format(n=len(ids), date=format_date(on)))

    def assign(self) -> None:
        ids = list(self._selected())
        if not ids:
            return
        owner = ask_owner(self._context, self._parent, len(ids))
        if owner == CANCELLED:
            return
        message = (self._parent.tr("{n} opvolging(en) toegewezen.") if owner is not None else
                   self._parent.tr("{n} opvolging(en) aan niemand meer toegewezen."))
        self._run(assign_follow_ups, ids, owner, message=message.format(n=len(ids)))

    def close_old(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        before = ask_date(self._parent, self._parent.tr("Oude opvolgingen afronden"),
                          self._parent.tr("Alle open opvolgingen van vóór deze datum afronden:"),
                          date.today() - OLD_AFTER)
        if before is None:
            return
        ids = overdue_before(ws, before)
        if not ids:
            QMessageBox.information(self._parent, self._parent.tr("Oude opvolgingen afronden"),
                                    self._parent.tr("Er staan geen opvolgingen open van vóór "
                                                    "{date}.").format(date=format_date(before)))
            return
        answer = QMessageBox.question(
            self._parent, self._parent.tr("Oude opvolgingen afronden"),
            self._parent.tr("{n} opvolgingen van vóór {date} afronden? Ctrl+Z maakt het in "
                            "één keer ongedaan.").format(n=len(ids), date=format_date(before)))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(close_follow_ups, ids, date.today(), message=self._parent.tr(
                "{n} oude opvolgingen afgerond.").format(n=len(ids)))
