"""Plugs the Cofinanciering ledger into the shell, with ``commands.open_pledge`` (the
pledge editor) and ``commands.show_ledger`` (the ledger filtered to one deal)."""

from __future__ import annotations

from dealmaker.ui.cofinancing.dialog import PledgeDialog
from dealmaker.ui.cofinancing.page import CofinancingPage
from dealmaker.ui.shell.context import AppContext, Parent


def install(context: AppContext) -> None:
    page = CofinancingPage(context)

    def open_pledge(parent: Parent, pledge_id: str) -> None:
        dialog = PledgeDialog(context, pledge_id, parent or context.window)
        dialog.exec()
        dialog.deleteLater()

    def show_ledger(deal_id: str) -> None:
        page.ledger.show_deal(deal_id)
        context.pages.show(page.key)

    context.commands.open_pledge = open_pledge
    context.commands.show_ledger = show_ledger
    context.pages.register(page)
