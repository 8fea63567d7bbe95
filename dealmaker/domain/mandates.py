"""Whether a commitment stays within its owner's mandate, and if not, which one it exceeds.

A mandate says what a person (the holder) may promise on a topic: up to an amount limit
(none: promises without money only, such as process agreements), granted by someone,
valid from/to (inclusive; open ends are open), for one deal or for every deal. A
commitment is checked against the mandates of its owner that hold on its date (the due
date, else today) and for its deal: within mandate when one of them covers the amount
(exactly the limit is within). Nothing is flagged without an owner, an amount, or
any mandate of that owner: the register cannot know what was never written down.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dealmaker.domain.dates import format_date
from dealmaker.domain.money import format_eur


@dataclass(frozen=True)
class MandateTerms:
    id: str
    holder_id: str
    topic: str
    limit_cents: int | None
    granted_by: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    #: None: for every deal
    deal_id: str | None = None

    def valid_on(self, on: date) -> bool:
        return ((self.valid_from is None or self.valid_from <= on)
                and (self.valid_to is None or on <= self.valid_to))

    def covers_deal(self, deal_id: str | None) -> bool:
        return self.deal_id is None or self.deal_id == deal_id

    def covers(self, amount_cents: int) -> bool:
        """Exactly the limit is within; a mandate without a limit covers no money."""
        return amount_cents <= (self.limit_cents or 0)

    def period(self) -> str:
        start = format_date(self.valid_from) if self.valid_from else "…"
        end = format_date(self.valid_to) if self.valid_to else "…"
        return f"{start} t/m {end}"


def mandate_breach(mandates: Iterable[MandateTerms], holder_id: str | None,
                   amount_cents: int | None, on: date,
                   deal_id: str | None = None) -> str | None:
    """One Dutch line naming the mandate the commitment exceeds, or None (within, or
    nothing to check)."""
    if holder_id is None or amount_cents is None:
        return None
    own = [m for m in mandates if m.holder_id == holder_id and m.covers_deal(deal_id)]
    if not own:
        return None
    valid = [m for m in own if m.valid_on(on)]
    if not valid:
        latest = max(own, key=lambda m: m.valid_to or date.max)
        return (f"geen geldig mandaat op {format_date(on)} ('{latest.topic}' geldt "
                f"{latest.period()})")
    if any(m.covers(amount_cents) for m in valid):
        return None
    top = max(valid, key=lambda m: m.limit_cents or 0)
    by = f", verleend door {top.granted_by}" if top.granted_by else ""
    limit = (f"max {format_eur(top.limit_cents)}" if top.limit_cents is not None
             else "zonder bedrag")
    return f"boven mandaat '{top.topic}' ({limit}{by})"
