"""The sidebar pages, one module each, in sidebar order."""

from __future__ import annotations

from dealmaker.ui.interactions.follow_ups_page import FollowUpsPage
from dealmaker.ui.pages.base import PageContext, SummaryPage
from dealmaker.ui.pages.cofinancing import CofinancingPage
from dealmaker.ui.pages.commitments import CommitmentsPage
from dealmaker.ui.pages.connectieplan import ConnectieplanPage
from dealmaker.ui.pages.contacts import ContactsPage
from dealmaker.ui.pages.deals import DealsPage
from dealmaker.ui.pages.export import ExportPage
from dealmaker.ui.pages.monitoring import MonitoringPage
from dealmaker.ui.pages.organisations import OrganisationsPage
from dealmaker.ui.pages.overview import OverviewPage

PAGE_CLASSES: tuple[type[SummaryPage], ...] = (
    OverviewPage, ContactsPage, OrganisationsPage, DealsPage, CommitmentsPage,
    CofinancingPage, ConnectieplanPage, MonitoringPage, ExportPage, FollowUpsPage,
)

__all__ = ["PAGE_CLASSES", "PageContext", "SummaryPage"]
