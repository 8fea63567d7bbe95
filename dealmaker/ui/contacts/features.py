"""Dialogs of other features, opened from the Contacten list and the contact card.

They live in their own packages (``ui.trust``, ``ui.interactions``) and are imported when
first used, which keeps them out of start-up and this package off their internals.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dealmaker.ui.pages.base import PageContext


def log_contact_moment(parent: QWidget, context: PageContext, person_ids: list[str]) -> None:
    from dealmaker.ui.interactions import log_contact_moment as log

    log(parent, context, person_ids)


def show_history(parent: QWidget, context: PageContext, person_id: str) -> None:
    from dealmaker.ui.trust import show_history as show

    show(parent, context, "person", person_id)


def start_merge(parent: QWidget, context: PageContext, person_ids: list[str]) -> None:
    from dealmaker.ui.trust import start_merge as merge

    merge(parent, context, person_ids)


def export_person(parent: QWidget, context: PageContext, person_id: str) -> None:
    from dealmaker.ui.trust import export_person as export

    export(parent, context, person_id)


def forget_person(parent: QWidget, context: PageContext, person_id: str) -> None:
    from dealmaker.ui.trust import forget_person as forget

    forget(parent, context, person_id)


def export_vcards(parent: QWidget, context: PageContext, person_ids: list[str]) -> None:
    from dealmaker.ui.importing import export_vcards_for

    export_vcards_for(parent, context, person_ids)
