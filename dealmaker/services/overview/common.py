"""Formatting and query helpers shared by the page summaries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import Labeled, Side
from dealmaker.domain.money import Cents
from dealmaker.domain.rules import cofinancing_breaches
from dealmaker.services.overview.types import OPEN_STATES, Count
from dealmaker.storage.models import (
    Commitment,
    Deal,
    Entity,
    Organisation,
    Pledge,
)


def format_number(value: int) -> str:
    """``50000`` -> ``50.000`` (Dutch thousands separator)."""
    return f"{value:,}".replace(",", ".")


def format_decimal(value: Decimal | None) -> str:
    """``Decimal('1234.5')`` -> ``1.234,5``; ``None`` -> empty."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", "_").replace(".", ",").replace("_", ".")




def person_name(first: str | None, tussen: str | None, last: str | None) -> str:
    return " ".join(p for p in (first, tussen, last) if p)


def label_of(value: Labeled | None) -> str:
    return value.label if value is not None else ""


def fold(text: str) -> str:
    return text.casefold()


def num(label: str, value: int | None, *, warning: bool = False) -> Count:
    v = int(value or 0)
    return Count(label, v, format_number(v), warning=warning and v > 0)




def shorten(text: str, width: int = 120) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


# --------------------------------------------------------------------------- queries


def is_live(model: type[Entity]) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)


def count_of(model: type[Entity], *where: ColumnElement[bool]) -> Select[Any]:
    return select(func.count()).select_from(model).where(is_live(model), *where)


def run_counts(session: Session, queries: Sequence[Select[Any]]) -> list[int]:
    """Run several ``count(*)`` queries in one round trip."""
    stmt = select(*(q.scalar_subquery() for q in queries))
    row = session.execute(stmt).one()
    return [int(v or 0) for v in row]






def regional_pledged(session: Session) -> dict[str, int]:
    """Per deal: regional (Regio-side) cofinancing pledged, in cents."""
    stmt = (select(Pledge.deal_id, func.sum(Pledge.pledged_cents))
            .join(Organisation, Organisation.id == Pledge.organisation_id)
            .where(is_live(Pledge), Organisation.side == Side.REGIO)
            .group_by(Pledge.deal_id))
    return {r[0]: int(r[1] or 0) for r in session.execute(stmt)}


def rijk_amount(granted: Cents | None, requested: Cents | None) -> Cents | None:
    """The Rijksbijdrage checked: what was granted, else what was requested."""
    return granted if granted is not None else requested


@dataclass(frozen=True)
class Breach:
    deal_id: str
    name: str
    rijk: Cents | None
    regional: Cents
    message: str
    updated_at: datetime


def find_breaches(session: Session) -> list[Breach]:
    """Deals that break the cofinancing rule (one small GROUP BY plus the deal list)."""
    regional = regional_pledged(session)
    deals = session.execute(
        select(Deal.id, Deal.name, Deal.granted_cents, Deal.requested_cents, Deal.updated_at)
        .where(is_live(Deal)))
    found = []
    for deal_id, name, granted, requested, updated in deals:
        rijk = rijk_amount(granted, requested)
        regio = regional.get(deal_id, 0)
        broken = cofinancing_breaches(rijk, [regio])
        if broken:
            found.append(Breach(deal_id, name, rijk, regio,
                                 "; ".join(b.message for b in broken), updated))
    found.sort(key=lambda b: fold(b.name))
    return found


def open_commitments(today: date) -> tuple[Select[Any], Select[Any]]:
    open_q = count_of(Commitment, Commitment.state.in_(OPEN_STATES))
    overdue_q = count_of(Commitment, Commitment.state.in_(OPEN_STATES), Commitment.due_on < today)
    return open_q, overdue_q


# --------------------------------------------------------------------------- tables

