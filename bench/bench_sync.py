"""Benchmark: team sync through PostgreSQL on localhost (a throwaway server, the Debian
package, started by tests/sync/pgserver.py).

1. push 10,000 field changes (100 operations of 100) with ``dealmaker sync``, then pull
   them on a second copy, three rounds (medians); baselines in the same run: push, bare
   psycopg doing the same writes on the server (one UPDATE per field, executemany, one
   transaction); pull, the same read of the log with bare psycopg and its values written
   with bare sqlite3 into a copy of the pulling file.
2. 40 clients (40 roles, 40 files) syncing at once: no error, no lost write (each wrote
   its own contact and all wrote one shared field: 1 winner + 39 kept losers).
3. first upload (publish) of the large demo and a join of it, timed (``--large``; the
   file is /tmp/dealmaker-bench/large.dealmaker, made by bench_demo.py). Baseline: bare
   psycopg COPY of the same rows out of the server as text, and that text COPY'd into
   empty copies of the tables (no SQLite file read or written, no keys, indexes or
   checks, no derived data): the floor of moving the bytes, not the same work.
Run: .venv/bin/python bench/bench_sync.py [--large]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import text, update

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dealmaker.services.sync.conflicts import open_conflicts
from dealmaker.services.sync.engine import sync
from dealmaker.services.sync.setup import server_init, shared_tables
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.storage.models import Person
from dealmaker.storage.models.journal import LocalDevice
from dealmaker.storage.workspace import create_workspace, open_workspace
from tests.sync.pgserver import Server, running_postgres

LARGE = Path("/tmp/dealmaker-bench/large.dealmaker")
FIELDS = ("email", "phone", "notes", "first_name")
#: (what, seconds, bare seconds or None, target)
ROWS: list[tuple[str, float, float | None, str]] = []


def table() -> None:
    print(f"{'meting':<44} {'dealmaker':>10} {'kaal':>8} {'verh.':>6}  doel")
    for what, took, bare, goal in ROWS:
        bare_s = f"{bare:.2f} s" if bare is not None else "-"
        ratio = f"{took / bare:.1f}x" if bare else "-"
        print(f"{what:<44} {took:>8.2f} s {bare_s:>8} {ratio:>6}  {goal}")


def _persons(ws, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    with ws.uow("Contacten") as uow:
        people = [Person(last_name=f"Bench{i}", email=f"b{i}@x.example") for i in range(n)]
        uow.session.add_all(people)
        uow.commit()
    return [p.id for p in people]


def _edit(ws, ids: list[str], round_: int) -> int:  # type: ignore[no-untyped-def]
    changes = 0
    for start in range(0, len(ids), 25):  # 100 operations of 25 persons x 4 fields
        with ws.uow("Bewerken") as uow:
            for pid in ids[start:start + 25]:
                p = uow.session.get(Person, pid)
                p.email, p.phone = f"r{round_}@{pid[:8]}.example", f"06 {round_:08d}"
                p.notes, p.first_name = f"notitie {round_}", f"V{round_}"
                changes += 4
            uow.commit()
    return changes


def push_pull(pg: Server, tmp: Path, rounds: int = 3) -> None:
    """``rounds`` rounds of: 10,000 field changes on copy a, pushed; pulled by copy b.
    Each figure is the median of the rounds (one run on a shared laptop varies by 30%)."""
    server_init(pg.url(), "Bench", ("bench_a", "bench_b"))
    a, b = tmp / "a.dealmaker", tmp / "b.dealmaker"
    with create_workspace(a) as ws:
        ids = _persons(ws, 2500)
        publish_workspace(ws, pg.url("bench_a"), "Bench")
    join_workspace(pg.url("bench_b"), b, "Bench")
    times: dict[str, list[float]] = {"push": [], "pull": [], "bare push": [], "bare pull": []}
    for round_ in range(1, rounds + 1):
        with open_workspace(b) as ws:
            cursor = _cursor(ws)
        bare_copy = tmp / f"kaal-{round_}.dealmaker"
        shutil.copyfile(b, bare_copy)  # the bare pull writes into a copy of b as it is now
        with open_workspace(a) as ws:
            n = _edit(ws, ids, round_)
            start = time.perf_counter()
            sync(ws)
            times["push"].append(time.perf_counter() - start)
        with open_workspace(b) as ws:
            start = time.perf_counter()
            done = sync(ws)
            times["pull"].append(time.perf_counter() - start)
        assert done.pulled == 100, done
        times["bare pull"].append(_bare_pull(pg, cursor, bare_copy))
        times["bare push"].append(_bare_push(pg, ids))
    mid = {k: statistics.median(v) for k, v in times.items()}
    ROWS.append((f"push {n:,} veldwijzigingen".replace(",", "."), mid["push"], mid["bare push"],
                 "< 1 s"))
    ROWS.append((f"pull {n:,} veldwijzigingen".replace(",", "."), mid["pull"], mid["bare pull"],
                 "< 0,3 s"))
    print("push per ronde: " + ", ".join(f"{t:.2f} s" for t in times["push"])
          + "; pull per ronde: " + ", ".join(f"{t:.2f} s" for t in times["pull"]))


def _cursor(ws) -> int:  # type: ignore[no-untyped-def]
    with ws.engine.connect() as conn:
        return int(conn.execute(text("SELECT cursor FROM sync_state")).scalar() or 0)


def _schema(conn: psycopg.Connection[Any], name: str) -> str:
    row = conn.execute("SELECT schema_name FROM dealmaker.workspace WHERE name = %s",
                       (name,)).fetchone()
    assert row is not None
    return str(row[0])


def _bare_push(pg: Server, ids: list[str]) -> float:
    """The same 10,000 field writes with bare psycopg (no rules, no JSON, no log)."""
    with psycopg.connect(pg.dsn()) as conn:
        schema = _schema(conn, "Bench")
        start = time.perf_counter()
        with conn.transaction(), conn.cursor() as cur:
            for f in FIELDS:
                cur.executemany(f"UPDATE {schema}.person SET {f} = %s WHERE id = %s",
                                [(f"bare-{i}", pid) for i, pid in enumerate(ids)])
        return time.perf_counter() - start


def _bare_pull(pg: Server, cursor: int, file: Path) -> float:
    """The same log read with bare psycopg, and its 10,000 values written into the file
    with bare sqlite3 (one UPDATE per field, executemany, one transaction): no journal,
    no conflict check, no search index."""
    with psycopg.connect(pg.dsn()) as conn:
        schema = _schema(conn, "Bench")
        start = time.perf_counter()
        rows = conn.execute(f"SELECT server_seq, op, changes FROM {schema}.sync_log "
                            "WHERE server_seq > %s ORDER BY server_seq", (cursor,)).fetchall()
        per_field: dict[str, list[tuple[str, bytes]]] = {}
        for _seq, _op, changes in rows:
            for ch in changes:
                if ch["action"] == "update" and ch["field"] in FIELDS:
                    per_field.setdefault(ch["field"], []).append(
                        (ch["new"], uuid.UUID(ch["entity_id"]).bytes))
        assert sum(len(v) for v in per_field.values()) >= 10_000
        db = sqlite3.connect(file, isolation_level=None)
        try:
            db.execute("BEGIN")
            for f, values in per_field.items():
                db.executemany(f"UPDATE person SET {f} = ? WHERE id = ?", values)
            db.execute("COMMIT")
        finally:
            db.close()
        return time.perf_counter() - start


def forty(pg: Server, tmp: Path) -> None:
    roles = tuple(f"veertig{i}" for i in range(40))
    server_init(pg.url(), "Veertig", roles)
    first = tmp / "v0.dealmaker"
    with create_workspace(first) as ws:
        ids = _persons(ws, 40)
        publish_workspace(ws, pg.url(roles[0]), "Veertig")
    template = tmp / "v-join.dealmaker"
    join_workspace(pg.url(roles[1]), template, "Veertig")
    paths = [first]
    for i in range(1, 40):  # copies of one join, each its own device (as 40 joins would be)
        path = tmp / f"v{i}.dealmaker"
        shutil.copyfile(template, path)
        with open_workspace(path) as ws, ws.engine.begin() as conn:
            conn.execute(update(LocalDevice).values(id=str(uuid.uuid4())))
            conn.execute(text("UPDATE sync_state SET server = :s"), {"s": pg.url(roles[i])})
        paths.append(path)
    spaces = [open_workspace(p) for p in paths]
    for i, ws in enumerate(spaces):
        with ws.uow("Bewerken") as uow:
            uow.session.get(Person, ids[i]).notes = f"van {i}"
            uow.session.get(Person, ids[0]).phone = f"06 {i:08d}"
            uow.commit()
    start = time.perf_counter()
    with ThreadPoolExecutor(40) as pool:
        results = list(pool.map(sync, spaces))
    elapsed = time.perf_counter() - start
    for ws in spaces:
        sync(ws)
    with spaces[5].read() as s:
        notes = {s.get(Person, pid).notes for pid in ids}
        phone = s.get(Person, ids[0]).phone
    losers = {c.loser_value for c in open_conflicts(spaces[5])}
    written = {f"06 {i:08d}" for i in range(40)}
    assert notes == {f"van {i}" for i in range(40)}, "een schrijfactie ging verloren"
    assert losers | {phone} == written, "een verliezende waarde ging verloren"
    print(f"40 clients tegelijk: {sum(r.pushed for r in results)} operaties, 0 fouten; "
          f"40/40 eigen wijzigingen aanwezig; gedeeld veld: 1 winnaar + {len(losers)} "
          "bewaarde verliezers")
    ROWS.append(("40 clients tegelijk synchroniseren", elapsed, None, "geen fout/verlies"))
    for ws in spaces:
        ws.close()


def _step(start: float) -> Callable[[int, int, str], None]:
    shown = [0.0]

    def step(done: int, total: int, label: str) -> None:
        now = time.perf_counter()
        if now - shown[0] >= 10:  # the progress a user sees, every ten seconds
            print(f"  {now - start:5.0f} s  {label}", flush=True)
            shown[0] = now
    return step


def large(pg: Server, tmp: Path) -> None:
    if not LARGE.exists():
        print(f"(geen {LARGE}: draai eerst bench/bench_demo.py)")
        return
    server_init(pg.url(), "Groot", ("groot_a", "groot_b"))
    print("belasting van de machine (1/5/15 min) vooraf: "
          + " / ".join(f"{x:.2f}" for x in os.getloadavg()))
    copy = tmp / "groot.dealmaker"
    shutil.copyfile(LARGE, copy)
    with open_workspace(copy) as ws:
        start = time.perf_counter()
        _name, counts = publish_workspace(ws, pg.url("groot_a"), "Groot", step=_step(start))
        up = time.perf_counter() - start
    start = time.perf_counter()
    join_workspace(pg.url("groot_b"), tmp / "groot-join.dealmaker", "Groot",
                   step=_step(start))
    down = time.perf_counter() - start
    rows = f"{sum(counts.values()):,}".replace(",", ".")
    bare_down, bare_up = _bare_copy(pg)
    print("belasting van de machine (1/5/15 min) achteraf: "
          + " / ".join(f"{x:.2f}" for x in os.getloadavg()))
    ROWS.append((f"eerste upload grote demo ({rows} rijen)", up, bare_up, "minuten -> s"))
    ROWS.append(("ophalen (join) grote demo", down, bare_down, "minuten -> s"))


def _bare_copy(pg: Server) -> tuple[float, float]:
    """pg_dump/pg_restore-like: every shared table COPY'd out as text, and that text
    COPY'd into empty copies of the tables (no SQLite, no types, no rules)."""
    with psycopg.connect(pg.dsn()) as conn:
        schema = conn.execute("SELECT schema_name FROM dealmaker.workspace WHERE name = 'Groot'"
                              ).fetchone()[0]
        dumped: dict[str, list[bytes]] = {}
        start = time.perf_counter()
        for table in shared_tables():
            with conn.cursor() as cur, cur.copy(
                    f'COPY {schema}."{table.name}" TO STDOUT') as out:
                dumped[table.name] = [bytes(block) for block in out]
        down = time.perf_counter() - start
        conn.execute("CREATE SCHEMA kaal")
        for table in shared_tables():
            conn.execute(f'CREATE TABLE kaal."{table.name}" (LIKE {schema}."{table.name}")')
        start = time.perf_counter()
        for name, blocks in dumped.items():
            with conn.cursor() as cur, cur.copy(f'COPY kaal."{name}" FROM STDIN') as into:
                for block in blocks:
                    into.write(block)
        conn.commit()
        up = time.perf_counter() - start
    return down, up


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--large", action="store_true", help="ook de grote demo uploaden")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="dealmaker-bench-sync-"))
    try:
        with running_postgres(port=54331) as pg:
            server_init(pg.url())
            push_pull(pg, tmp)
            forty(pg, tmp)
            if args.large:
                large(pg, tmp)
        table()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
