"""What a chart shows, as plain data: services compute it, ``ui.shell.charts`` draws it.

Two kinds: a ``LineChart`` of values over time (with horizontal reference lines such as
nulmeting and streefwaarde) and a ``BarChart`` of groups (years, deals) with one bar per
series side by side, or stacked into one bar. Values stay exact: money as integer cents
(``Unit.EUR``), anything else as ``Decimal``. Labels are Dutch and formatted here, so a
chart reads the same on screen, in a .png and in an .svg.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum

from dealmaker.domain.money import format_eur, format_eur_short

Value = int | Decimal


class Unit(StrEnum):
    #: integer cents, shown as euros
    EUR = "eur"
    #: a plain number (the chart's ``unit_label`` names the unit: "%", "banen", ...)
    NUMBER = "number"


@dataclass(frozen=True)
class Point:
    on: date
    value: Value
    #: shown in the point's tooltip (a measurement's qualitative note)
    note: str = ""


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Reference:
    """A horizontal line across the chart (nulmeting, streefwaarde)."""

    label: str
    value: Value
    #: the date it belongs to (shown in the legend and tooltip)
    on: date | None = None


@dataclass(frozen=True)
class LineChart:
    title: str
    series: tuple[Series, ...]
    references: tuple[Reference, ...] = ()
    unit: Unit = Unit.NUMBER
    unit_label: str = ""

    def values(self) -> list[Value]:
        return [p.value for s in self.series for p in s.points] + \
            [r.value for r in self.references]

    def dates(self) -> list[date]:
        return [p.on for s in self.series for p in s.points] + \
            [r.on for r in self.references if r.on is not None]


@dataclass(frozen=True)
class BarGroup:
    """One place on the x axis (a year, a deal): one value per series of the chart."""

    label: str
    values: tuple[Value, ...]


@dataclass(frozen=True)
class BarChart:
    title: str
    #: legend labels, one per value of each group
    series: tuple[str, ...]
    groups: tuple[BarGroup, ...]
    #: the series of a group stacked into one bar (a split: Rijk / regio / privaat / ...)
    stacked: bool = False
    unit: Unit = Unit.EUR
    unit_label: str = ""
    #: extra tooltip lines per group label (e.g. the exact totals)
    notes: dict[str, str] = field(default_factory=dict)

    def values(self) -> list[Value]:
        if self.stacked:
            return [sum(g.values, start=0) for g in self.groups] + [0]
        return [v for g in self.groups for v in g.values] + [0]


Chart = LineChart | BarChart


def format_decimal(value: Decimal) -> str:
    """``Decimal('1234.5')`` -> ``1.234,5`` (no exponent, no trailing zeros)."""
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def format_value(value: Value, unit: Unit, unit_label: str = "", *, exact: bool = False
                 ) -> str:
    """An axis label (short) or, with ``exact``, a tooltip's full value."""
    if unit is Unit.EUR:
        cents = int(value)
        return format_eur(cents) if exact else format_eur_short(cents)
    text = format_decimal(Decimal(value))
    return f"{text} {unit_label}".rstrip() if exact and unit_label else text


def nice_ticks(low: Value, high: Value, count: int = 5, *, whole: bool = False
               ) -> list[Decimal]:
    """About ``count`` round tick values (1, 2 or 5 times a power of ten) covering
    ``low``..``high``, exactly; with ``whole`` the step is at least 1 (cents)."""
    lo, hi = Decimal(low), Decimal(high)
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:
        pad = abs(hi) / 10 if hi else Decimal(1)
        lo, hi = lo - pad, hi + pad
    raw = (hi - lo) / max(1, count)
    power = Decimal(10) ** (raw.adjusted())
    step = next(m * power for m in (Decimal(1), Decimal(2), Decimal(5), Decimal(10))
                if m * power >= raw)
    if whole:
        step = max(step, Decimal(1))
    first = (lo / step).to_integral_value(rounding=ROUND_FLOOR) * step
    ticks = [first]
    while ticks[-1] < hi:
        ticks.append(ticks[-1] + step)
    return ticks
