"""services.overview: counts, recent rows and their order (no Qt involved)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealmaker.services.overview import PAGE_KEYS, PAGE_TABLES, page_summary
from dealmaker.storage.workspace import open_workspace


def test_every_page_has_a_summary_with_counts(filled_path: Path) -> None:
    with open_workspace(filled_path) as ws:
        for key in PAGE_KEYS:
            summary = page_summary(ws, key)
            assert summary.key == key
            assert summary.counts, key
            assert summary.tables, key
            assert set(PAGE_TABLES) == set(PAGE_KEYS)
            for table in summary.tables:
                for row in table.rows:
                    assert len(row.values) == len(table.columns) == len(row.sort_values)
                    assert all(isinstance(v, str) for v in row.values)


def test_overview_counts_and_rule_breaches(filled_path: Path) -> None:
    with open_workspace(filled_path) as ws:
        s = page_summary(ws, "overzicht")
    assert s.count("Contacten") == 3
    assert s.count("Open toezeggingen") == 2
    assert s.count("Verlopen toezeggingen") == 1
    assert s.count("Deals buiten cofinancieringsregel") == 1
    breaches = next(t for t in s.tables if t.key == "breaches")
    assert [r.values[0] for r in breaches.rows] == ["Regio Deal Achterhoek"]
    assert "hoger dan € 40.000.000,00" in breaches.rows[0].values[3]








def test_unknown_page(filled_path: Path) -> None:
    with open_workspace(filled_path) as ws, pytest.raises(ValueError, match="onbekende pagina"):
        page_summary(ws, "nergens")


def test_empty_workspace(empty_path: Path) -> None:
    with open_workspace(empty_path) as ws:
        for key in PAGE_KEYS:
            s = page_summary(ws, key)
            assert all(c.value == 0 for c in s.counts)
            assert all(not t.rows for t in s.tables)


def test_recent_queries_read_an_index_not_the_whole_table(filled_path: Path) -> None:
    """Every ORDER BY ... LIMIT walks an index: no sort of a whole table (50,000 persons,
    500,000 interactions in the large workspace)."""
    from sqlalchemy import event

    with open_workspace(filled_path) as ws:
        seen: list[tuple[str, object]] = []

        def record(conn, cursor, statement, params, context, executemany):  # type: ignore[no-untyped-def]
            if "LIMIT" in statement and statement.lstrip().startswith("SELECT"):
                seen.append((statement, params))

        event.listen(ws.engine, "before_cursor_execute", record)
        for key in PAGE_KEYS:
            page_summary(ws, key)
        event.remove(ws.engine, "before_cursor_execute", record)
        assert len(seen) >= 3  # follow-ups, commitments, meetings
        with ws.engine.connect() as conn:
            for statement, params in seen:
                plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
                details = " | ".join(str(row[-1]) for row in plan)
                assert "TEMP B-TREE FOR ORDER BY" not in details, (statement, details)
