"""Benchmark: bytes on disk of the large demo workspace, per table and index.

    .venv/bin/python bench/bench_size.py [--db PATH] [--compare OTHER.dealmaker]

(1) The workspace: every table with its indexes, from SQLite's ``dbstat`` table (the
    ``sqlite3`` command-line shell is asked when Python's sqlite3 lacks it), and the file.
(2) Baseline, built in the same run: a bare SQLite file holding the same rows in the
    plainest form - integer keys (each row's rowid; references rewritten to the rowid
    they point at), columns without declared types, no indexes, no search index.
Ratio (1)/(2). Goal (issue 6): the large demo under 450 MB (MiB, as the issue measured
932 MB). ``--compare`` prints another file's figures beside it (e.g. a copy made before a
change).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

DEFAULT = Path("/tmp/dealmaker-bench/large.dealmaker")
GOAL_MIB = 450
MIB = 1 << 20


def ensure(path: Path) -> None:
    if not path.exists():
        from dealmaker.services.demo import create_demo

        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"grote demowerkruimte maken: {path} ...", flush=True)
        create_demo(path, "large")


def object_bytes(path: Path) -> dict[str, int]:
    """Bytes per table and index (``dbstat``), from Python or else the sqlite3 shell."""
    query = "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {str(n): int(s) for n, s in conn.execute(query)}
    except sqlite3.OperationalError:
        shell = shutil.which("sqlite3")
        if shell is None:
            sys.exit("dbstat ontbreekt in Python's sqlite3 en er is geen sqlite3-shell")
        out = subprocess.run([shell, "-readonly", str(path), query], check=True,
                             capture_output=True, text=True).stdout
        return {n: int(s) for n, s in (line.rsplit("|", 1) for line in out.splitlines())}
    finally:
        conn.close()


def owners(conn: sqlite3.Connection) -> dict[str, str]:
    """Object name -> the table it belongs to (indexes to their table, FTS shadow tables
    to the virtual table)."""
    found = {str(n): str(t) for n, t in conn.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')")}
    virtual = [str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
    for name in found:
        for v in virtual:
            if name.startswith(v + "_"):
                found[name] = v
    found["sqlite_schema"] = found["sqlite_master"] = "(schema)"
    return found


def model_tables(conn: sqlite3.Connection) -> list[str]:
    return [str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'person_search%' "
        "AND name != 'alembic_version' ORDER BY name")]


def build_bare(source: Path, target: Path) -> tuple[float, int]:
    """The same rows with integer keys and no indexes; (seconds, rows)."""
    conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute(f"ATTACH DATABASE '{target}' AS bare")
    start = time.perf_counter()
    rows = 0
    for table in model_tables(conn):
        refs = {str(r[3]): str(r[2]) for r in conn.execute(
            f'PRAGMA foreign_key_list("{table}")')}
        cols = [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")')]
        plain = [c for c in cols if c != "id"]
        exprs = [f'(SELECT rowid FROM "{refs[c]}" p WHERE p.id = t."{c}")' if c in refs
                 else f't."{c}"' for c in plain]
        columns = ", ".join(f'"{c}"' for c in plain)
        conn.execute(f'CREATE TABLE bare."{table}" (id INTEGER PRIMARY KEY, {columns})')
        conn.execute(f'INSERT INTO bare."{table}" SELECT t.rowid, {", ".join(exprs)} '
                     f'FROM main."{table}" t ORDER BY t.rowid')
        rows += int(conn.execute(f'SELECT count(*) FROM bare."{table}"').fetchone()[0])
    conn.commit()
    conn.close()
    return time.perf_counter() - start, rows


def per_table(path: Path) -> tuple[dict[str, tuple[int, int, int]], int]:
    """{table: (rows, table bytes, index bytes)} and the file size."""
    sizes = object_bytes(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        owner = owners(conn)
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for name, size in sizes.items():
            table = owner.get(name, name)
            out[table][1 if name == table or table.startswith("person_search")
                       or table == "(schema)" else 2] += size
        for table in model_tables(conn):
            out[table][0] = int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    finally:
        conn.close()
    return {t: (v[0], v[1], v[2]) for t, v in out.items()}, path.stat().st_size


def mib(n: int) -> str:
    return f"{n / MIB:8.1f}"


def report(path: Path, other: Path | None) -> None:
    tables, file_size = per_table(path)
    old, old_size = per_table(other) if other else ({}, 0)
    with tempfile.TemporaryDirectory(prefix="bench-size-") as tmp:
        bare_path = Path(tmp) / "bare.sqlite"
        seconds, bare_rows = build_bare(path, bare_path)
        bare_size = bare_path.stat().st_size
    total = sum(t + i for _r, t, i in tables.values())
    print(f"{path} ({file_size:,} bytes), SQLite {sqlite3.sqlite_version}; MiB = 2^20 bytes")
    head = f"{'tabel':28} {'rijen':>9} {'tabel':>8} {'indexen':>8} {'samen':>8} {'B/rij':>6}"
    print(head + (f" | {'eerder':>8} {'B/rij':>6}" if other else ""))
    for name, (rows, tbytes, ibytes) in sorted(tables.items(), key=lambda kv: -sum(kv[1][1:])):
        line = (f"{name:28} {rows:9,} {mib(tbytes)} {mib(ibytes)} {mib(tbytes + ibytes)} "
                f"{(tbytes + ibytes) / rows if rows else 0:6.0f}")
        if other:
            o_rows, o_t, o_i = old.get(name, (0, 0, 0))
            line += f" | {mib(o_t + o_i)} {(o_t + o_i) / o_rows if o_rows else 0:6.0f}"
        print(line)
    print(f"{'totaal (dbstat)':28} {bare_rows:9,} {'':8} {'':8} {mib(total)}"
          + (f" {'':6} | {mib(sum(t + i for _r, t, i in old.values()))}" if other else ""))
    print(f"(1) bestand                  {mib(file_size)} MiB  ({file_size:,} bytes)"
          + (f"   eerder {mib(old_size)} MiB ({old_size:,} bytes, x {file_size / old_size:.2f})"
             if other else ""))
    print(f"(2) kaal SQLite-bestand      {mib(bare_size)} MiB  (zelfde {bare_rows:,} rijen, "
          f"gehele sleutels, geen indexen; gebouwd in {seconds:.1f} s)")
    print(f"verhouding (1)/(2)           {file_size / bare_size:8.2f}")
    verdict = "gehaald" if file_size < GOAL_MIB * MIB else "NIET gehaald"
    print(f"doel < {GOAL_MIB} MiB               {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT)
    parser.add_argument("--compare", type=Path, default=None, help="another workspace file")
    args = parser.parse_args()
    ensure(args.db)
    report(args.db, args.compare)


if __name__ == "__main__":
    main()
