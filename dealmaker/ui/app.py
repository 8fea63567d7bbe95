"""``run_gui``: what the composition root calls to start the window.

Start-up is measured (``bench/bench_startup.py``; target: interactive window < 1 s on the
large workspace; ``bench/bench_privacy.py`` measures a cold open). Opening checks the
header, version and tables first and reads every page (``PRAGMA quick_check``, many
seconds for a large file that is not in the page cache) in the background
(``storage.verify``): the pages fill at once while writes wait for that check and are
refused if it finds damage. The opening itself starts on a thread before Qt is even
imported, the window shows meanwhile ("Werkruimte openen…"), and the pages fill in when
the workspace is adopted. This module imports nothing heavy at module level; no
pandas/networkx at start-up, alembic only when the file needs a migration.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dealmaker.storage.workspace import Workspace


class _Opener(threading.Thread):
    """Opens (checks, locks, migrates if needed) the workspace off the main thread."""

    def __init__(self, path: Path) -> None:
        super().__init__(name="dealmaker-openen", daemon=True)
        self.path = path
        self.workspace: Workspace | None = None
        self.error: BaseException | None = None
        #: set once the storage modules are imported and the check itself is running
        self.checking = threading.Event()

    def run(self) -> None:
        try:
            from dealmaker.storage.workspace import open_workspace

            self.checking.set()
            self.workspace = open_workspace(self.path, background=True)
        except BaseException as exc:  # handed to the main thread
            self.error = exc
        finally:
            self.checking.set()

    def result(self) -> Workspace:
        self.join()
        if self.error is not None:
            raise self.error
        assert self.workspace is not None
        return self.workspace


def run_gui(path: Path, *, first_start_demo: bool) -> int:
    """Start the window on the workspace at ``path``; returns the process exit code.

    With ``first_start_demo`` and no file at ``path`` (the user's own workspace, not
    begun yet), the demo beside it is opened instead, made first if needed (progress
    dialog with Annuleren; cancelled: an empty one); the window marks it as the demo
    and offers to begin the user's own. A workspace that cannot be opened: the Dutch
    one-line reason in a dialog, exit 1.
    """
    if first_start_demo and not path.exists():
        from dealmaker.config import DEMO_WORKSPACE_NAME

        path = path.with_name(DEMO_WORKSPACE_NAME)
    first_demo = first_start_demo and not path.exists()
    opener = None if first_demo else _Opener(path)
    if opener is not None:
        opener.start()
        # Importing is GIL-bound on both threads; the check is not. So let the opener
        # import first, then import Qt while its check runs in C.
        opener.checking.wait()

    from dealmaker.ui import launch
    from dealmaker.ui.shell.tasks import TaskRunner

    launch.make_application()
    tasks = TaskRunner()
    try:
        if opener is None:
            launch.create_first_demo(path, tasks)
            opener = _Opener(path)
            opener.start()
        return launch.run_window(path, opener.result, tasks)
    finally:
        tasks.shutdown()
        if opener is not None:  # also when the window closed before the check ended
            opener.join()
            if opener.workspace is not None:
                opener.workspace.close()  # idempotent
