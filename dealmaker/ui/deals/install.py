"""Plugs the Deals portfolio into the shell, with ``commands.open_deal`` and
``commands.edit_cofinancing_rules`` (the rules per tranche, also for a settings screen)."""

from __future__ import annotations

from dealmaker.ui.deals.page import DealsPage
from dealmaker.ui.deals.rules_dialog import RulesDialog
from dealmaker.ui.shell.context import AppContext, Parent


def install(context: AppContext) -> None:
    page = DealsPage(context)

    def open_deal(deal_id: str) -> None:
        context.pages.show(page.key)
        page.portfolio.select(deal_id)

    def edit_rules(parent: Parent) -> None:
        if context.workspace() is not None:
            dialog = RulesDialog(context, page.portfolio.tranches(), parent or context.window)
            dialog.exec()
            dialog.deleteLater()

    context.commands.open_deal = open_deal
    context.commands.edit_cofinancing_rules = edit_rules
    context.pages.register(page)
