"""The application signal bus: views learn what changed instead of poking each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    """One instance per application, created by the composition root and passed down."""

    #: A use case committed; carries the ``Changes`` (tables written, operation id).
    changes_applied = Signal(object)
    #: Another workspace became the current one; carries the ``Workspace``.
    workspace_opened = Signal(object)
    #: A short message for the status bar.
    status_message = Signal(str)
