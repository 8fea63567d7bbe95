"""Sidebar page 'Monitoring': the view, reloaded on change while in view."""

from __future__ import annotations

from typing import Any

from dealmaker.services.monitoring import TABLES
from dealmaker.ui.monitoring.view import MonitoringView
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.view_page import ViewPage


class MonitoringPage(ViewPage):
    key = "monitoring"
    tables = (*sorted(TABLES), "deal", "pledge", "theme", "organisation")

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        view = MonitoringView(context)
        super().__init__(context, view, view.deal, parent)
        self.monitoring = view

    def title(self) -> str:
        return self.tr("Monitoring")
