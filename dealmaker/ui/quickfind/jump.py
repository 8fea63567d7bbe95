"""Where a quick-find hit leads: a person's card, an organisation, a deal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dealmaker.services.quickfind import Hit
from dealmaker.ui.contacts.cards import open_person_card
from dealmaker.ui.pages.base import PageContext, SummaryPage
from dealmaker.ui.pages.organisations import OrganisationsPage

if TYPE_CHECKING:
    from dealmaker.ui.main_window import MainWindow


def _switch_to(window: MainWindow, key: str) -> SummaryPage | None:
    for index, page in enumerate(window.pages):
        if page.key == key:
            window.show_page(index)
            return page
    return None


def go_to_hit(window: MainWindow, context: PageContext, hit: Hit) -> None:
    """Person: the contact card. Organisation: selected on the Organisaties page (tree
    and card). Deal: the Deals page."""
    if hit.kind == "person":
        open_person_card(window, context, hit.id)
    elif hit.kind == "organisation":
        page = _switch_to(window, "organisaties")
        if isinstance(page, OrganisationsPage):
            page.select_organisation(hit.id)
    elif hit.kind == "deal":
        _switch_to(window, "deals")
