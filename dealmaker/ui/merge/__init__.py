"""Merging two contacts into one, field by field (``start_merge``)."""

from __future__ import annotations

from dealmaker.ui.merge.dialog import start_merge
from dealmaker.ui.shell.context import AppContext, Parent

__all__ = ["install", "start_merge"]


def install(context: AppContext) -> None:
    """Offer ``commands.start_merge`` to the other features."""
    def merge(parent: Parent, person_ids: list[str]) -> None:
        start_merge(parent, context, person_ids)

    context.commands.start_merge = merge
