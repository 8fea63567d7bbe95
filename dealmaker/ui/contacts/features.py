"""Dialogs of other features, opened from the Contacten list and the contact card.

They live in their own packages (``ui.trust``, ``ui.interactions``) and are imported only
when used, so this package does not depend on their internals -- only on the entry
points below.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from dealmaker.ui.pages.base import PageContext

TRUST = "dealmaker.ui.trust"
INTERACTIONS = "dealmaker.ui.interactions"


def _call(parent: QWidget, module: str, name: str, *args: Any) -> None:
    try:
        entry = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        QMessageBox.information(
            parent, QCoreApplication.translate("contacts", "Nog niet beschikbaar"),
            QCoreApplication.translate("contacts", "Deze functie is in deze versie nog niet "
                                                   "beschikbaar."))
        return
    entry(parent, *args)


def log_contact_moment(parent: QWidget, context: PageContext, person_ids: list[str]) -> None:
    _call(parent, INTERACTIONS, "log_contact_moment", context, person_ids)


def show_history(parent: QWidget, context: PageContext, person_id: str) -> None:
    _call(parent, TRUST, "show_history", context, "person", person_id)


def start_merge(parent: QWidget, context: PageContext, person_ids: list[str]) -> None:
    _call(parent, TRUST, "start_merge", context, person_ids)


def export_person(parent: QWidget, context: PageContext, person_id: str) -> None:
    _call(parent, TRUST, "export_person", context, person_id)


def forget_person(parent: QWidget, context: PageContext, person_id: str) -> None:
    _call(parent, TRUST, "forget_person", context, person_id)
