"""The import dialog: bestand -> kolommen -> voorbeeld -> samenvatting -> resultaat.

A QDialog with a QStackedWidget rather than a QWizard: three of the four steps end in
work on the task runner (read the file, plan with the mapping, write), and a QWizard
page must decide synchronously whether it may advance. Here Volgende starts the work,
the dialog shows a busy bar and keeps every button still until the answer is back; the
main window keeps painting meanwhile. Nothing is written before the last step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dealmaker import config
from dealmaker.services.importing import (
    ImportFailed,
    ImportPlan,
    ImportResult,
    apply_import,
    describe_problems,
    plan_import,
)
from dealmaker.ui.importing.columns import FileColumns, read_columns
from dealmaker.ui.importing.file_step import FileStep
from dealmaker.ui.importing.mapping_step import MappingStep
from dealmaker.ui.importing.nav import StepButtons
from dealmaker.ui.importing.preview_step import PreviewStep
from dealmaker.ui.importing.summary_step import ResultStep, SummaryStep
from dealmaker.ui.importing.texts import contacts
from dealmaker.ui.shell.context import AppContext

FILE, MAPPING, PREVIEW, SUMMARY, RESULT = range(5)


class ImportDialog(QDialog):
    """Import contacts from a file; emits ``imported`` after writing."""

    #: the import was written; carries the ``ImportResult``
    imported = Signal(object)

    def __init__(self, context: AppContext, parent: Any = None,
                 path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Contacten importeren"))
        self._fit_to_screen(parent)
        self._context = context
        self._ws = context.workspace()
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        self.busy = False

        self.file_step = FileStep(self._start_dir)
        self.mapping_step = MappingStep()
        self.preview_step = PreviewStep()
        self.summary_step = SummaryStep()
        self.result_step = ResultStep()
        self.stack = QStackedWidget()
        for step in (self.file_step, self.mapping_step, self.preview_step, self.summary_step,
                     self.result_step):
            self.stack.addWidget(step)
        self.heading = QLabel()
        self.heading.setObjectName("stepTitle")
        self.heading.setStyleSheet("font-size: 17px; font-weight: 600;")

        self.nav = StepButtons()
        self.back_button, self.next_button = self.nav.back, self.nav.next
        self.cancel_button = self.nav.cancel
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.cancel_button.clicked.connect(self.reject)
        self.file_step.path_changed.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.nav)
        if path is not None:
            self.file_step.set_path(path)
        self._show(FILE)

    def _fit_to_screen(self, parent: Any) -> None:
        """1180 x 680, or the screen's free area when it is smaller (a 1024x768 laptop)."""
        screen = (parent.screen() if isinstance(parent, QWidget) else None) or self.screen()
        free = screen.availableGeometry() if screen is not None else None
        width, height = 1180, 680
        if free is not None:
            width, height = min(width, free.width() - 40), min(height, free.height() - 60)
        self.resize(max(width, 640), max(height, 480))

    # ------------------------------------------------------------------ navigation

    def step(self) -> int:
        return self.stack.currentIndex()

    def go_next(self) -> None:
        if self.busy:
            return
        step = self.step()
        if step == FILE:
            self._read_file()
        elif step == MAPPING:
            self._plan()
        elif step == PREVIEW and self.plan is not None:
            self.summary_step.set_plan(self.plan)
            self._show(SUMMARY)
        elif step == SUMMARY:
            self._apply()
        elif step == RESULT:
            self.accept()

    def go_back(self) -> None:
        if not self.busy and FILE < self.step() < RESULT:
            self._show(self.step() - 1)

    def _show(self, step: int) -> None:
        titles = {FILE: self.tr("Stap 1 van 4 — Bestand kiezen"),
                  MAPPING: self.tr("Stap 2 van 4 — Kolommen koppelen"),
                  PREVIEW: self.tr("Stap 3 van 4 — Voorbeeld controleren"),
                  SUMMARY: self.tr("Stap 4 van 4 — Samenvatting"),
                  RESULT: self.tr("Klaar — Resultaat van de import")}
        self.stack.setCurrentIndex(step)
        self.heading.setText(titles[step])
        self._update_buttons()

    def _update_buttons(self) -> None:
        step, idle = self.step(), not self.busy
        self.back_button.setVisible(step != RESULT)
        self.cancel_button.setVisible(step != RESULT)
        self.back_button.setEnabled(idle and FILE < step < RESULT)
        self.cancel_button.setEnabled(idle)
        if step == SUMMARY:
            only_valid = self.summary_step.only_valid
            self.next_button.setText(self.tr("Alleen de goede rijen importeren") if only_valid
                                     else self.tr("&Importeren"))
            ready = self.summary_step.anything
        elif step == RESULT:
            self.next_button.setText(self.tr("&Sluiten"))
            ready = True
        else:
            self.next_button.setText(self.tr("&Volgende >"))
            ready = step != FILE or self.file_step.path() is not None
        self.next_button.setEnabled(idle and ready)

    # ------------------------------------------------------------------ work

    def _start_dir(self) -> Path:
        return self._ws.path.parent if self._ws is not None else config.data_dir()

    def _run(self, label: str, fn: Callable[..., Any], *args: Any,
             on_done: Callable[[Any], None], on_error: Callable[[Exception], None],
             write: bool = False) -> None:
        self.busy = True
        self.nav.set_busy(label)
        self._update_buttons()

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self.busy = False
            self.nav.set_busy("")
            callback(value)
            self._update_buttons()

        self._context.tasks.run(fn, *args, write=write,
                                on_done=lambda value: finish(on_done, value),
                                on_error=lambda exc: finish(on_error, exc))

    def _read_file(self) -> None:
        path = self.file_step.path()
        if path is None:
            return
        self._run(self.tr("Bestand lezen…"), read_columns, path,
                  on_done=self._columns_read,
                  on_error=lambda exc: self.file_step.show_error(_message(exc)))

    def _columns_read(self, columns: FileColumns) -> None:
        self.mapping_step.set_columns(columns)
        self._show(MAPPING)

    def _plan(self) -> None:
        path, ws = self.file_step.path(), self._ws
        if path is None or ws is None:
            return
        self._run(self.tr("Rijen controleren en dubbelen zoeken…"), plan_import, ws, path,
                  self.mapping_step.mapping(), on_done=self._planned,
                  on_error=lambda exc: self.mapping_step.show_error(_message(exc)))

    def _planned(self, plan: ImportPlan) -> None:
        if plan.file_problems:
            self.mapping_step.show_error(describe_problems(plan.source, plan.file_problems))
            return
        self.plan = plan
        self.preview_step.set_plan(plan)
        self._show(PREVIEW)

    def _apply(self) -> None:
        plan, ws = self.plan, self._ws
        if plan is None or ws is None:
            return
        if self._context.workspace() is not ws:
            QMessageBox.warning(self, self.windowTitle(), self.tr(
                "Er is intussen een andere werkruimte geopend; begin de import opnieuw."))
            return
        only_valid = self.summary_step.only_valid
        self._run(self.tr("Importeren…"), _apply, ws, plan, only_valid, write=True,
                  on_done=self._applied,
                  on_error=self._apply_failed)

    def _apply_failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.windowTitle(), self.tr(
            "Er is niets geïmporteerd.\n\n{error}").format(error=_message(exc)))

    def _applied(self, result: ImportResult) -> None:
        self.import_result = result
        assert self.plan is not None
        self.result_step.set_result(result, self.plan.source)
        self._show(RESULT)
        if result.changes.operation_id is not None:
            self._context.signals.changes_applied.emit(result.changes)
        self._context.signals.status_message.emit(self.tr(
            "Import van {file}: {created} aangemaakt, {merged} aangevuld, {unchanged} al "
            "bekend, {skipped} overgeslagen, {rejected} niet geïmporteerd.").format(
                file=self.plan.source, created=contacts(result.created), merged=result.merged,
                unchanged=result.unchanged, skipped=result.skipped,
                rejected=len({p.row for p in result.rejected})))
        self.imported.emit(result)

    # ------------------------------------------------------------------ closing

    def reject(self) -> None:
        if not self.busy:  # never walk away from a running import
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)


def _apply(ws: Any, plan: ImportPlan, only_valid: bool) -> ImportResult:
    return apply_import(ws, plan, only_valid=only_valid)


def _message(exc: Exception) -> str:
    if isinstance(exc, ImportFailed):
        return str(exc)
    return QCoreApplication.translate("ImportDialog", "Onverwachte fout: {error}").format(
        error=exc)


def start_import(parent: QWidget | None, context: AppContext,
                 path: Path | None = None) -> ImportDialog | None:
    """Open the import dialog (window-modal); None when no workspace is open."""
    if context.workspace() is None:
        context.signals.status_message.emit(
            QCoreApplication.translate("ImportDialog", "Open eerst een werkruimte."))
        return None
    dialog = ImportDialog(context, parent, path)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
