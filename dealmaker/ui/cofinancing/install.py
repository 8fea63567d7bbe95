"""Plugs the Cofinanciering ledger into the shell."""

from __future__ import annotations

from dealmaker.ui.cofinancing.page import CofinancingPage
from dealmaker.ui.shell.context import AppContext


def install(context: AppContext) -> None:
    context.pages.register(CofinancingPage(context))
