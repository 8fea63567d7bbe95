"""Check every page of an opened workspace in the background; writes wait for it.

Reading every page (``PRAGMA quick_check``) of a large workspace that is not in the page
cache takes many seconds, most of a cold start. ``open_workspace(..., background=True)``
therefore checks only the header, version and tables before opening, and starts this
check beside it: the window fills its pages at once, while every commit waits until
the check is done and is refused if it found damage, so a damaged file is still never
written to. Reads need no wait: SQLite refuses a damaged page it reads by itself.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from sqlalchemy import Engine, event

from dealmaker.storage.errors import WorkspaceError
from dealmaker.storage.fileguard import inspect_file

log = logging.getLogger(__name__)


class BackgroundCheck:
    """``quick_check`` of ``path`` on a thread; ``wait()`` raises what it found."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.failure: WorkspaceError | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="dealmaker-controle",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            inspect_file(self.path)
        except WorkspaceError as exc:
            log.warning("controle van de werkruimte: %s", type(exc).__name__)
            self.failure = exc
        except Exception as exc:  # a read error is not damage; SQLite still guards reads
            log.warning("controle van de werkruimte mislukt: %s", type(exc).__name__)
        finally:
            self._done.set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self) -> None:
        """Block until the check is done; raise its finding (a damaged file)."""
        self._done.wait()
        if self.failure is not None:
            raise self.failure

    def guard_writes(self, engine: Engine) -> None:
        """Every commit on ``engine`` waits for the check and is refused after damage."""
        event.listen(engine, "commit", lambda _conn: self.wait())
