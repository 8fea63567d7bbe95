"""The demo rows, table by table in foreign-key order, from one seeded RNG."""

from __future__ import annotations

from collections.abc import Iterator

from dealmaker.services.demo.base import Batch, Gen, Rows, World
from dealmaker.services.demo.commitments import commitments
from dealmaker.services.demo.contacts import interactions, relations
from dealmaker.services.demo.deals import deals, plan_deals, themes_and_opgaven
from dealmaker.services.demo.funds import mandates, pledges
from dealmaker.services.demo.monitoring import monitoring
from dealmaker.services.demo.orgs import organisations
from dealmaker.services.demo.people import people
from dealmaker.services.demo.plan_links import plan_links
from dealmaker.services.demo.scale import Scale, scale_for


def table_batches(size: str | int = "small", seed: int = 2026) -> Iterator[Batch]:
    """The batches as generated: dict rows, or :class:`Rows` of tuples for the big tables."""
    scale = scale_for(size)
    g = Gen(seed)
    w = World(scale)
    plan_deals(g, w)
    yield from organisations(g, w)
    yield from people(g, w)
    yield from themes_and_opgaven(g, w)
    yield from deals(g, w)
    yield from pledges(g, w)
    yield from mandates(g, w)
    yield from relations(g, w)
    yield from interactions(g, w)
    yield from commitments(g, w)
    yield from monitoring(g, w)
    yield from plan_links(g, w)


def demo_rows(size: str | int = "small",
              seed: int = 2026) -> Iterator[tuple[str, list[dict[str, object]]]]:
    """(table name, rows) batches, deterministic; values already in storage form.

    Ids are the 16 bytes of a UUID, dates ISO ``YYYY-MM-DD`` text, timestamps integer
    microseconds since 1970 UTC, money integer cents, decimals integer millionths, enums
    their value, aliases JSON text, booleans bool (see ``storage.types``).
    All rows of a table have the same keys; parents come before the rows that refer to
    them (a table may come in several batches).
    """
    for table, rows in table_batches(size, seed):
        if isinstance(rows, Rows):
            columns = rows.columns
            yield table, [dict(zip(columns, row, strict=True)) for row in rows]
        else:
            yield table, rows


def estimate_rows(scale: Scale) -> int:
    """About how many rows :func:`demo_rows` yields (for progress; never exact)."""
    per_deal = 200 + scale.years * 80
    return int(scale.persons * 4.0 + scale.interactions * 4.25 + scale.commitments * 4.0
               + scale.deals * per_deal)
