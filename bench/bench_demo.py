"""Benchmark the demo workspace generator against a bare sqlite3 baseline.

    .venv/bin/python bench/bench_demo.py [--size large|small|N] [--seed 2026] [--check]

(1) ``create_demo(tmp, size)``: the whole thing (new workspace with migrations, row
    generation, bulk insert, index build, commit).
(2) Baseline: the same rows from ``demo_rows`` (materialised first, not timed) written by a
    bare ``sqlite3`` ``executemany`` in one transaction into a fresh file whose schema comes
    from ``Base.metadata.create_all`` (default pragmas, indexes in place).
Target: (1) under 30 s for ``large`` on the 2-core reference machine.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine

from dealmaker.services.demo import create_demo, demo_rows, parse_size
from dealmaker.services.demo.write import insert_sql
from dealmaker.storage.models import Base

TARGET_S = 30.0


def _timed_create(path: Path, size: str | int, seed: int) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    create_demo(path, size, seed, lock=False)
    return time.perf_counter() - wall, time.process_time() - cpu


def _baseline(path: Path, size: str | int, seed: int) -> tuple[float, int]:
    batches = list(demo_rows(size, seed))  # materialised beforehand: not timed
    rows = sum(len(r) for _t, r in batches)
    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    engine.dispose()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        start = time.perf_counter()
        conn.execute("BEGIN")
        for table, batch in batches:
            if batch:
                conn.executemany(insert_sql(table, tuple(batch[0])), batch)
        conn.execute("COMMIT")
        return time.perf_counter() - start, rows
    finally:
        conn.close()


def _check(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("person", "interaction", "interaction_participant",
                            "commitment", "pledge", "measurement")}
    finally:
        conn.close()
    print(f"  foreign_key_check: {len(broken)} gebroken verwijzingen; {counts}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="large", help="small, large or N persons")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--check", action="store_true", help="foreign_key_check afterwards")
    args = parser.parse_args(argv)
    size = parse_size(args.size)
    with tempfile.TemporaryDirectory(prefix="bench_demo_") as tmp:
        demo = Path(tmp) / "demo.dealmaker"
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        wall, cpu = _timed_create(demo, size, args.seed)
        mb = demo.stat().st_size / 2**20
        print(f"size={size} seed={args.seed} cores={os.cpu_count()} load(1 min)={load:.1f}")
        print(f"(1) create_demo:        {wall:7.2f} s wall ({cpu:.2f} s CPU), file {mb:.0f} MB")
        if args.check:
            _check(demo)
        demo.unlink()
        base, rows = _baseline(Path(tmp) / "baseline.sqlite", size, args.seed)
        print(f"(2) bare executemany:   {base:7.2f} s wall for {rows:,} rows")
        print(f"ratio (1)/(2):          {wall / base:7.2f}")
        verdict = "OK" if wall < TARGET_S else "TE TRAAG"
        print(f"target (1) < {TARGET_S:.0f} s:      {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
