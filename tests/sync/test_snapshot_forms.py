"""The fast first upload (the file's stored forms, converted by the server) and the typed
one it falls back to give the same values, also at the edges: the oldest and newest
timestamps, a microsecond before 1970, the largest and smallest exact decimals, cents
beyond 32 bits, empty text beside NULL, the text 'NULL', quotes, commas, tabs, line
breaks, backslashes and a lone '\\.' line, non-Latin text; and the join brings them
back. The server keeps its keys and foreign keys: a row pointing nowhere, a cancel or a
staging table of the wrong shape leaves the shared workspace unpublished and whole."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, select

from dealmaker.services.demo import demo_steps
from dealmaker.services.sync import snapshot
from dealmaker.services.sync.engine import Cancelled
from dealmaker.services.sync.remote import Shared, find_shared
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.services.sync.tables import shared_tables
from dealmaker.storage.migrate import SCHEMA_VERSION
from dealmaker.storage.types import micros
from dealmaker.storage.workspace import open_workspace
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres

ODD_TEXT = 'Zoë "de" \\ , ;\ttab\nregel\r\nnog € 𝄞 Ωμέγα'
EDGES: list[tuple[str, str, Any]] = [
    ("person", "first_name", ODD_TEXT),
    ("person", "notes", ""),
    ("person", "phone", "NULL"),
    ("person", "cadence_days", None),
    ("person", "email", ""),
    ("person", "created_at", micros(datetime(1, 1, 2, tzinfo=UTC))),
    ("person", "updated_at", micros(datetime(9999, 12, 30, 23, 59, 59, 999999, tzinfo=UTC))),
    ("person", "deleted_at", -1),
    ("person", "is_demo", 1),
    ("organisation", "aliases", '["a,\\"b\\"", "ü", ""]'),
    ("organisation", "short_name", None),
    ("organisation", "notes", "a\\.b\n\\.\nc"),
    ("interaction", "created_at", -1),
    ("interaction", "updated_at", 1),
    ("interaction", "occurred_on", "0001-01-01"),
    ("interaction", "follow_up_on", "9999-12-31"),
    ("interaction", "theme_id", None),
    ("deal", "submitted_on", None),
    ("indicator", "baseline_value", 2**63 - 1),
    ("indicator", "target_value", -1),
    ("measurement", "value", -(2**63)),
    ("deal", "requested_cents", 2**62),
    ("deal", "granted_cents", None),
    ("commitment", "within_mandate", 0),
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo whose first rows hold the edge values, in their stored forms."""
    path = tmp_path_factory.mktemp("vormen") / "demo.dealmaker"
    for _step in demo_steps(path, 150, lock=False):
        pass
    conn = sqlite3.connect(path)
    try:
        for table, column, value in EDGES:
            conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = '
                         f'(SELECT min(rowid) FROM "{table}")', (value,))
        conn.commit()
    finally:
        conn.close()
    return path


def _published(ws_conn: Any, schema: str | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Every published column of every row, read through the models' types."""
    on = ws_conn.execution_options(schema_translate_map={None: schema}) if schema else ws_conn
    found = {}
    for table in shared_tables():
        cols = [table.c[k] for k in snapshot._columns(table)]
        found[table.name] = sorted(on.execute(select(*cols)).all(), key=lambda r: str(r))
    return found


def _server(pg: Server, name: str) -> tuple[Shared, dict[str, list[tuple[Any, ...]]]]:
    engine = create_engine(pg.url())
    try:
        with engine.connect() as conn:
            shared = find_shared(conn, name=name)
            return shared, _published(conn, shared.schema)
    finally:
        engine.dispose()


def _keys(pg: Server, schema: str) -> list[tuple[str, str]]:
    with psycopg.connect(pg.dsn()) as conn:
        return conn.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE "
            "connamespace = %s::regnamespace UNION ALL SELECT indexrelid::regclass::text, "
            "pg_get_indexdef(indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = indrelid "
            "WHERE c.relnamespace = %s::regnamespace ORDER BY 1", (schema, schema)).fetchall()


@pytest.mark.parametrize("staged", [True, False], ids=["opgeslagen-vorm", "getypeerd"])
def test_edge_values_arrive_exactly_on_the_server_and_in_a_join(
        pg: Server, team, tmp_path: Path, demo: Path, staged: bool,
        monkeypatch: pytest.MonkeyPatch) -> None:
    name, (anna, bob, _carl) = team
    if not staged:  # as against a server set up by an older program
        monkeypatch.setattr(snapshot, "_begin_staged", lambda _remote, _shared: False)
    source = tmp_path / "bron.dealmaker"
    shutil.copyfile(demo, source)
    with open_workspace(source) as ws, ws.engine.connect() as conn:
        mine = _published(conn)
    empty, _ = _server(pg, name)
    keys_before = _keys(pg, empty.schema)
    with open_workspace(source) as ws:
        publish_workspace(ws, pg.url(anna), name)
    shared, theirs = _server(pg, name)
    assert _keys(pg, shared.schema) == keys_before  # every key, index and reference back
    for table, rows in mine.items():
        assert theirs[table] == rows, f"server: {table}"
    assert any(ODD_TEXT in row for row in theirs["person"])
    joined = tmp_path / "join.dealmaker"
    join_workspace(pg.url(bob), joined, name)
    with open_workspace(joined) as ws, ws.engine.connect() as conn:
        again = _published(conn)
    for table, rows in mine.items():
        assert again[table] == rows, f"join: {table}"


def test_a_row_pointing_nowhere_a_cancel_or_a_cut_leaves_the_server_unpublished_whole(
        pg: Server, team, tmp_path: Path, demo: Path) -> None:
    name, (anna, _bob, _carl) = team
    source = tmp_path / "bron.dealmaker"
    shutil.copyfile(demo, source)
    empty, _ = _server(pg, name)
    keys_before = _keys(pg, empty.schema)
    conn = sqlite3.connect(source)
    conn.execute("UPDATE interaction_participant SET person_id = zeroblob(16) "
                 "WHERE rowid = (SELECT max(rowid) FROM interaction_participant)")
    conn.commit()
    conn.close()
    before = source.read_bytes()
    with open_workspace(source) as ws, pytest.raises(Exception, match="foreign key"):
        publish_workspace(ws, pg.url(anna), name)
    assert source.read_bytes() == before

    def cancel(done: int, _total: int, _what: str) -> None:
        if done > 1000:
            raise Cancelled()

    shutil.copyfile(demo, source)
    before = source.read_bytes()
    with open_workspace(source) as ws, pytest.raises(Cancelled):
        publish_workspace(ws, pg.url(anna), name, step=cancel)
    assert source.read_bytes() == before

    def cut(done: int, _total: int, _what: str) -> None:
        if done > 1000:
            with psycopg.connect(pg.dsn(), autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE usename = %s", (anna,))

    with open_workspace(source) as ws, pytest.raises(Exception):  # noqa: B017 - the cut
        publish_workspace(ws, pg.url(anna), name, step=cut)
    assert source.read_bytes() == before
    shared, rows = _server(pg, name)
    assert not shared.published and not any(rows.values())
    assert _keys(pg, shared.schema) == keys_before
    with open_workspace(source) as ws:
        publish_workspace(ws, pg.url(anna), name)  # and it can be published afterwards
    assert _keys(pg, shared.schema) == keys_before


def test_publish_staged_takes_only_a_staging_table_of_the_shared_tables_shape(
        pg: Server, team) -> None:
    name, (anna, _bob, _carl) = team
    engine = create_engine(pg.url())
    with engine.connect() as conn:
        shared = find_shared(conn, name=name)
    engine.dispose()
    call = "SELECT dealmaker.publish_staged(%s::uuid, %s, 'person')"
    shapes = [
        "ALTER TABLE pg_temp.dm_publish ALTER COLUMN first_name TYPE bigint USING NULL",
        "ALTER TABLE pg_temp.dm_publish ALTER COLUMN created_at TYPE text",
        "ALTER TABLE pg_temp.dm_publish ADD COLUMN extra integer",
        "ALTER TABLE pg_temp.dm_publish DROP COLUMN notes",
    ]
    for shape in shapes:
        with psycopg.connect(pg.dsn(anna)) as conn, conn.cursor() as cur:
            cur.execute(f'CREATE TEMP TABLE dm_publish (LIKE {shared.schema}."person")')
            cur.execute(shape)
            with pytest.raises(psycopg.Error, match="ongeldige aanlevering"):
                cur.execute(call, (shared.id, SCHEMA_VERSION))
    with psycopg.connect(pg.dsn(anna)) as conn, conn.cursor() as cur:
        cur.execute(f'CREATE TEMP VIEW dm_publish AS SELECT * FROM {shared.schema}."person"')
        with pytest.raises(psycopg.Error, match="ongeldige aanlevering"):
            cur.execute(call, (shared.id, SCHEMA_VERSION))


def test_a_cancel_or_a_cut_connection_during_a_join_leaves_no_file_and_no_reader(
        pg: Server, team, tmp_path: Path, demo: Path) -> None:
    name, (anna, bob, _carl) = team
    source = tmp_path / "bron.dealmaker"
    shutil.copyfile(demo, source)
    with open_workspace(source) as ws:
        publish_workspace(ws, pg.url(anna), name)
    joined = tmp_path / "join.dealmaker"

    def cancel(done: int, _total: int, _what: str) -> None:
        if done > 1000:
            raise Cancelled()

    with pytest.raises(Cancelled):
        join_workspace(pg.url(bob), joined, name, step=cancel)

    def cut(done: int, _total: int, _what: str) -> None:
        if done > 1000:
            with psycopg.connect(pg.dsn(), autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE usename = %s", (bob,))

    with pytest.raises(Exception):  # noqa: B017 - whatever the driver says of the cut
        join_workspace(pg.url(bob), joined, name, step=cut)
    assert not joined.exists() and list(tmp_path.glob("join*")) == []
    assert not [t for t in threading.enumerate() if t.name == "dealmaker-ophalen"]
    join_workspace(pg.url(bob), joined, name)  # and joining works afterwards
    with open_workspace(joined) as ws, ws.engine.connect() as conn:
        again = _published(conn)
    with open_workspace(source) as ws, ws.engine.connect() as conn:
        assert again == _published(conn)
