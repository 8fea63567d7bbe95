"""Bestand > Contacten importeren… (Ctrl+I)."""

from __future__ import annotations

from dealmaker.ui.importing.wizard import start_import
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP, ActionSpec
from dealmaker.ui.shell.context import AppContext

IMPORT_CONTACTS = "import_contacts"
SPEC = ActionSpec(IMPORT_CONTACTS, QT_TRANSLATE_NOOP("actions", "Contacten &importeren…"),
                  "Ctrl+I", QT_TRANSLATE_NOOP("actions", "Contacten inlezen uit een .csv-, "
                                                         ".xlsx- of .vcf-bestand"))


def install(context: AppContext) -> None:
    menus = context.window_menus()
    context.add_action(menus.file, SPEC, lambda: start_import(context.window, context),
                       before=menus.file_features_end)
