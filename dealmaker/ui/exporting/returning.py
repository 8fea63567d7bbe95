"""Reading a returned overleg workbook in the window: choose the file, read and compare it
in the background (progress, Annuleren), review every change, then write the accepted
ones as one undoable step, also in the background."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from dealmaker.services.changes import Changes
from dealmaker.services.workbook.apply import apply_return
from dealmaker.services.workbook.back_rows import WorkbookChange
from dealmaker.services.workbook.roundtrip import ReturnPlan, plan_return
from dealmaker.services.workbook.write import WorkbookStep
from dealmaker.ui.exporting.review import ReviewDialog
from dealmaker.ui.shell.context import AppContext


def tr(text: str) -> str:
    return QCoreApplication.translate("export", text)


def _planning(ws: Any, path: Path) -> Generator[WorkbookStep, None, ReturnPlan]:
    yield WorkbookStep(0, 2, tr("{name} lezen en vergelijken…").format(name=path.name))
    plan = plan_return(ws, path)
    yield WorkbookStep(1, 2, tr("Klaar"))
    return plan


def _applying(ws: Any, plan: ReturnPlan, chosen: list[WorkbookChange]
              ) -> Generator[WorkbookStep, None, Changes]:
    yield WorkbookStep(0, 1, tr("{count} wijzigingen opslaan…").format(count=len(chosen)))
    return apply_return(ws, plan, chosen)


class ReturnImport(QObject):
    """The flow behind 'Teruggestuurde werkmap inlezen…' on the Export page."""

    #: a line for the page (result or refusal)
    said = Signal(str)
    #: the review dialog is open (tests drive it)
    reviewing = Signal(object)
    #: the accepted changes were written
    applied = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self.last_folder: Path | None = None
        self.review: ReviewDialog | None = None

    def ask_path(self) -> Path | None:
        ws = self._context.workspace()
        folder = self.last_folder or (ws.path.parent if ws else Path.home())
        name, _ = QFileDialog.getOpenFileName(self._parent, tr("Teruggestuurde werkmap"),
                                              str(folder), tr("Excel-werkmap (*.xlsx)"))
        return Path(name) if name else None

    def start(self, path: Path | None = None) -> None:
        ws = self._context.workspace()
        path = path or self.ask_path()
        if ws is None or path is None:
            return
        self.last_folder = path.parent
        self._context.tasks.run_steps(
            _planning(ws, path), title=tr("Werkmap inlezen"), parent=self._parent,
            on_done=self._review, on_cancel=lambda: self.said.emit(tr(
                "Afgebroken; er is niets ingelezen.")),
            on_error=lambda exc: self.said.emit(str(exc)))

    def _review(self, plan: ReturnPlan) -> None:
        if plan.unchanged:
            self.said.emit(tr("{name}: geen wijzigingen.").format(name=plan.path.name))
            return
        self.review = ReviewDialog(plan, self._parent)
        self.review.accepted.connect(self._apply)
        if plan.refusals:
            self.said.emit(tr("{name} is geweigerd; er is niets ingelezen.").format(
                name=plan.path.name))
        self.review.open()
        self.reviewing.emit(self.review)

    def _apply(self) -> None:
        ws = self._context.workspace()
        review = self.review
        if ws is None or review is None:
            return
        chosen = review.chosen()
        plan = review.plan
        self._context.tasks.run_steps(
            _applying(ws, plan, chosen), title=tr("Werkmap inlezen"), parent=self._parent,
            on_done=lambda changes: self._done(changes, len(chosen), plan),
            on_error=lambda exc: self.said.emit(tr(
                "Niets ingelezen: {error}").format(error=exc)))

    def _done(self, changes: Changes, count: int, plan: ReturnPlan) -> None:
        self._context.signals.changes_applied.emit(changes)
        skipped = len(plan.changes) - count
        text = tr("{count} wijzigingen uit {name} opgeslagen").format(
            count=count, name=plan.path.name)
        if skipped:
            text += tr(" ({skipped} niet overgenomen)").format(skipped=skipped)
        self.said.emit(text + tr("; Ctrl+Z maakt dit ongedaan."))
        self.applied.emit(changes)
