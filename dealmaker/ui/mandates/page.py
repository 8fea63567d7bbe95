"""Sidebar page 'Mandaten' and its installer."""

from __future__ import annotations

from typing import Any

from dealmaker.ui.mandates.view import MandatesView
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.view_page import ViewPage


class MandatesPage(ViewPage):
    key = "mandaten"
    tables = ("mandate", "person", "deal")

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        view = MandatesView(context)
        super().__init__(context, view, view.search, parent)
        self.register = view

    def title(self) -> str:
        return self.tr("Mandaten")


def install(context: AppContext) -> None:
    context.pages.register(MandatesPage(context))
