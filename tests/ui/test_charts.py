"""The shared chart widget: draws offscreen, explains what is under the mouse, exports."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from dealmaker.domain.charts import (
    BarChart,
    BarGroup,
    LineChart,
    Point,
    Reference,
    Series,
    Unit,
    format_decimal,
    format_value,
    nice_ticks,
)
from dealmaker.ui.shell import charts
from dealmaker.ui.shell.charts import ChartView, export_png, export_svg

LINE = LineChart(
    "Werkgelegenheid", (Series("Meting", (
        Point(date(2024, 1, 1), Decimal("62.5"), "eerste meting"),
        Point(date(2025, 6, 30), Decimal("64.75"), "na de campagne"))),),
    (Reference("Nulmeting", Decimal("62"), date(2023, 12, 31)),
     Reference("Streefwaarde", Decimal("67"), date(2027, 12, 31))),
    unit_label="%")
BARS = BarChart("Geld per jaar", ("Toegezegd", "Gerealiseerd"),
                (BarGroup("2024", (250_000_000, 120_000_050)),
                 BarGroup("2025", (300_000_000, 0))))
SPLIT = BarChart("Financiering", ("Rijk", "Regio publiek", "Privaat", "In natura"),
                 (BarGroup("Regio Deal Noord", (750_000_000, 500_000_000, 150_000_000,
                                                40_000_000)),), stacked=True)


def test_labels_are_dutch_and_exact() -> None:
    assert format_value(Decimal("1234.5"), Unit.NUMBER) == "1.234,5"
    assert format_value(Decimal("64.75"), Unit.NUMBER, "%", exact=True) == "64,75 %"
    assert format_value(120_000_050, Unit.EUR, exact=True) == "€ 1.200.000,50"
    assert format_value(250_000_000, Unit.EUR) == "€ 2,5 mln"
    assert format_decimal(Decimal("-0.250")) == "-0,25"


def test_ticks_are_round_and_cover_the_values() -> None:
    ticks = nice_ticks(Decimal("3.2"), Decimal("7.9"))
    assert ticks[0] <= Decimal("3.2") and ticks[-1] >= Decimal("7.9")
    assert all(b - a == ticks[1] - ticks[0] for a, b in itertools.pairwise(ticks))
    assert nice_ticks(0, 3, whole=True) == [0, 1, 2, 3]
    assert len(nice_ticks(5, 5)) > 1  # one value still gets an axis


@pytest.mark.parametrize("chart", [LINE, BARS, SPLIT, None])
def test_each_kind_renders_offscreen(qtbot: QtBot, chart: object) -> None:
    view = ChartView()
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.set_chart(chart)  # type: ignore[arg-type]
    image = view.grab().toImage()
    colours = {image.pixel(x, y) for x in range(640) for y in range(0, 360, 2)}
    # marks in several colours; an empty chart only its line of text
    assert len(colours) > (1 if chart is None else 3)


def _point_of(view: ChartView, wanted: str) -> QPoint:
    for x in range(0, view.width(), 2):
        for y in range(0, view.height(), 2):
            if wanted in view.tooltip_at(QPoint(x, y)):
                return QPoint(x, y)
    raise AssertionError(f"geen tooltip met {wanted!r}")


def test_tooltips_give_exact_values_and_notes(qtbot: QtBot) -> None:
    view = ChartView()
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.set_chart(LINE)
    at = _point_of(view, "30-06-2025")
    assert view.tooltip_at(at) == "Meting, 30-06-2025: 64,75 %\nna de campagne"
    assert "Streefwaarde: 67 % (31-12-2027)" in view.tooltip_at(_point_of(view, "Streef"))
    view.set_chart(BARS)
    assert view.tooltip_at(_point_of(view, "Gerealiseerd")) == \
        "2024, Gerealiseerd: € 1.200.000,50"
    assert view.tooltip_at(QPoint(1, 1)) == ""


def test_exports_write_png_and_svg_with_text(tmp_path: Path) -> None:
    png, svg = tmp_path / "geld.png", tmp_path / "werk.svg"
    export_png(BARS, png)
    export_svg(LINE, svg)
    assert not QImage(str(png)).isNull()
    text = svg.read_text(encoding="utf-8")
    for label in ("Werkgelegenheid", "Nulmeting: 62 % (31-12-2023)", "30-06-2025", "Meting"):
        assert label in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["geld.png", "werk.svg"]


def test_context_menu_saves_where_the_user_chose(qtbot: QtBot, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    view = ChartView()
    qtbot.addWidget(view)
    view.set_chart(SPLIT)
    target = tmp_path / "verdeling.svg"
    monkeypatch.setattr(charts, "ask_export_path", lambda *_a: target)
    menu = view.export_menu()
    [svg] = [a for a in menu.actions() if "SVG" in a.text()]
    svg.trigger()
    assert "Regio Deal Noord" in target.read_text(encoding="utf-8")
