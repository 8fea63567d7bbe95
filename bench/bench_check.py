"""Benchmark: `dealmaker check` on the large demo workspace (target < 5 s).

Baseline, measured in the same run: bare sqlite3 doing the same reads (quick_check,
foreign_key_check, a count per table) on the same file, in one process.
Run: .venv/bin/python bench/bench_check.py [--db PATH]
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

DEFAULT = Path("/tmp/dealmaker-bench/large.dealmaker")


def ensure(path: Path) -> None:
    if not path.exists():
        from dealmaker.services.demo import create_demo

        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"grote demowerkruimte maken: {path} ...", flush=True)
        create_demo(path, "large")


def bare(path: Path) -> float:
    start = time.perf_counter()
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    con.execute("PRAGMA quick_check(5)").fetchall()
    con.execute("PRAGMA foreign_key_check").fetchall()
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        " AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'person_search_%'")]
    for t in tables:
        con.execute(f'SELECT count(*) FROM "{t}"').fetchone()
    con.close()
    return time.perf_counter() - start


def ours(path: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "dealmaker", "check", "--db", str(path)],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"check faalde: {proc.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ensure(args.db)
    size_mb = args.db.stat().st_size / 1e6
    b = min(bare(args.db) for _ in range(args.runs))
    o = min(ours(args.db) for _ in range(args.runs))
    print(f"werkruimte            {args.db} ({size_mb:.0f} MB)")
    print(f"basislijn sqlite3     {b:6.2f} s  quick_check + foreign_key_check + counts")
    print(f"dealmaker check       {o:6.2f} s  hele proces, incl. opstarten van Python")
    print(f"verhouding            {o / b:6.2f}")
    print(f"doel                  < 5 s: {'gehaald' if o < 5 else 'NIET gehaald'}")


if __name__ == "__main__":
    main()
