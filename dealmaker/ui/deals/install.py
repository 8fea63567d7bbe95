"""Plugs the Deals portfolio into the shell."""

from __future__ import annotations

from dealmaker.ui.deals.page import DealsPage
from dealmaker.ui.shell.context import AppContext


def install(context: AppContext) -> None:
    page = DealsPage(context)

    def open_deal(deal_id: str) -> None:
        context.pages.show(page.key)
        page.portfolio.select(deal_id)

    context.commands.open_deal = open_deal
    context.pages.register(page)
