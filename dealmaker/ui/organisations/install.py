"""Plugs the Organisaties screen into the shell: its page and ``commands.open_organisation``."""

from __future__ import annotations

from dealmaker.ui.organisations.page import OrganisationsPage
from dealmaker.ui.shell.context import AppContext


def install(context: AppContext) -> None:
    page = OrganisationsPage(context)

    def open_organisation(org_id: str) -> None:
        context.pages.show(page.key)
        page.select_organisation(org_id)

    context.commands.open_organisation = open_organisation
    context.pages.register(page)
