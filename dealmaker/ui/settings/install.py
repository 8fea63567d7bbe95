"""Puts Instellingen… (Ctrl+,) in the Bewerken menu."""

from __future__ import annotations

from dealmaker.ui.settings.dialog import SettingsDialog
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP, ActionSpec
from dealmaker.ui.shell.context import AppContext

SPEC = ActionSpec("settings", QT_TRANSLATE_NOOP("actions", "&Instellingen…"), "Ctrl+,",
                  QT_TRANSLATE_NOOP("actions", "Lijsten uitbreiden: soorten toezegging, "
                                               "rollen van partijen"))


def install(context: AppContext) -> None:
    context.add_action(context.window_menus().edit, SPEC,
                       lambda: _open(context))


def _open(context: AppContext) -> None:
    dialog = SettingsDialog(context, context.window)
    dialog.exec()
    dialog.deleteLater()
