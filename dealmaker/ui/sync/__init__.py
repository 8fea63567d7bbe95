"""Team sync in the window: a sync button and status in the status bar, the Conflicten
page, and in Bestand "Werkruimte delen…" and "Gedeelde werkruimte openen…" (issue 12).
The work itself is ``services.sync`` (Qt-free)."""

from __future__ import annotations

from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP, ActionSpec
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.sync.control import SyncControl
from dealmaker.ui.sync.join_dialog import JoinDialog, open_join_dialog
from dealmaker.ui.sync.page import ConflictsPage
from dealmaker.ui.sync.share_dialog import ShareDialog, open_share_dialog

__all__ = ["ConflictsPage", "JoinDialog", "ShareDialog", "SyncControl", "install"]

SHARE = ActionSpec("share_workspace", QT_TRANSLATE_NOOP("actions", "Werkruimte de&len…"), "",
                   QT_TRANSLATE_NOOP("actions", "Deze werkruimte als eerste versie op de "
                                                "teamserver zetten"))
JOIN = ActionSpec("join_workspace", QT_TRANSLATE_NOOP("actions", "&Gedeelde werkruimte "
                                                                 "openen…"), "",
                  QT_TRANSLATE_NOOP("actions", "Een gedeelde werkruimte van de teamserver "
                                               "ophalen in een nieuw bestand en openen"))


def install(context: AppContext) -> SyncControl:
    """The status-bar control (in a window), the Conflicten page, the two Bestand items."""
    page = ConflictsPage(context)
    context.pages.register(page)
    control = SyncControl(context, show_conflicts=lambda: context.pages.show(page.key))
    if context.window is not None:
        context.window.statusBar().addPermanentWidget(control)  # type: ignore[attr-defined]
    if context.menus is not None:
        menus = context.window_menus()
        context.add_action(menus.file, SHARE,
                           lambda: open_share_dialog(context, context.window),
                           before=menus.file_features_end)
        context.add_action(menus.file, JOIN, lambda: open_join_dialog(context, context.window),
                           before=menus.file_features_end)
    return control
