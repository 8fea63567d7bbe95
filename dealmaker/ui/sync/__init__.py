"""Team sync in the window: a sync button and status in the status bar, the Conflicten
page (issue 12). The work itself is ``services.sync`` (Qt-free)."""

from __future__ import annotations

from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.sync.control import SyncControl
from dealmaker.ui.sync.page import ConflictsPage

__all__ = ["ConflictsPage", "SyncControl", "install"]


def install(context: AppContext) -> SyncControl:
    """The status-bar control (in a window) and the Conflicten page."""
    page = ConflictsPage(context)
    context.pages.register(page)
    control = SyncControl(context, show_conflicts=lambda: context.pages.show(page.key))
    if context.window is not None:
        context.window.statusBar().addPermanentWidget(control)  # type: ignore[attr-defined]
    return control
