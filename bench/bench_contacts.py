"""Benchmark the Contacten list on the large demo workspace (50,000 persons).

    .venv/bin/python bench/bench_contacts.py [PATH] [--page 100] [--runs 20]

PATH defaults to /tmp/dealmaker-large.dealmaker, created with
``create_demo(path, "large")`` when missing (another bench may be creating the same file:
then this one waits for the creator's lock). Times, each beside the *bare SQL* it runs
(the very statements and parameters the service sent, captured from the engine and
replayed with ``sqlite3`` on the same file) and the ratio:

(1) the first page of ``query_contacts`` in the default sort (name), plus its count;
(2) 100 search "keystrokes" (typing "j", "ja", "jan", ... and multi-word queries such as
    "ezk beleid"): first page + count, p50 and p95;
(3) the other lists of these screens; (4) sorting on name, organisation and function,
    both directions, the first page and one deep in the list (offset 25,000).
Targets: (1) first page < 50 ms; (2) a keystroke's page query < 20 ms at p95; (4) sorting
on organisation or function costs no more than on name (the ratio column "/naam").

A file of an older schema is not migrated in place (other benches and helpers share it):
a private copy beside it is (``<naam>.v<schema>.dealmaker``).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event

from dealmaker.services.directory import ContactQuery, count_contacts, query_contacts
from dealmaker.storage.errors import WorkspaceLocked
from dealmaker.storage.lock import WorkspaceLock
from dealmaker.storage.workspace import Workspace, open_workspace

DEFAULT = Path("/tmp/dealmaker-bench/large.dealmaker")
FIRST_PAGE_MS, KEYSTROKE_P95_MS = 50.0, 20.0
PHRASES = ["janssen", "de vries", "ezk beleid", "fryslan", "gemeente eindhoven",
           "programmamanager", "bzk regio", "carolien", "innovatie manager", "wolters",
           "projectleider twente", "lnv", "dijkstra", "koster", "minbzk"]

Statement = tuple[str, Any]


def wait_for_creator(path: Path, timeout: float = 900.0) -> None:
    """Wait while another process holds the workspace lock (e.g. is generating it)."""
    deadline = time.monotonic() + timeout
    while True:
        lock = WorkspaceLock(path)
        try:
            lock.acquire()
        except WorkspaceLocked:
            if time.monotonic() > deadline:
                print("  (werkruimte blijft vergrendeld; ga toch door, alleen lezen)")
                return
            time.sleep(2)
            continue
        lock.release()
        return


def ensure_demo(path: Path) -> None:
    if not path.exists():
        from dealmaker.services.demo import create_demo

        print(f"Demo-werkruimte maken: {path} (large) ...", flush=True)
        start = time.perf_counter()
        try:
            create_demo(path, "large")
            print(f"  klaar in {time.perf_counter() - start:.1f} s")
            return
        except FileExistsError:
            print("  een ander proces maakt hem al; wachten ...")
    wait_for_creator(path)


def with_derived_data(path: Path) -> Path:
    """The demo writer bulk-inserts without the search index and contact dates; if they
    are missing, bench a private copy that has them (the shared file stays untouched)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        indexed = con.execute("SELECT count(*) FROM person_search").fetchone()[0]
        persons = con.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        con.close()
    if indexed >= persons:
        return path
    copy = path.with_name(path.stem + ".contacts-bench" + path.suffix)
    if copy.exists() and copy.stat().st_mtime >= path.stat().st_mtime:
        return copy
    print(f"LET OP: {path.name} heeft geen zoekindex/contactdatums ({indexed} van "
          f"{persons} personen geïndexeerd); ik bench een kopie met die afgeleide data: "
          f"{copy}", flush=True)
    from sqlalchemy import create_engine

    from dealmaker.storage.derived import refresh_contact_dates
    from dealmaker.storage.search import rebuild_all

    shutil.copyfile(path, copy)
    engine = create_engine(f"sqlite:///{copy}")
    with engine.begin() as conn:
        refresh_contact_dates(conn, None)
        rebuild_all(conn)
    engine.dispose()
    return copy


def at_head(path: Path) -> Path:
    """``path`` if it has today's schema, else a migrated private copy beside it."""
    from dealmaker.storage.migrate import SCHEMA_VERSION

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()
    if version >= SCHEMA_VERSION:
        return path
    copy = path.with_name(f"{path.stem}.v{SCHEMA_VERSION}{path.suffix}")
    if not copy.exists() or copy.stat().st_mtime < path.stat().st_mtime:
        print(f"LET OP: {path.name} heeft schema {version}; ik migreer een kopie: {copy}",
              flush=True)
        shutil.copyfile(path, copy)
        open_workspace(copy, lock=False).close()
    return copy


class Recorder:
    """Captures the SQL the services send, to replay it bare."""

    def __init__(self, ws: Workspace) -> None:
        self.statements: list[Statement] = []
        event.listen(ws.engine, "before_cursor_execute", self._on_execute)

    def _on_execute(self, _conn: Any, _cur: Any, statement: str, parameters: Any,
                    _ctx: Any, _many: bool) -> None:
        self.statements.append((statement, parameters))

    def run(self, fn: Callable[[], object]) -> tuple[float, list[Statement]]:
        self.statements = []
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start, self.statements


def bare(con: sqlite3.Connection, statements: list[Statement]) -> float:
    start = time.perf_counter()
    for sql, params in statements:
        con.execute(sql, params or ()).fetchall()
    return time.perf_counter() - start


def main_query(statements: list[Statement]) -> list[Statement]:
    """The statement that filters and sorts ``person`` (the one with LIMIT / count)."""
    return [s for s in statements if re.search(r"FROM person\b(?!_)", s[0])
            and ("LIMIT" in s[0] or "count(*)" in s[0])][:1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def row(label: str, service: float, raw: float, target: float | None = None) -> None:
    ok = "" if target is None else ("  OK" if service * 1000 < target else "  TE TRAAG")
    print(f"  {label:<34}{ms(service)}   bare SQL {ms(raw)}   x{service / raw:5.2f}{ok}")


def keystrokes(n: int = 100) -> list[str]:
    typed: list[str] = []
    while len(typed) < n:
        for phrase in PHRASES:
            typed += [phrase[:k] for k in range(1, len(phrase) + 1)]
    return typed[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--page", type=int, default=100, help="rows per page")
    parser.add_argument("--runs", type=int, default=20, help="warm runs of (1)")
    args = parser.parse_args(argv)
    ensure_demo(args.path)
    path = with_derived_data(at_head(args.path))
    ws = open_workspace(path, lock=False)
    con = sqlite3.connect(path)
    rec = Recorder(ws)
    try:
        persons = count_contacts(ws, ContactQuery())
        print(f"{path} ({path.stat().st_size / 2**20:.0f} MB): {persons} personen, "
              f"pagina van {args.page} rijen, SQLite {sqlite3.sqlite_version}")
        query = ContactQuery()

        def page() -> object:
            return query_contacts(ws, query, 0, args.page)

        first, stmts = rec.run(page)
        print(f"(1) eerste pagina, standaard sortering (naam), {len(stmts)} statements")
        row("eerste aanroep (koud)", first, bare(con, stmts), FIRST_PAGE_MS)
        warm = [rec.run(page) for _ in range(args.runs)]
        service = statistics.median(t for t, _ in warm)
        row(f"warm, mediaan van {args.runs}", service,
            statistics.median(bare(con, s) for _, s in warm), FIRST_PAGE_MS)
        print(f"  {'waarvan de hoofdquery (bare)':<34}{ms(bare(con, main_query(stmts)))}")
        count_t, count_s = rec.run(lambda: count_contacts(ws, query))
        row("count_contacts (rowCount)", count_t, bare(con, count_s))

        typed = keystrokes()
        page_times: list[tuple[float, float]] = []
        both_times: list[tuple[float, float]] = []
        for text in typed:
            q = ContactQuery(search=text)
            t_page, s_page = rec.run(lambda q=q: query_contacts(ws, q, 0, args.page))
            t_count, s_count = rec.run(lambda q=q: count_contacts(ws, q))
            b_page, b_count = bare(con, s_page), bare(con, s_count)
            page_times.append((t_page, b_page))
            both_times.append((t_page + t_count, b_page + b_count))
        print(f"(2) {len(typed)} zoek-toetsaanslagen ({typed[0]!r}, {typed[1]!r}, ... "
              f"{typed[-1]!r})")
        for label, times, target in (("pagina", page_times, KEYSTROKE_P95_MS),
                                     ("pagina + count", both_times, None)):
            svc, raw = [t for t, _ in times], [b for _, b in times]
            row(f"{label}: p50", statistics.median(svc), statistics.median(raw))
            row(f"{label}: p95", pct(svc, 95), pct(raw, 95), target)
        worst = max(range(len(typed)), key=lambda i: both_times[i][0])
        print(f"  traagste toetsaanslag: {typed[worst]!r} {ms(both_times[worst][0])}")
        others(ws, con, rec, args.page)
        sorts(ws, con, rec, args.page)
    finally:
        con.close()
        ws.close()
    return 0


def others(ws: Workspace, con: sqlite3.Connection, rec: Recorder, page: int) -> None:
    """(3) The other lists of these screens, best of 3, for orientation (no target)."""
    from datetime import date, timedelta

    from dealmaker.services.directory import ContactSort
    from dealmaker.services.interactions import follow_ups
    from dealmaker.services.organisations import organisation_tree
    from dealmaker.services.quickfind import quick_find

    print("(3) andere lijsten (beste van 3)")
    week = date.today() + timedelta(days=7)
    cases: list[tuple[str, Callable[[], object]]] = [
        ("sorteren op organisatie", lambda: query_contacts(
            ws, ContactQuery(sort=ContactSort.ORGANISATION), 0, page)),
        ("sorteren op laatste contact", lambda: query_contacts(
            ws, ContactQuery(sort=ContactSort.LAST_CONTACT, descending=True), 0, page)),
        ("alleen koud (pagina)", lambda: query_contacts(
            ws, ContactQuery(cold_only=True), 0, page)),
        ("alleen koud (count)", lambda: count_contacts(ws, ContactQuery(cold_only=True))),
        (f"opvolgen t/m {week:%d-%m}, eerste {page}",
         lambda: follow_ups(ws, week, limit=page)),
        ("organisatieboom", lambda: organisation_tree(ws)),
        ("Ctrl+K 'fryslan'", lambda: quick_find(ws, "fryslan")),
    ]
    for label, fn in cases:
        runs = [rec.run(fn) for _ in range(3)]
        best = min(runs, key=lambda r: r[0])
        row(label, best[0], min(bare(con, best[1]) for _ in range(3)))


def sorts(ws: Workspace, con: sqlite3.Connection, rec: Recorder, page: int) -> None:
    """(4) Sorting the whole list: name, organisation, function; best of 5 each."""
    from dealmaker.services.directory import ContactSort

    print("(4) sorteren (beste van 5; /naam = tijd gedeeld door die van naam)")
    for offset in (0, 25_000):
        base = 0.0
        for sort in (ContactSort.NAME, ContactSort.ORGANISATION, ContactSort.FUNCTION):
            for descending in (False, True):
                q = ContactQuery(sort=sort, descending=descending)
                runs = [rec.run(lambda q=q, o=offset: query_contacts(ws, q, o, page))
                        for _ in range(5)]
                best = min(runs, key=lambda r: r[0])
                raw = min(bare(con, best[1]) for _ in range(3))
                if sort is ContactSort.NAME and not descending:
                    base = best[0]
                label = f"{sort.value}{' aflopend' if descending else ''} @{offset}"
                row(label, best[0], raw)
                print(f"  {'':<34}/naam {best[0] / base:5.2f}")


def pct(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


if __name__ == "__main__":
    sys.exit(main())
