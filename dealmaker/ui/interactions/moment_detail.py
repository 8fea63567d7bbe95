"""One contact moment in full: the whole report (the timeline cuts it off), who, which
deals and the follow-up; Bewerken… opens the form on it, Verwijderen asks first. Both
are undoable (Ctrl+Z)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from dealmaker.domain.dates import format_date
from dealmaker.services.changes import Changes
from dealmaker.services.interactions import delete_interaction
from dealmaker.services.timeline import InteractionDetail, interaction_detail
from dealmaker.ui.interactions.dialog import ContactMomentDialog

if TYPE_CHECKING:
    from dealmaker.ui.shell.context import AppContext

#: tables whose changes can alter the moment shown
MOMENT_TABLES = ("interaction", "interaction_participant", "interaction_deal", "person",
                 "deal", "theme")


class MomentDetailDialog(QDialog):
    """``reload()`` reads the moment off the UI thread; it follows later edits."""

    def __init__(self, context: AppContext, interaction_id: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("momentDetail")
        self.setWindowTitle(self.tr("Contactmoment"))
        self.setSizeGripEnabled(True)
        self._context = context
        self.interaction_id = interaction_id
        context.share_undo(self)
        self.detail: InteractionDetail | None = None
        self.heading = QLabel()
        self.heading.setObjectName("cardTitle")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report = QPlainTextEdit()
        self.report.setObjectName("momentReport")
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Verslag"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Sluiten"))
        self.edit_button = QPushButton(self.tr("&Bewerken…"))
        self.delete_button = QPushButton(self.tr("&Verwijderen…"))
        for button in (self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(QLabel(self.tr("Verslag:")))
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        context.signals.changes_applied.connect(self._on_changes)
        self.finished.connect(self._closed)

    def _closed(self, _result: int) -> None:
        """Closed (and soon deleted): no more reloads for changes made elsewhere."""
        self._context.signals.changes_applied.disconnect(self._on_changes)

    def reload(self) -> None:
        ws = self._context.workspace()
        if ws is not None:
            self._context.tasks.run(interaction_detail, ws, self.interaction_id,
                                    on_done=self._show, on_error=self._gone)

    def _show(self, detail: InteractionDetail) -> None:
        self.detail = detail
        e = detail.entry
        self.heading.setText(self.tr("{kind} op {date}").format(
            kind=e.kind.label, date=format_date(e.occurred_on)))
        rows = [(self.tr("Richting"), e.direction.label),
                (self.tr("Met"), ", ".join(p.label for p in e.participants)),
                (self.tr("Deals"), ", ".join(d.name for d in e.deals)),
                (self.tr("Thema"), e.theme)]
        if e.follow_up_on is not None:
            follow = f"{format_date(e.follow_up_on)} {e.follow_up_action}".strip()
            if e.follow_up_done_on is not None:
                follow += self.tr(" (gedaan {date})").format(
                    date=format_date(e.follow_up_done_on))
            rows.append((self.tr("Opvolging"), follow))
        self.facts.setText("<br>".join(f"<b>{html.escape(k)}:</b> {html.escape(v)}"
                                       for k, v in rows if v))
        self.report.setPlainText(e.summary or self.tr("(geen verslag)"))
        self.edit_button.setEnabled(True)
        self.delete_button.setEnabled(True)

    def _gone(self, exc: Exception) -> None:
        self.detail = None
        self.heading.setText(self.tr("Dit contactmoment bestaat niet meer."))
        self.facts.setText("")
        self.report.setPlainText("" if isinstance(exc, LookupError) else str(exc))
        self.edit_button.setEnabled(False)
        self.delete_button.setEnabled(False)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*MOMENT_TABLES):
            self.reload()

    def edit(self) -> None:
        if self.detail is None:
            return
        dialog = ContactMomentDialog(self._context, parent=self, editing=self.detail)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def delete(self) -> None:
        ws = self._context.workspace()
        if self.detail is None or ws is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Contactmoment verwijderen?"),
            self.tr("Het contactmoment van {date} verwijderen? Ongedaan maken kan met "
                    "Ctrl+Z.").format(date=format_date(self.detail.entry.occurred_on)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._context.tasks.run(delete_interaction, ws, self.interaction_id, write=True,
                                on_done=self._deleted, on_error=self._gone)

    def _deleted(self, changes: Changes) -> None:
        self.accept()  # first: the window does not reload the moment it just deleted
        self._context.signals.status_message.emit(self.tr(
            "Contactmoment verwijderd (Ctrl+Z maakt het ongedaan)."))
        self._context.signals.changes_applied.emit(changes)


def open_moment(parent: Any, context: AppContext, interaction_id: str) -> MomentDetailDialog:
    """The detail window of one moment (window-modal; deletes itself when closed)."""
    dialog = MomentDetailDialog(context, interaction_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.reload()
    dialog.open()
    return dialog
