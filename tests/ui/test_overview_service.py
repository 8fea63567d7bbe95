"""services.overview: counts, recent rows and their order (no Qt involved)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dealmaker.services.overview import PAGE_KEYS, PAGE_TABLES, page_summary
from dealmaker.services.people import PersonData, add_person, update_person
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
    assert s.count("Deals") == 2
    assert s.count("Open toezeggingen") == 2
    assert s.count("Verlopen toezeggingen") == 1
    assert s.count("Deals buiten cofinancieringsregel") == 1
    breaches = next(t for t in s.tables if t.key == "breaches")
    assert [r.values[0] for r in breaches.rows] == ["Regio Deal Achterhoek"]
    assert "hoger dan € 40.000.000,00" in breaches.rows[0].values[3]


def test_deleted_rows_are_not_counted(filled_path: Path) -> None:
    with open_workspace(filled_path) as ws:
        person_id = page_summary(ws, "contacten").rows[0].id
        from dealmaker.domain.dates import utcnow
        from dealmaker.storage.models import Person

        with ws.uow("Contact verwijderen") as uow:
            person = uow.session.get(Person, person_id)
            assert person is not None
            person.deleted_at = utcnow()
            uow.commit()
        s = page_summary(ws, "contacten")
    assert s.count("Contacten") == 2
    assert person_id not in [r.id for r in s.rows]


def test_recent_rows_newest_first_and_display_ready(filled_path: Path) -> None:
    with open_workspace(filled_path) as ws:
        new_id, _ = add_person(ws, PersonData(last_name="Zijlstra", first_name="Zoë"))
        s = page_summary(ws, "contacten")
        assert s.rows[0].id == new_id
        assert s.rows[0].values[0] == "Zoë Zijlstra"
        assert s.columns[0] == "Naam"
        # edit an old one: it moves to the top
        oldest = s.rows[-1].id
        update_person(ws, oldest, phone="06-12345678")
        assert page_summary(ws, "contacten").rows[0].id == oldest
        interactions = s.tables[1]
        dates = [r.sort_values[0] for r in interactions.rows]
        assert dates == sorted(dates, reverse=True)
        assert all(isinstance(d, date) for d in dates)


def test_money_and_dates_formatted_dutch(filled_path: Path) -> None:
    with open_workspace(filled_path) as ws:
        deals = page_summary(ws, "deals")
        cof = page_summary(ws, "cofinanciering")
    twente = next(r for r in deals.rows if r.values[0] == "Regio Deal Twente")
    assert twente.values[3] == "€ 20.000.000,00"
    assert twente.values[4] == "€ 21.000.000,00"
    assert twente.values[6] == "01-03-2020"
    assert twente.sort_values[3] == 2_000_000_000
    assert cof.counts[1].text == "€ 21.000.000,00"


def test_limit_and_unknown_page(filled_path: Path) -> None:
    with open_workspace(filled_path) as ws:
        assert len(page_summary(ws, "contacten", limit=2).rows) == 2
        with pytest.raises(ValueError, match="onbekende pagina"):
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
        assert len(seen) >= 10
        with ws.engine.connect() as conn:
            for statement, params in seen:
                plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
                details = " | ".join(str(row[-1]) for row in plan)
                assert "TEMP B-TREE FOR ORDER BY" not in details, (statement, details)
