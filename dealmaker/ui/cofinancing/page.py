"""Sidebar page 'Cofinanciering': the ledger, reloaded on change when in view."""

from __future__ import annotations

from typing import Any

from dealmaker.ui.cofinancing.view import LedgerView
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.view_page import ViewPage


class CofinancingPage(ViewPage):
    key = "cofinanciering"
    tables = ("pledge", "deal", "organisation")

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        view = LedgerView(context)
        super().__init__(context, view, view.table, parent)
        self.ledger = view

    def title(self) -> str:
        return self.tr("Cofinanciering")
