"""The Export screen: the Rijk-regio overleg workbook of a deal (issue 10)."""

from __future__ import annotations

from dealmaker.ui.exporting.page import ExportPage
from dealmaker.ui.shell.context import AppContext


def install(context: AppContext) -> None:
    context.pages.register(ExportPage(context))
