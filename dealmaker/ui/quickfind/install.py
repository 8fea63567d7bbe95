"""Adds 'Snel zoeken…' (Ctrl+K) to the Bewerken menu."""

from __future__ import annotations

from dealmaker.ui.quickfind.jump import go_to_hit
from dealmaker.ui.quickfind.popup import QuickFindPopup
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP, ActionSpec
from dealmaker.ui.shell.context import AppContext

QUICK_FIND = "quick_find"
SPEC = ActionSpec(QUICK_FIND, QT_TRANSLATE_NOOP("actions", "&Snel zoeken…"), "Ctrl+K",
                  QT_TRANSLATE_NOOP("actions", "Een persoon, organisatie of deal zoeken en "
                                               "openen"))


def install(context: AppContext) -> None:
    window = context.window
    popup = QuickFindPopup(context, window)
    popup.hit_chosen.connect(lambda hit: go_to_hit(context, hit))
    context.add_action(context.window_menus().edit, SPEC, lambda: popup.popup(window))
