"""Wire this feature into the main window: one call from ``MainWindow._install_features``.

Bestand gets "Contacten importeren…" (Ctrl+I) and "Contacten exporteren als vCard…"
above Back-up maken; Bewerken gets Ongedaan maken / Opnieuw at the top and
"AVG-controlelijst…" at the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dealmaker.ui import actions as A
from dealmaker.ui.actions import QT_TRANSLATE_NOOP, ActionSpec, build_action
from dealmaker.ui.importing.install import install_importing
from dealmaker.ui.pages.base import PageContext
from dealmaker.ui.trust.review import open_review
from dealmaker.ui.trust.undo_redo import UndoRedo

if TYPE_CHECKING:
    from dealmaker.ui.main_window import MainWindow

REVIEW = "avg_review"
REVIEW_SPEC = ActionSpec(
    REVIEW, QT_TRANSLATE_NOOP("actions", "&AVG-controlelijst…"), "",
    QT_TRANSLATE_NOOP("actions", "Contacten die u al jaren niet hebt gesproken: exporteren "
                                 "of vergeten"))


def install_trust(window: MainWindow) -> UndoRedo:
    """Add import/export, undo/redo and the AVG list to the window's menus."""
    controller = window.controller
    context = PageContext(controller.signals, controller.tasks, lambda: controller.workspace)
    install_importing(window, window.file_menu, window.actions_by_key[A.BACKUP], context)

    undo_redo = UndoRedo(window, context)
    edit = window.edit_menu
    existing = edit.actions()
    if existing:  # undo and redo go first, as in every editor
        edit.insertActions(existing[0], [undo_redo.undo_action, undo_redo.redo_action])
        edit.insertSeparator(existing[0])
    else:
        edit.addActions([undo_redo.undo_action, undo_redo.redo_action])
    edit.addSeparator()

    def review() -> None:
        open_review(window, context)

    edit.addAction(build_action(window, REVIEW_SPEC, review))
    return undo_redo
