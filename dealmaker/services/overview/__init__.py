"""The Overzicht start page: live counts and the lists for today, as display-ready plain
data (the other sidebar pages are real screens with their own services).

Qt-free. Every query is a ``count(*)`` or an indexed ``ORDER BY ... LIMIT``; related names
for the few rows shown are fetched with one ``IN`` query, never by loading a whole table.
Labels are Dutch source strings; the window passes them through Qt's translator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from dealmaker.services.overview.breaches import breaches_table
from dealmaker.services.overview.common import (
    count_of,
    find_breaches,
    num,
    open_commitments,
    run_counts,
)
from dealmaker.services.overview.today import (
    commitments_this_week,
    cooling_relations,
    follow_ups_today,
    meetings_ahead,
)
from dealmaker.services.overview.types import (
    RECENT_LIMIT,
    Column,
    Count,
    PageSummary,
    RecentRow,
    RecentTable,
    SortValue,
)
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import Workspace

EMPTY_WORKSPACE = ("Deze werkruimte is nog leeg. Kies Bestand > Contacten importeren om met uw "
                   "eigen contacten te beginnen, of Bestand > Nieuwe demowerkruimte om eerst "
                   "rond te kijken met voorbeeldgegevens.")


def _overview(s: Session, limit: int, today: date) -> PageSummary:
    """Four counts that matter today (on a 1024 px laptop twelve tiles filled the screen
    before the day's lists), then the lists."""
    open_q, overdue_q = open_commitments(today)
    n = run_counts(s, [count_of(Person), open_q, overdue_q])
    breaches = find_breaches(s)
    counts = (
        num("Contacten", n[0]), num("Open toezeggingen", n[1]),
        num("Verlopen toezeggingen", n[2], warning=True),
        num("Deals buiten cofinancieringsregel", len(breaches), warning=True),
    )
    first = follow_ups_today(s, today)
    if not n[0]:  # nobody yet: say how to begin instead of "nothing to follow up"
        first = replace(first, empty_text=EMPTY_WORKSPACE)
    return PageSummary("overzicht", counts, (
        first, commitments_this_week(s, today), meetings_ahead(s, today),
        cooling_relations(s, today), breaches_table(breaches)))


_PAGES: dict[str, Callable[[Session, int, date], PageSummary]] = {
    "overzicht": _overview,
}

#: The sidebar pages, in order.
PAGE_KEYS: tuple[str, ...] = tuple(_PAGES)

#: The tables each page reads: a ``Changes`` touching one of them makes it reload.
PAGE_TABLES: dict[str, frozenset[str]] = {
    "overzicht": frozenset({"person", "organisation", "deal", "commitment", "pledge",
                            "relation", "interaction", "indicator", "meeting"}),
}


def page_summary(ws: Workspace, page_key: str, *, limit: int = RECENT_LIMIT,
                 today: date | None = None) -> PageSummary:
    """Counts and recent records for the sidebar page ``page_key`` (one short session)."""
    try:
        build = _PAGES[page_key]
    except KeyError:
        raise ValueError(f"onbekende pagina: {page_key}") from None
    with ws.read() as session:
        return build(session, limit, today or date.today())

__all__ = [
    "PAGE_KEYS", "PAGE_TABLES", "RECENT_LIMIT", "Column", "Count", "PageSummary", "RecentRow",
    "RecentTable", "SortValue", "page_summary",
]
