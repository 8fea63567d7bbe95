"""Where a quick-find hit leads: a person's card, an organisation, a deal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dealmaker.services.quickfind import Hit
from dealmaker.ui.contacts.cards import open_person_card
from dealmaker.ui.pages.base import PageContext, SummaryPage
from dealmaker.ui.quickfind.org_card import open_organisation_card

if TYPE_CHECKING:
    from dealmaker.ui.main_window import MainWindow


def _switch_to(window: MainWindow, key: str) -> SummaryPage | None:
    for index, page in enumerate(window.pages):
        if page.key == key:
            window.show_page(index)
            return page
    return None


def go_to_hit(window: MainWindow, context: PageContext, hit: Hit) -> None:
    """Person: the contact card. Organisation: selected on the Organisaties page when
    that page can (``select_organisation``), else its card. Deal: the Deals page (and
    selected there when it offers ``select_deal``)."""
    if hit.kind == "person":
        open_person_card(window, context, hit.id)
    elif hit.kind == "organisation":
        page = next((p for p in window.pages if p.key == "organisaties"), None)
        select = getattr(page, "select_organisation", None)
        if callable(select):
            _switch_to(window, "organisaties")
            select(hit.id)
        else:
            open_organisation_card(window, context, hit.id)
    elif hit.kind == "deal":
        page = _switch_to(window, "deals")
        select = getattr(page, "select_deal", None)
        if callable(select):
            select(hit.id)
