"""The recent-records table model and proxy: Qt's model rules, typed sorting, roles."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from dealmaker.services.overview import (
    PAGE_KEYS,
    Column,
    RecentRow,
    RecentTable,
    page_summary,
)
from dealmaker.storage.workspace import open_workspace
from dealmaker.ui.shell.table_model import (
    AttentionRole,
    ObjectRole,
    RecentProxyModel,
    RecentTableModel,
    SortRole,
)
from dealmaker.ui.shell.widgets import fit_widths

AMOUNTS = RecentTable(
    "t", "Test",
    (Column("name", "Naam"), Column("amount", "Bedrag", numeric=True),
     Column("due", "Uiterlijk")),
    (
        RecentRow("a", ("Anna", "€ 9,00", "01-02-2026"), ("anna", 900, date(2026, 2, 1))),
        RecentRow("b", ("Bram", "€ 10,00", ""), ("bram", 1000, None), frozenset({1})),
        RecentRow("c", ("Cas", "", "15-01-2025"), ("cas", None, date(2025, 1, 15))),
    ),
)


def test_models_of_the_start_page_pass_the_modeltester(qtmodeltester: Any,
                                                   filled_path: Path) -> None:
    with open_workspace(filled_path) as ws:
        tables = [t for key in PAGE_KEYS for t in page_summary(ws, key).tables]
    assert sum(len(t.rows) for t in tables) >= 3
    for table in tables:
        model = RecentTableModel()
        model.set_table(table)
        qtmodeltester.check(model)
        proxy = RecentProxyModel()
        proxy.setSourceModel(model)
        proxy.sort(0, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(proxy)


def test_empty_model_passes_the_modeltester(qtmodeltester: Any) -> None:
    qtmodeltester.check(RecentTableModel())


def test_roles() -> None:
    model = RecentTableModel()
    model.set_table(AMOUNTS)
    assert model.columnCount() == 3 and model.rowCount() == 3
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Bedrag"
    idx = model.index(0, 1)
    assert idx.data() == "€ 9,00"
    assert idx.data(SortRole) == 900
    assert idx.data(ObjectRole) == "a"
    assert model.index(0, 2).data(SortRole) == date(2026, 2, 1)
    assert idx.data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(1, 1).data(AttentionRole) is True
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 1).data(AttentionRole) is False
    assert model.column_index("due") == 2


def _column(proxy: RecentProxyModel, col: int) -> list[str]:
    return [proxy.index(r, col).data(ObjectRole) for r in range(proxy.rowCount())]


def test_proxy_sorts_typed_values_with_empty_last() -> None:
    model = RecentTableModel()
    model.set_table(AMOUNTS)
    proxy = RecentProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)  # 900 < 1000, not "€ 10" < "€ 9"
    assert _column(proxy, 1) == ["a", "b", "c"]
    proxy.sort(2, Qt.SortOrder.AscendingOrder)
    assert _column(proxy, 2) == ["c", "a", "b"]
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    assert _column(proxy, 2) == ["a", "c", "b"]


def test_proxy_filters_on_any_column() -> None:
    model = RecentTableModel()
    model.set_table(AMOUNTS)
    proxy = RecentProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterFixedString("2025")
    assert _column(proxy, 0) == ["c"]
    proxy.setFilterFixedString("BRAM")
    assert _column(proxy, 0) == ["b"]


def test_fit_widths_shares_spare_room_and_caps_when_short() -> None:
    assert fit_widths([100, 200, 100], [1], 500) == [100, 300, 100]
    capped = fit_widths([100, 300, 250], [1], 500)  # the stretch column keeps the most
    assert sum(capped) <= 500 and capped[0] == 100 and capped[1] > capped[2] >= 90
    assert fit_widths([100, 300, 250], [1], 560) == [100, 300, 160]
    assert min(fit_widths([300, 300], [0], 10)) >= 90
