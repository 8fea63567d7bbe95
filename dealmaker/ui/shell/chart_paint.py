"""Draws a ``domain.charts`` chart with a QPainter: on screen, into a QImage or an SVG.

``paint_chart`` lays out title, legend, axes and marks inside a rectangle and returns the
hit areas (a rectangle and its tooltip text) so the widget can explain what is under the
mouse. Coordinates are floats; the values and their labels stay exact.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from dealmaker.domain.charts import (
    BarChart,
    Chart,
    LineChart,
    Unit,
    Value,
    format_value,
    nice_ticks,
)
from dealmaker.domain.dates import format_date
from dealmaker.ui.shell.chart_marks import (
    PAD,
    PRINT_INK,
    REFERENCES,
    SERIES,
    Hit,
    Ink,
    YOf,
    draw_bars,
    draw_lines,
)


def paint_chart(p: QPainter, rect: QRectF, chart: Chart | None, ink: Ink = PRINT_INK
                ) -> list[Hit]:
    """Draw ``chart`` in ``rect``; an empty chart says so. Returns the tooltip areas."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillRect(rect, ink.paper)
    font = QFont(p.font())
    hits: list[Hit] = []
    try:
        if chart is None or not chart.values() or _empty(chart):
            p.setPen(ink.text)
            text = chart.title + "\n" if chart is not None else ""
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text + "Geen gegevens om te tonen")
            return hits
        body = _title(p, rect, chart.title, font, ink)
        body = _legend(p, body, _legend_items(chart), font, ink, isinstance(chart, BarChart))
        plot, y_of = _y_axis(p, body, chart, font, ink)
        if isinstance(chart, LineChart):
            hits = draw_lines(p, plot, chart, y_of, font, ink)
        else:
            hits = draw_bars(p, plot, chart, y_of, font, ink)
        return hits
    finally:
        p.restore()


def _empty(chart: Chart) -> bool:
    if isinstance(chart, LineChart):
        # nulmeting and streefwaarde alone are worth a chart (no measurement yet)
        return not any(s.points for s in chart.series) and not chart.references
    return not chart.groups


def _legend_items(chart: Chart) -> list[tuple[str, str, bool]]:
    """(label, colour, dashed) per legend entry."""
    if isinstance(chart, BarChart):
        return [(s, SERIES[i % len(SERIES)], False) for i, s in enumerate(chart.series)]
    items = [(s.label, SERIES[i % len(SERIES)], False) for i, s in enumerate(chart.series)]
    for i, ref in enumerate(chart.references):
        when = f" ({format_date(ref.on)})" if ref.on is not None else ""
        value = format_value(ref.value, chart.unit, chart.unit_label, exact=True)
        items.append((f"{ref.label}: {value}{when}", REFERENCES[i % len(REFERENCES)], True))
    return items


def _title(p: QPainter, rect: QRectF, title: str, font: QFont, ink: Ink) -> QRectF:
    bold = QFont(font)
    bold.setBold(True)
    bold.setPointSizeF(font.pointSizeF() * 1.15)
    p.setFont(bold)
    p.setPen(ink.text)
    height = QFontMetricsF(bold).height() + PAD
    p.drawText(QRectF(rect.left() + PAD, rect.top() + PAD / 2, rect.width() - 2 * PAD,
                      height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
               title)
    p.setFont(font)
    return rect.adjusted(0, height + PAD / 2, 0, 0)


def _legend(p: QPainter, rect: QRectF, items: list[tuple[str, str, bool]], font: QFont,
            ink: Ink, swatch: bool) -> QRectF:
    fm = QFontMetricsF(font)
    x, y, line = rect.left() + PAD, rect.top(), fm.height()
    for label, colour, dashed in items:
        width = 22 + fm.horizontalAdvance(label) + 16
        if x + width > rect.right() and x > rect.left() + PAD:
            x, y = rect.left() + PAD, y + line + 2
        if swatch:
            p.fillRect(QRectF(x + 2, y + line / 2 - 6, 12, 12), QColor(colour))
        else:
            pen = QPen(QColor(colour), 2)
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(QPointF(x, y + line / 2), QPointF(x + 16, y + line / 2))
        p.setPen(ink.text)
        p.drawText(QRectF(x + 22, y, width, line), Qt.AlignmentFlag.AlignVCenter, label)
        x += width
    return rect.adjusted(0, y - rect.top() + line + PAD, 0, 0)


def _y_axis(p: QPainter, rect: QRectF, chart: Chart, font: QFont, ink: Ink
            ) -> tuple[QRectF, YOf]:
    values = chart.values()
    low_v, high_v = min(values), max(values)
    if isinstance(chart, LineChart):  # air above and below the extremes
        air = (Decimal(high_v) - Decimal(low_v)) / 20
        low_v, high_v = Decimal(low_v) - air, Decimal(high_v) + air
    ticks = nice_ticks(low_v, high_v, whole=chart.unit is Unit.EUR)
    labels = [format_value(t, chart.unit) for t in ticks]
    fm = QFontMetricsF(font)
    left = rect.left() + PAD + max(fm.horizontalAdvance(t) for t in labels) + PAD
    above = fm.height() * (1.5 if chart.unit_label else 0.5)
    plot = QRectF(left, rect.top() + above, rect.right() - PAD * 2 - left,
                  rect.bottom() - rect.top() - above - fm.height() - PAD * 2)
    low, high = float(ticks[0]), float(ticks[-1])

    def y_of(value: Value) -> float:
        return plot.bottom() - (float(value) - low) / (high - low) * plot.height()

    for tick, label in zip(ticks, labels, strict=True):
        y = y_of(tick)
        p.setPen(QPen(ink.grid, 1))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(ink.text)
        p.drawText(QRectF(rect.left(), y - fm.height() / 2, left - rect.left() - PAD,
                          fm.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   label)
    if chart.unit_label:
        p.drawText(QRectF(rect.left() + PAD, rect.top(), rect.width(), fm.height()),
                   Qt.AlignmentFlag.AlignLeft, chart.unit_label)
    p.setPen(QPen(ink.text, 1))
    p.drawLine(plot.bottomLeft(), plot.bottomRight())
    return plot, y_of
