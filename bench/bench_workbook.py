"""Benchmark the portfolio overleg workbook of the large demo against bare openpyxl.

    .venv/bin/python bench/bench_workbook.py [PATH] [--runs 3] [--year 2025]

PATH defaults to /tmp/dealmaker-bench/large.dealmaker (made when missing: 50 deals,
10,000 commitments, years of measurements).
(1) ``write_overleg(ws, None, year, out)``: read every deal from the workspace, build the
    sheets, write the .xlsx (formats, widths, print set-up, chart, the hidden round-trip
    sheet) and store the Totaal values; what ``dealmaker export --all`` does.
(2) Baseline: bare openpyxl in write-only mode writing the same cells (every value of
    every sheet, hidden sheet included; no styles), in the same run.
Targets: (1) under 3 s and (1)/(2) under 2.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench_contacts import DEFAULT, ensure_demo

from dealmaker.export.workbook.marker import snapshot_rows
from dealmaker.export.workbook.model import Book
from dealmaker.services.workbook.portfolio import build_portfolio
from dealmaker.services.workbook.write import write_overleg
from dealmaker.storage.workspace import open_workspace

TARGET_S = 3.0
TARGET_RATIO = 2.0


def bare_openpyxl(book: Book, path: Path) -> float:
    """The same cells written by openpyxl write-only, values only; seconds."""
    from openpyxl import Workbook

    rows: list[tuple[str, list[tuple[Any, ...]]]] = []
    for table in book.tables:
        body = [tuple(c.header for c in table.columns), *table.rows]
        if table.totals:
            body.append(("Totaal",))
        rows.append((table.name, body))
    marker = [("app", "1"), *book.identity.items(),
              *(r for t in book.tables for r in snapshot_rows(t))]
    rows.append(("dealmaker", marker))
    start = time.perf_counter()
    wb = Workbook(write_only=True)
    for name, body in rows:
        ws = wb.create_sheet(name[:31])
        for row in body:
            ws.append(row)
    wb.save(path)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--year", type=int, default=2025)
    args = parser.parse_args(argv)
    ensure_demo(args.path)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.path.name}: cores={os.cpu_count()} load(1 min)={load:.1f}")
    with open_workspace(args.path, lock=False) as ws, \
            tempfile.TemporaryDirectory(prefix="bench_workbook_") as tmp:
        out = Path(tmp) / "alle.xlsx"
        ours, bare = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            write_overleg(ws, None, args.year, out, today=date(args.year + 1, 1, 15))
            ours.append(time.perf_counter() - start)
            book = build_portfolio(ws, args.year, today=date(args.year + 1, 1, 15))
            bare.append(bare_openpyxl(book, Path(tmp) / "bare.xlsx"))
        cells = sum(len(t.rows) * len(t.columns) for t in book.tables)
        size = out.stat().st_size / 2**20
    mine, base = statistics.median(ours), statistics.median(bare)
    print("  sheets: " + ", ".join(f"{t.name} {len(t.rows):,}" for t in book.tables))
    print(f"(1) portfolio workbook:   {mine:6.2f} s  ({cells:,} cells, {size:.1f} MB; "
          f"runs {', '.join(f'{t:.2f}' for t in ours)})")
    print(f"(2) bare openpyxl (w/o):  {base:6.2f} s  (same cells, values only)")
    ratio = mine / base
    print(f"ratio (1)/(2):            {ratio:6.2f}")
    ok = mine < TARGET_S and ratio < TARGET_RATIO
    print(f"targets (1) < {TARGET_S:.0f} s and ratio < {TARGET_RATIO:.0f}: "
          f"{'OK' if ok else 'TE TRAAG'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
