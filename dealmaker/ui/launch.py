"""The Qt half of start-up: application, first-start demo, window, event loop.

Imported by ``dealmaker.ui.app.run_gui`` once the workspace is being opened.
``DEALMAKER_EXIT_AFTER_SHOW=1`` (for ``bench/bench_startup.py``) prints the moments the
window was first painted and its first page got its data, then quits.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from dealmaker import APP_NAME, __version__
from dealmaker.storage.errors import WorkspaceError, user_error
from dealmaker.storage.workspace import Workspace, create_workspace
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner

EXIT_AFTER_SHOW = "DEALMAKER_EXIT_AFTER_SHOW"
log = logging.getLogger(__name__)


def make_application() -> QApplication:
    """The QApplication (reused if one exists), named, Dutch, with Qt's Dutch texts."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    if app.property("dealmakerConfigured"):
        return app
    app.setProperty("dealmakerConfigured", True)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(), "qtbase", "_", folder):
        app.installTranslator(translator)
    return app


def _tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def create_first_demo(path: Path, tasks: TaskRunner) -> None:
    """Fill a new workspace at ``path`` with the small demo, behind a progress dialog.

    Cancelled or failed: an empty workspace is created instead, so the user still gets
    a window.
    """
    from dealmaker.services.demo import demo_steps

    finished: list[bool] = []
    failure: list[Exception] = []

    def finish(exc: Exception | None = None) -> None:
        if exc is not None:
            failure.append(exc)
        finished.append(True)
        QApplication.quit()

    tasks.run_steps(demo_steps(path, "small", 2026), title=_tr("Demowerkruimte maken"),
                    parent=None, on_done=lambda _r: finish(), on_cancel=finish,
                    on_error=finish)
    # The application's own loop, not a QEventLoop: after an earlier quit() a nested
    # loop returns at once until QApplication.exec() runs again (Qt's quitNow flag).
    while not finished:
        QApplication.exec()
    if failure:
        QMessageBox.warning(None, _tr("Demowerkruimte maken"),
                            _tr("De demowerkruimte kon niet worden gemaakt: {error}")
                            .format(error=failure[0]))
    if not path.exists():
        create_workspace(path).close()


def report_failure(exc: BaseException, parent: QWidget | None = None) -> str:
    """A failure nothing else caught: one Dutch line in a message box (never SQL or a
    row's values), the exception class and code lines in the log. Returns the line."""
    shown = user_error(exc) if isinstance(exc, Exception) else exc
    if isinstance(shown, WorkspaceError):
        text = str(shown)
    else:
        text = _tr("Onverwachte fout ({name}); de laatste handeling is mogelijk niet "
                   "uitgevoerd. De technische details (zonder persoonsgegevens) staan in "
                   "het logbestand.").format(name=type(exc).__name__)
    log.error("onverwachte fout in het venster: %s", type(exc).__name__, exc_info=exc)
    QMessageBox.critical(parent, _tr("dealmaker"), text)
    return text


def run_window(path: Path, open_first: Callable[[], Workspace], tasks: TaskRunner) -> int:
    """Show the main window at once, adopt the workspace ``open_first()`` returns (it
    blocks while the file is checked, so it runs on the write lane), run the event loop.

    A refused workspace: its one-line reason in a dialog, the window closes, exit 1.
    """
    from dealmaker.ui.compose import build_window
    from dealmaker.ui.shell.workspace_controller import STATUS_TIMEOUT_MS, WorkspaceController

    app = make_application()
    signals = AppSignals()
    controller = WorkspaceController(None, signals, tasks)
    refused: list[Exception] = []
    try:
        window = build_window(controller)
        window.show()
        window.statusBar().showMessage(
            _tr("Werkruimte openen en controleren: {path}…").format(path=path),
            STATUS_TIMEOUT_MS)
        hook = _ExitAfterShow(window) if os.environ.get(EXIT_AFTER_SHOW) else None

        def opened(ws: Workspace) -> None:
            controller.adopt(ws)
            window.statusBar().clearMessage()
            # Everything built so far lives as long as the window: keep it out of the
            # garbage collector's scans (60-100 ms pauses while typing a search otherwise).
            gc.freeze()

        def failed(exc: Exception) -> None:
            refused.append(exc)
            report_failure(exc, window)
            window.close()

        def uncaught(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
            if issubclass(kind, KeyboardInterrupt):
                sys.__excepthook__(kind, exc, tb)
            else:
                report_failure(exc, window)

        sys.excepthook = uncaught  # a slot that raises: a message, not a traceback

        tasks.run(open_first, write=True, on_done=opened, on_error=failed)
        code = int(app.exec())
        if hook is not None:
            hook.stop()
        return 1 if refused else code
    finally:
        sys.excepthook = sys.__excepthook__
        tasks.shutdown()
        controller.close()


class _ExitAfterShow(QObject):
    """Benchmark hook: report first paint and first data on stdout, then close."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window
        self._shown: float | None = None
        self._data: float | None = None
        window.installEventFilter(self)
        window.current_page().loaded.connect(self._on_data)
        self._give_up = QTimer(self)  # never hang a benchmark
        self._give_up.setSingleShot(True)
        self._give_up.timeout.connect(window.close)
        self._give_up.start(20_000)

    def stop(self) -> None:
        self._give_up.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._shown is None and event.type() == QEvent.Type.Paint:
            self._shown = time.time()
            print(f"DEALMAKER_SHOWN {self._shown:.6f}", flush=True)
            self._maybe_quit()
        return False

    def _on_data(self) -> None:
        if self._data is None:
            self._data = time.time()
            print(f"DEALMAKER_DATA {self._data:.6f}", flush=True)
            self._maybe_quit()

    def _maybe_quit(self) -> None:
        if self._shown is not None and self._data is not None:
            # closed like a user closes it (state saved, last window -> quit), inside the
            # loop: a quit after the loop has ended would stop the next loop at once
            QTimer.singleShot(0, self._window.close)
