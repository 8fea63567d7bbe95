"""Every recorded change of one record, undone ones greyed (``show_history``)."""

from __future__ import annotations

from dealmaker.ui.history.dialog import show_history
from dealmaker.ui.shell.context import AppContext, Parent

__all__ = ["install", "show_history"]


def install(context: AppContext) -> None:
    """Offer ``commands.show_history`` to the other features."""
    def show(parent: Parent, entity: str, entity_id: str) -> None:
        show_history(parent, context, entity, entity_id)

    context.commands.show_history = show
