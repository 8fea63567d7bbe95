"""Puts Ongedaan maken / Opnieuw at the top of the Bewerken menu, as in every editor."""

from __future__ import annotations

from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.undo.undo_redo import UndoRedo


def install(context: AppContext) -> UndoRedo:
    assert context.window is not None, "undo/redo belongs to a window"
    undo_redo = UndoRedo(context.window, context)
    edit = context.window_menus().edit
    for action in (undo_redo.undo_action, undo_redo.redo_action):
        context.actions[action.objectName()] = action
    existing = edit.actions()
    if existing:
        edit.insertActions(existing[0], [undo_redo.undo_action, undo_redo.redo_action])
        edit.insertSeparator(existing[0])
    else:
        edit.addActions([undo_redo.undo_action, undo_redo.redo_action])
        edit.addSeparator()
    return undo_redo
