"""Benchmark: big workspaces stay quick (AVG inzage, Vergeten, a cold open).

On the large demo, for the person with the most contact moments (11,000+):
  (1) AVG inzage (.xlsx + .json), target < 3 s; baseline: bare sqlite3 reading the same
      contact moments plus openpyxl (write-only) and json writing the same cells;
  (2) Vergeten, target < 3 s; baseline: bare sqlite3 anonymising the person row,
      scanning the same text columns for the name (instr) and checkpointing;
  (3) a cold open (the file evicted from the page cache with posix_fadvise) until the
      first page of Contacten is read, target < 2 s; baseline: bare sqlite3 opening the
      file and reading the same first page cold. The former way (every page read before
      opening, ``quick_check``) is printed for reference.
Each figure is printed beside its baseline from the same run, with their ratio.

Run: .venv/bin/python bench/bench_privacy.py [--db PATH]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

DEFAULT = Path("/tmp/dealmaker-bench/large.dealmaker")
HEAVIEST = ("SELECT person_id FROM interaction_participant GROUP BY person_id "
            "ORDER BY count(*) DESC LIMIT 1")


def ensure(path: Path) -> None:
    if not path.exists():
        from dealmaker.services.demo import create_demo

        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"grote demowerkruimte maken: {path} ...", flush=True)
        create_demo(path, "large")
    from dealmaker.storage.workspace import open_workspace

    open_workspace(path).close()  # migrated to this build's schema before measuring


def heaviest(path: Path) -> bytes:
    con = sqlite3.connect(path)
    try:
        return bytes(con.execute(HEAVIEST).fetchone()[0])
    finally:
        con.close()


def line(label: str, ours: float, bare: float, target: float) -> None:
    verdict = "gehaald" if ours < target else "NIET gehaald"
    print(f"{label:<22} {ours:6.2f} s   basislijn {bare:6.2f} s   verhouding "
          f"{ours / bare:5.2f}   doel < {target:g} s: {verdict}")


def bare_export(path: Path, pid: bytes, folder: Path) -> float:
    from openpyxl import Workbook

    start = time.perf_counter()
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT i.occurred_on, i.kind, i.direction, i.summary, i.follow_up_action, "
        "i.follow_up_on, (SELECT count(*) FROM interaction_participant x "
        "WHERE x.interaction_id = i.id), i.deleted_at FROM interaction i "
        "JOIN interaction_participant p ON p.interaction_id = i.id "
        "WHERE p.person_id = ? ORDER BY i.occurred_on", (pid,)).fetchall()
    con.close()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Contactmomenten")
    for row in rows:
        sheet.append(list(row))
    book.save(folder / "bare.xlsx")
    (folder / "bare.json").write_text(json.dumps([list(r) for r in rows], indent=2))
    return time.perf_counter() - start


def our_export(path: Path, pid: bytes, folder: Path) -> float:
    from dealmaker.services.privacy import export_person_data
    from dealmaker.storage.workspace import open_workspace

    with open_workspace(path) as ws:
        start = time.perf_counter()
        export_person_data(ws, str(uuid.UUID(bytes=pid)), folder / "a.xlsx", folder / "a.json")
        return time.perf_counter() - start


def bare_forget(path: Path, pid: bytes) -> float:
    start = time.perf_counter()
    con = sqlite3.connect(path)
    last = con.execute("SELECT lower(last_name) FROM person WHERE id = ?", (pid,)).fetchone()[0]
    con.execute("UPDATE person SET first_name = '', last_name = 'Vergeten persoon', "
                "email = '', phone = '', notes = '' WHERE id = ?", (pid,))
    for table, cols in (("interaction", ("summary", "follow_up_action")),
                        ("commitment", ("title", "description")), ("person", ("notes",)),
                        ("relation", ("note",)), ("meeting", ("title", "decisions"))):
        for col in cols:
            con.execute(f"SELECT rowid FROM {table} WHERE instr(lower({col}), ?)",
                        (last,)).fetchall()
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return time.perf_counter() - start


def our_forget(path: Path, pid: bytes) -> float:
    from dealmaker.services.privacy import forget_person
    from dealmaker.storage.workspace import open_workspace

    with open_workspace(path) as ws:
        start = time.perf_counter()
        forget_person(ws, str(uuid.UUID(bytes=pid)))
        return time.perf_counter() - start


EVICT = """
import os

def evict(path):
    for name in (path, path + "-wal", path + "-shm"):
        if os.path.exists(name):
            fd = os.open(name, os.O_RDONLY)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)
"""
# Python's own start and imports are bench_startup's; measured here: the file, cold
COLD_OURS = EVICT + """
import sys, time
from pathlib import Path
from dealmaker.services.directory import ContactQuery, query_contacts
from dealmaker.storage.workspace import open_workspace
evict(sys.argv[1])
start = time.perf_counter()
ws = open_workspace(Path(sys.argv[1]), background={background})
rows = query_contacts(ws, ContactQuery(), 0, 100)
print(time.perf_counter() - start)
if ws.check is not None:
    ws.check.wait()
ws.close()
"""
COLD_BARE = EVICT + """
import sqlite3, sys, time
evict(sys.argv[1])
start = time.perf_counter()
con = sqlite3.connect(sys.argv[1])
rows = con.execute("SELECT first_name, last_name, email FROM person "
                   "WHERE deleted_at IS NULL ORDER BY last_name, first_name LIMIT 100").fetchall()
print(time.perf_counter() - start)
"""


def cold(path: Path, code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                         text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT)
    args = parser.parse_args()
    ensure(args.db)
    pid = heaviest(args.db)
    print(f"werkruimte {args.db} ({args.db.stat().st_size / 1e6:.0f} MB)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        line("AVG-inzage", our_export(args.db, pid, folder),
             bare_export(args.db, pid, folder), 3)
        copy = folder / "vergeten.dealmaker"
        shutil.copyfile(args.db, copy)
        ours = our_forget(copy, pid)
        shutil.copyfile(args.db, copy)
        line("Vergeten", ours, bare_forget(copy, pid), 3)
    bare = cold(args.db, COLD_BARE)
    line("koud openen", cold(args.db, COLD_OURS.format(background=True)), bare, 2)
    before = cold(args.db, COLD_OURS.format(background=False))
    print(f"{'  vroeger: eerst alles lezen':<22} {before:6.2f} s")


if __name__ == "__main__":
    main()
