"""The start page Overzicht (a dashboard: counts and the lists for today), drawn from data."""

from __future__ import annotations

from dealmaker.ui.dashboard.page import DashboardPage
from dealmaker.ui.dashboard.sections import DASHBOARDS
from dealmaker.ui.shell.context import AppContext


def install(context: AppContext) -> None:
    """Register a ``DashboardPage`` for each of the ``DASHBOARDS``."""
    for dashboard in DASHBOARDS:
        context.pages.register(DashboardPage(context, dashboard))
