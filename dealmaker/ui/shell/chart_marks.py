"""The marks of a chart (lines with points, bars) and the labels under its x axis.

``chart_paint`` lays out the frame (title, legend, y axis) and calls ``draw_lines`` or
``draw_bars`` for the plot area; each returns the tooltip areas of what it drew.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from dealmaker.domain.charts import BarChart, LineChart, Value, format_value
from dealmaker.domain.dates import format_date

#: series colours (distinguishable for the common colour blindnesses)
SERIES = ("#1f6fb4", "#e07b00", "#2a9d4b", "#8e5cb8", "#c2410c", "#0f766e")
#: reference lines: nulmeting grey, streefwaarde green, then the series colours
REFERENCES = ("#6b6b6b", "#1b7f3b", *SERIES)
PAD = 8.0

YOf = Callable[[Value], float]


@dataclass(frozen=True)
class Hit:
    area: QRectF
    text: str


@dataclass(frozen=True)
class Ink:
    text: QColor
    grid: QColor
    paper: QColor


PRINT_INK = Ink(QColor("#202020"), QColor("#d8d8d8"), QColor("white"))

def x_labels(p: QPainter, plot: QRectF, placed: list[tuple[float, str]], font: QFont,
              ink: Ink) -> None:
    """Labels under the axis, thinned so none overlaps."""
    fm = QFontMetricsF(font)
    p.setPen(ink.text)
    right_edge = -1e9
    for x, label in placed:
        width = fm.horizontalAdvance(label)
        left = max(plot.left() - PAD, min(x - width / 2, plot.right() + PAD - width))
        if left < right_edge + PAD:
            continue
        p.drawText(QRectF(left, plot.bottom() + 4, width + 1, fm.height()),
                   Qt.AlignmentFlag.AlignLeft, label)
        right_edge = left + width


def draw_lines(p: QPainter, plot: QRectF, chart: LineChart, y_of: YOf, font: QFont,
           ink: Ink) -> list[Hit]:
    days = chart.dates() or [date.today()]
    first, last = min(days), max(days)
    span = max(1, (last - first).days)

    inner = plot.adjusted(10, 0, -10, 0)

    def x_of(on: date) -> float:
        if first == last:
            return inner.center().x()
        return inner.left() + (on - first).days / span * inner.width()

    hits: list[Hit] = []
    for i, ref in enumerate(chart.references):
        pen = QPen(QColor(REFERENCES[i % len(REFERENCES)]), 2, Qt.PenStyle.DashLine)
        p.setPen(pen)
        y = y_of(ref.value)
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        if ref.on is not None:  # where the line's date falls: a diamond on it
            p.setPen(QPen(pen.color(), 2))
            p.setBrush(ink.paper)
            at = QPointF(x_of(ref.on), y)
            p.drawPolygon([at + QPointF(0, -6), at + QPointF(6, 0), at + QPointF(0, 6),
                           at + QPointF(-6, 0)])
            p.setBrush(Qt.BrushStyle.NoBrush)
        when = f" ({format_date(ref.on)})" if ref.on is not None else ""
        text = f"{ref.label}: {format_value(ref.value, chart.unit, chart.unit_label, exact=True)}"
        hits.append(Hit(QRectF(plot.left(), y - 4, plot.width(), 8), text + when))
    for i, series in enumerate(chart.series):
        colour = QColor(SERIES[i % len(SERIES)])
        points = sorted(series.points, key=lambda pt: pt.on)
        p.setPen(QPen(colour, 2.5))
        xy = [QPointF(x_of(pt.on), y_of(pt.value)) for pt in points]
        for a, b in itertools.pairwise(xy):
            p.drawLine(a, b)
        p.setBrush(colour)
        for pt, at in zip(points, xy, strict=True):
            p.drawEllipse(at, 4, 4)
            value = format_value(pt.value, chart.unit, chart.unit_label, exact=True)
            note = f"\n{pt.note}" if pt.note else ""
            hits.append(Hit(QRectF(at.x() - 7, at.y() - 7, 14, 14),
                            f"{series.label}, {format_date(pt.on)}: {value}{note}"))
        p.setBrush(Qt.BrushStyle.NoBrush)
    marks = sorted({pt.on for s in chart.series for pt in s.points} |
                   {r.on for r in chart.references if r.on is not None})
    x_labels(p, plot, [(x_of(d), format_date(d)) for d in marks], font, ink)
    return hits[::-1]  # points before reference lines when both are under the mouse


def draw_bars(p: QPainter, plot: QRectF, chart: BarChart, y_of: YOf, font: QFont,
          ink: Ink) -> list[Hit]:
    hits: list[Hit] = []
    slot = plot.width() / len(chart.groups)
    per_group = 1 if chart.stacked else max(1, len(chart.series))
    bar = min(48.0, slot * 0.7 / per_group)
    zero = y_of(0)
    p.setPen(Qt.PenStyle.NoPen)
    for g, group in enumerate(chart.groups):
        left = plot.left() + slot * g + (slot - bar * per_group) / 2
        base: Value = 0
        for s, value in enumerate(group.values):
            p.setBrush(QColor(SERIES[s % len(SERIES)]))
            if chart.stacked:
                top, bottom = y_of(base + value), y_of(base)
                base += value
                x = left
            else:
                top, bottom, x = y_of(value), zero, left + s * bar
            area = QRectF(x, min(top, bottom), bar - (0 if chart.stacked else 2),
                          max(1.0, abs(bottom - top)))
            p.drawRect(area)
            label = chart.series[s] if s < len(chart.series) else ""
            exact = format_value(value, chart.unit, chart.unit_label, exact=True)
            note = chart.notes.get(group.label, "")
            hits.append(Hit(area, f"{group.label}, {label}: {exact}" +
                            (f"\n{note}" if note else "")))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(ink.text, 1))
    p.drawLine(QPointF(plot.left(), zero), QPointF(plot.right(), zero))
    placed = [(plot.left() + slot * (g + 0.5), group.label)
              for g, group in enumerate(chart.groups)]
    x_labels(p, plot, placed, font, ink)
    return hits

