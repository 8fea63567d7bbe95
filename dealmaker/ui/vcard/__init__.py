"""Contacts written as vCards: all or the searched ones (Bestand menu), or the selected
ones (``commands.export_vcards``, from the Contacten list)."""

from __future__ import annotations

from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP, ActionSpec
from dealmaker.ui.shell.context import AppContext, Parent
from dealmaker.ui.vcard.dialog import export_vcards_for, open_vcard_export

__all__ = ["export_vcards_for", "install", "open_vcard_export"]

EXPORT_VCARDS = "export_vcards"
SPEC = ActionSpec(EXPORT_VCARDS, QT_TRANSLATE_NOOP("actions", "Contacten exporteren als &vCard…"),
                  "", QT_TRANSLATE_NOOP("actions", "Alle of gezochte contacten in één "
                                                   ".vcf-bestand zetten"))


def install(context: AppContext) -> None:
    def export(parent: Parent, person_ids: list[str]) -> None:
        export_vcards_for(parent, context, person_ids)

    context.commands.export_vcards = export
    menus = context.window_menus()
    context.add_action(menus.file, SPEC, lambda: open_vcard_export(context.window, context),
                       before=menus.file_features_end)
