"""The Connectieplan screen: the plan of a deal drawn and analysed (issue 9)."""

from __future__ import annotations

from dealmaker.ui.connectieplan.page import ConnectieplanPage
from dealmaker.ui.shell.context import AppContext


def install(context: AppContext) -> None:
    context.pages.register(ConnectieplanPage(context))
