"""Plugs the Monitoring page into the shell (it replaces the Monitoring dashboard)."""

from __future__ import annotations

from dealmaker.ui.monitoring.page import MonitoringPage
from dealmaker.ui.shell.context import AppContext


def install(context: AppContext) -> None:
    context.pages.register(MonitoringPage(context))
