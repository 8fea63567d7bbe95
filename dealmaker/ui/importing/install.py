"""Bestand menu entries of this feature: import contacts, export them as vCards."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from dealmaker.ui.actions import QT_TRANSLATE_NOOP, ActionSpec, build_action
from dealmaker.ui.importing.vcard_export import open_vcard_export
from dealmaker.ui.importing.wizard import start_import
from dealmaker.ui.pages.base import PageContext

CONTEXT = "actions"
IMPORT_CONTACTS = "import_contacts"
EXPORT_VCARDS = "export_vcards"

SPECS = (
    ActionSpec(IMPORT_CONTACTS, QT_TRANSLATE_NOOP("actions", "Contacten &importeren…"),
               "Ctrl+I", QT_TRANSLATE_NOOP("actions", "Contacten inlezen uit een .csv-, "
                                                      ".xlsx- of .vcf-bestand")),
    ActionSpec(EXPORT_VCARDS, QT_TRANSLATE_NOOP("actions", "Contacten exporteren als &vCard…"),
               "", QT_TRANSLATE_NOOP("actions", "Alle of gezochte contacten in één "
                                                ".vcf-bestand zetten")),
)


def install_importing(window: QWidget, file_menu: QMenu, before: QAction,
                      context: PageContext) -> dict[str, QAction]:
    """Put Import and vCard export into the Bestand menu above ``before``."""
    def import_contacts() -> None:
        start_import(window, context)

    def export_vcards() -> None:
        open_vcard_export(window, context)

    handlers = {IMPORT_CONTACTS: import_contacts, EXPORT_VCARDS: export_vcards}
    actions = {spec.key: build_action(window, spec, handlers[spec.key]) for spec in SPECS}
    for action in actions.values():
        file_menu.insertAction(before, action)
    file_menu.insertSeparator(before)
    return actions
