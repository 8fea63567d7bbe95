"""Sidebar page 'Toezeggingen': the register, reloaded on change when in view."""

from __future__ import annotations

from typing import Any

from dealmaker.ui.commitments.view import CommitmentsView
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.view_page import ViewPage


class CommitmentsPage(ViewPage):
    key = "toezeggingen"
    tables = ("commitment", "commitment_state_change", "deal", "organisation", "person")

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        view = CommitmentsView(context)
        super().__init__(context, view, view.search, parent)
        self.register = view

    def title(self) -> str:
        return self.tr("Toezeggingen")
