"""The compact-storage migration: every value of every released schema survives it, ids
as the same UUIDs, timestamps to the microsecond, decimals exactly and now numeric."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from dealmaker.storage.models import Base, Measurement
from dealmaker.storage.types import from_micros, unscaled, uuid_text
from dealmaker.storage.workspace import open_workspace

FIXTURES = Path(__file__).parent / "fixtures" / "db"
RELEASED = [FIXTURES / f"schema-v{n}.dealmaker" for n in (1, 2, 3)]
Dump = dict[str, dict[int, dict[str, Any]]]
UUID_A, UUID_B, UUID_C = ("0190c2a4-6f1e-7a3b-8c4d-5e6f708192a3",
                          "6b1f4c2e-0d3a-4e5f-9a8b-7c6d5e4f3a2b",
                          "aa000000-0000-4000-8000-000000000001")


def _dump(path: Path) -> Dump:
    """Every row of every model table, by rowid, exactly as SQLite holds it."""
    conn = sqlite3.connect(path)
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        out: Dump = {}
        for table in Base.metadata.tables:
            if table not in present:
                continue
            cur = conn.execute(f'SELECT rowid, * FROM "{table}"')
            names = [d[0] for d in cur.description][1:]
            out[table] = {r[0]: dict(zip(names, r[1:], strict=True)) for r in cur}
        return out
    finally:
        conn.close()


def _as_before(table: str, column: str, value: Any) -> Any:
    """A value of the compact form written the way schema 1-3 wrote it."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return uuid_text(value)
    if column == "at" or column.endswith("_at"):
        return from_micros(value).isoformat(timespec="microseconds")
    if (table, column) in {("measurement", "value"), ("indicator", "baseline_value"),
                           ("indicator", "target_value")}:
        return unscaled(value)
    return value


def _enrich(path: Path) -> None:
    """Rows the fixture lacks: decimals that text sorted wrongly, a timestamp without
    microseconds, a soft-deleted row, a link row."""
    conn = sqlite3.connect(path)
    stamp, plain = "2026-11-25T12:40:11.000001+00:00", "2025-01-02T03:04:05+00:00"
    with conn:
        conn.execute(
            "INSERT INTO deal (id, name, aliases, region_description, phase, is_demo, "
            "created_at, updated_at, deleted_at) VALUES (?, 'Twente', '[]', '', 'voorstel', "
            "0, ?, ?, NULL)", (UUID_A, stamp, plain))
        conn.execute(
            "INSERT INTO indicator (id, deal_id, level, name, unit, source, baseline_value, "
            "target_value, direction, created_at, updated_at) VALUES (?, ?, 'programma', "
            "'Banen', 'aantal', '', '12.345678', '8247', 'hoger_is_beter', ?, ?)",
            (UUID_B, UUID_A, stamp, stamp))
        for n, value in enumerate(("999", "8247", "0.5", "-3")):
            conn.execute(
                "INSERT INTO measurement (id, indicator_id, measured_on, value, note, "
                "created_at, updated_at, deleted_at) VALUES (?, ?, '2026-01-01', ?, '', ?, "
                "?, ?)", (f"aa000000-0000-4000-8000-00000000000{n + 2}", UUID_B, value,
                          stamp, stamp, plain if n == 3 else None))
        person = conn.execute("SELECT id FROM person").fetchone()[0]
        conn.execute("INSERT INTO tag (id, name, created_at, updated_at) VALUES (?, 'x', ?, ?)",
                     (UUID_C, stamp, stamp))
        conn.execute("INSERT INTO person_tag (id, person_id, tag_id, created_at, updated_at) "
                     "VALUES ('aa000000-0000-4000-8000-0000000000ff', ?, ?, ?, ?)",
                     (person, UUID_C, stamp, stamp))
    conn.close()


def _migrate(fixture: Path, tmp_path: Path, *, enrich: bool = False) -> tuple[Dump, Path]:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    if enrich:
        _enrich(path)
    before = _dump(path)
    with open_workspace(path):
        pass
    return before, path


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.name)
def test_every_value_of_every_released_schema_survives(fixture: Path, tmp_path: Path) -> None:
    before, path = _migrate(fixture, tmp_path, enrich=fixture.name == "schema-v3.dealmaker")
    after = _dump(path)
    assert before.keys() <= after.keys()
    for table, rows in before.items():
        if table == "operation":  # schema 5 appends a baseline operation
            assert after[table].keys() >= rows.keys(), table
        else:
            assert after[table].keys() == rows.keys(), table  # same rows, same rowids
        for rowid, old in rows.items():
            new = {k: _as_before(table, k, v) for k, v in after[table][rowid].items()}
            for column, value in old.items():
                if (table, column) == ("operation", "undone_at"):
                    continue  # schema 5: undone-ness is read from the reverting operation
                if isinstance(new[column], Decimal):
                    assert new[column] == Decimal(value), (table, column)
                elif column.endswith("_at") or column == "at":
                    expected = value and datetime.fromisoformat(value).isoformat(
                        timespec="microseconds")
                    assert new[column] == expected, (table, column)
                else:
                    assert new[column] == value, (table, column)


def test_measurements_are_numbers_after_migration(tmp_path: Path) -> None:
    _before, path = _migrate(FIXTURES / "schema-v3.dealmaker", tmp_path, enrich=True)
    with open_workspace(path) as ws, ws.read() as s:
        assert s.scalar(select(func.max(Measurement.value))) == Decimal("8247")
        assert s.scalar(text("SELECT max(value) FROM measurement")) == 8247 * 10**6
        assert list(s.scalars(select(Measurement.value).where(
            Measurement.deleted_at.is_(None)).order_by(Measurement.value))) == [
            Decimal("0.5"), Decimal("999"), Decimal("8247")]


def test_migrated_schema_is_the_models_schema(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    _before, path = _migrate(FIXTURES / "schema-v1.dealmaker", tmp_path)
    with open_workspace(path) as ws, ws.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert [d for d in diff if not (d[0] == "remove_table"
                                        and d[1].name.startswith("person_search"))] == []
        indexes = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "ix_person_updated_at" in indexes  # the recent-contacts list reads it
        assert "ix_interaction_participant_updated_at" not in indexes
        assert "ix_interaction_participant_person_id" in indexes
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        hits = conn.execute(text(
            "SELECT count(*) FROM person_search WHERE person_search MATCH 'jans*'")).scalar()
        assert hits == 1


def test_golden_file_of_the_compact_schema_reads_back(tmp_path: Path) -> None:
    """The head schema's golden file (tests/fixtures/db/make_fixture.py): ids, decimals
    and link rows in their stored form come back as Python values."""
    from dealmaker.services.directory import ContactQuery, query_contacts
    from dealmaker.services.interactions import timeline
    from dealmaker.storage.migrate import SCHEMA_VERSION

    path = tmp_path / "head.dealmaker"
    shutil.copyfile(FIXTURES / f"schema-v{SCHEMA_VERSION}.dealmaker", path)
    with open_workspace(path) as ws:
        with ws.read() as s:
            assert s.scalar(select(func.max(Measurement.value))) == Decimal("8247")
            assert s.scalar(select(func.min(Measurement.value))) == Decimal("0.000001")
        rows = {r.display_name: r for r in query_contacts(ws, ContactQuery(search="fixture"))}
        assert rows["Fixture Jansen"].cold
        [moment] = timeline(ws, rows["Fixture Bakker"].person_id)
        assert moment.summary == "Fixture-overleg"
        assert [d.name for d in moment.deals] == ["Fixture Twente"]
    assert not list(tmp_path.glob("*.bak"))  # at head: opened as it is
