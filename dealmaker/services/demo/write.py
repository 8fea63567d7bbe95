"""Write the demo rows into a new workspace: driver ``executemany`` in one transaction,
one journal operation for the whole generation (a 'baseline' naming the rows it wrote
per table: a team server ships it as a snapshot), progress as a generator.

Bulk rows bypass the ORM (and so the per-row change journal and the derived-data hook):
a large workspace has millions of rows and must be written in seconds. The derived data
(contact dates, the person search index) is computed once at the end instead. Closing
the generator early (cancel), any error or a kill leaves the target as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from dealmaker.services.demo.base import Rows
from dealmaker.services.demo.generate import estimate_rows, table_batches
from dealmaker.services.demo.scale import scale_for
from dealmaker.storage.derived import rebuild_all_derived
from dealmaker.storage.journal import record_baseline
from dealmaker.storage.lock import WorkspaceLock
from dealmaker.storage.replace import discard, fsync_file, publish, retire
from dealmaker.storage.workspace import make_engine, new_workspace_file

OPERATION_NAME = "Demo-werkruimte aangemaakt"
LABELS = {
    "organisation": "Organisaties", "person": "Contactpersonen", "position": "Functies",
    "tag": "Labels", "person_tag": "Labels", "theme": "Thema's", "opgave": "Opgaven",
    "deal": "Deals", "deal_party": "Dealpartijen", "deal_opgave": "Opgaven per deal",
    "pledge": "Cofinanciering", "mandate": "Mandaten", "relation": "Relaties",
    "interaction": "Contactmomenten", "interaction_participant": "Contactmomenten",
    "interaction_deal": "Contactmomenten", "commitment": "Toezeggingen",
    "commitment_state_change": "Toezeggingen", "programme_goal": "Programmadoelen",
    "project": "Projecten", "project_goal": "Projecten", "indicator": "Indicatoren",
    "measurement": "Metingen", "meeting": "Overleggen", "meeting_participant": "Overleggen",
    "adjustment": "Bijsturingen", "opgave_link": "Opgaven per persoon of eenheid",
    "organisation_relation": "Relaties tussen organisaties",
}


@dataclass(frozen=True)
class DemoStep:
    """Progress: ``done`` of ``total`` work units (rows written, then the index build)."""

    done: int
    total: int
    label: str


def insert_sql(table: str, columns: tuple[str, ...], *, named: bool = True) -> str:
    """``INSERT INTO t (a, b) VALUES (:a, :b)`` (dict rows) or ``(?, ?)`` (tuple rows)."""
    params = ", ".join(f":{c}" if named else "?" for c in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({params})"


def demo_steps(path: Path, size: str | int = "small", seed: int = 2026, *,
               lock: bool = True, replace: bool = False) -> Generator[DemoStep, None, None]:
    """Write a demo workspace to ``path``, yielding progress.

    The demo is written to a scratch file beside ``path`` and moved into place only when
    complete, so a kill or a cancel (closing the generator early) leaves no half file.
    ``path`` must not exist, unless ``replace``: then it is locked first (refused while
    another process has it open), kept as a backup, and replaced in one rename.
    ``lock`` is accepted for older callers: the scratch file and the target are always
    locked while this runs, and the finished workspace is left unlocked.
    """
    rows = estimate_rows(scale_for(size))  # a bad size fails before any file exists
    total = rows + rows // 3  # indexes and derived data take about a quarter of the time
    if path.exists() and not replace:
        raise FileExistsError(path)
    yield DemoStep(0, total, "Werkruimte aanmaken")
    target = WorkspaceLock(path) if path.exists() else None
    if target is not None:
        target.acquire()  # WorkspaceLocked: the window has it open
    scratch: WorkspaceLock | None = None
    try:
        real = path.resolve()  # beside the file a symbolic link names: one file system
        scratch = new_workspace_file(real, "demo")
        engine = make_engine(scratch.workspace)
        try:
            with engine.connect() as conn:
                yield from _fill(conn, size, seed, rows, total)
        finally:
            engine.dispose()
        fsync_file(scratch.workspace)
        if target is not None:
            retire(real, "voor-demo")
            target.replace_with(scratch)
        else:
            publish(scratch, real)  # FileExistsError if one appeared meanwhile
            target, scratch = scratch, None
    finally:
        if scratch is not None:
            discard(scratch)
        if target is not None:
            target.release()
    yield DemoStep(total, total, "Klaar")


def _fill(conn: Connection, size: str | int, seed: int, rows_expected: int,
          total: int) -> Iterator[DemoStep]:
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    saved = raw.isolation_level
    raw.isolation_level = None  # explicit BEGIN/COMMIT below
    # Generation only: a scratch file, discarded if anything goes wrong. Foreign keys
    # are checked by the tests instead of per row; the rollback journal stays in memory.
    for pragma in ("foreign_keys = OFF", "synchronous = OFF", "journal_mode = MEMORY",
                   "cache_size = -65536", "temp_store = MEMORY"):
        raw.execute(f"PRAGMA {pragma}")
    raw.execute("BEGIN")
    try:
        # Building an index once from sorted rows is cheaper than growing it row by row.
        indexes = raw.execute("SELECT name, sql FROM sqlite_master "
                              "WHERE type = 'index' AND sql IS NOT NULL").fetchall()
        for name, _sql in indexes:
            raw.execute(f'DROP INDEX "{name}"')
        done = 0
        written: dict[str, int] = {}
        for table, rows in table_batches(size, seed):
            if not rows:
                continue
            written[table] = written.get(table, 0) + len(rows)
            if isinstance(rows, Rows):
                raw.executemany(insert_sql(table, rows.columns, named=False), rows)
            else:
                raw.executemany(insert_sql(table, tuple(rows[0])), rows)
            done += len(rows)
            yield DemoStep(min(done, rows_expected), total, LABELS.get(table, table))
        yield DemoStep(rows_expected, total, "Indexen opbouwen")
        for _name, sql in indexes:
            raw.execute(sql)
        yield DemoStep((rows_expected + total) // 2, total, "Zoekindex en contactdata")
        rebuild_all_derived(conn)  # through SQLAlchemy, on this same connection and transaction
        record_baseline(conn, OPERATION_NAME, written)  # the journal's starting point
        raw.execute("COMMIT")
    except BaseException:
        raw.execute("ROLLBACK")
        raise
    finally:
        for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON",
                       "cache_size = -2000", "temp_store = DEFAULT"):
            raw.execute(f"PRAGMA {pragma}")
        raw.isolation_level = saved


def create_demo(path: Path, size: str | int = "small", seed: int = 2026, *,
                lock: bool = True, replace: bool = False) -> None:
    """Run :func:`demo_steps` to completion."""
    for _step in demo_steps(path, size, seed, lock=lock, replace=replace):
        pass
