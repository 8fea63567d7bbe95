"""Where a quick-find hit leads: a person's card, an organisation, a deal."""

from __future__ import annotations

from dealmaker.services.quickfind import Hit
from dealmaker.ui.shell.context import AppContext


def go_to_hit(context: AppContext, hit: Hit) -> None:
    """Person: the contact card. Organisation: selected on the Organisaties page (tree
    and card). Deal: selected in the Deals portfolio."""
    if hit.kind == "person":
        context.commands.open_person(context.window, hit.id)
    elif hit.kind == "organisation":
        context.commands.open_organisation(hit.id)
    elif hit.kind == "deal":
        context.commands.open_deal(hit.id)
