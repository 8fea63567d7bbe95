"""Sidebar page 'Deals': the portfolio, reloaded on change when in view."""

from __future__ import annotations

from typing import Any

from dealmaker.ui.deals.view import PortfolioView
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.view_page import ViewPage


class DealsPage(ViewPage):
    key = "deals"
    tables = ("deal", "deal_party", "pledge", "commitment", "meeting", "organisation",
              "workspace_setting")

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        view = PortfolioView(context)
        super().__init__(context, view, view.search, parent)
        self.portfolio = view

    def title(self) -> str:
        return self.tr("Deals")
