"""Benchmark the Contacten page through the real widgets on the large demo workspace.

    .venv/bin/python bench/bench_contacts_ui.py [PATH] [--keys 100]

PATH defaults to /tmp/dealmaker-bench/large.dealmaker (50,000 persons), created with
``create_demo(path, "large")`` when missing; it is only read. The window runs offscreen
with the real background task runner (queries off the UI thread), so the times include
the thread hand-offs, the model reset and the view's layout. Each time is printed beside
the bare SQL of the statements the services sent for it (captured from the engine and
replayed with ``sqlite3`` on the same file) and the ratio:

(a) opening the Contacten page until the first rows are in the table (target < 0.5 s);
(b) search keystrokes typed into the real search field, each from the key press to the
    table model holding that text's rows: p50 and p95 (target p95 < 30 ms);
(c) for orientation: the next page when scrolling to the end (``fetchMore``);
(d) sorting by a header click on organisation, function and name, both directions.
A file of an older schema is benched as a migrated private copy (``bench_contacts``).
"""

from __future__ import annotations

import argparse
import gc
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DEALMAKER_DATA_DIR", tempfile.mkdtemp(prefix="bench-contacts-ui-"))

import PySide6
from PySide6.QtCore import QEventLoop, Qt, QTimer, qVersion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from dealmaker.storage.workspace import Workspace, open_workspace

DEFAULT = Path("/tmp/dealmaker-bench/large.dealmaker")
OPEN_TARGET_S, KEY_P95_TARGET_MS = 0.5, 30.0
PHRASES = ["janssen", "de vries", "ezk beleid", "fryslan", "gemeente eindhoven",
           "programmamanager", "wethouder", "bakker", "lnv", "innovatie", "dijkstra",
           "bzk regio", "koster", "twente"]

Statement = tuple[str, Any]

class Recorder:
    """The SQL the services send (from any thread), to replay it bare."""

    def __init__(self, ws: Workspace) -> None:
        self.statements: list[Statement] = []
        event.listen(ws.engine, "before_cursor_execute", self._on_execute)

    def _on_execute(self, _conn: Any, _cur: Any, statement: str, parameters: Any,
                    _ctx: Any, _many: bool) -> None:
        self.statements.append((statement, parameters))

    def take(self) -> list[Statement]:
        taken, self.statements = self.statements, []
        return taken


def bare(con: sqlite3.Connection, statements: list[Statement]) -> float:
    start = time.perf_counter()
    for sql, params in statements:
        con.execute(sql, params or ()).fetchall()
    return time.perf_counter() - start


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Run the event loop until ``condition()`` holds (checked every millisecond)."""
    if condition():
        return
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(1)
    poll.timeout.connect(lambda: loop.quit() if condition() else None)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    poll.start()
    loop.exec()
    poll.stop()
    if not condition():
        raise TimeoutError("de tabel werd niet bijgewerkt")


class Stamp:
    """The moment the model last showed new rows (taken in the slot, not after polling)."""

    def __init__(self) -> None:
        self.at = 0.0

    def __call__(self, *_args: object) -> None:
        self.at = time.perf_counter()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def line(label: str, ui: float, raw: float, target_ok: bool | None = None) -> None:
    verdict = "" if target_ok is None else ("  OK" if target_ok else "  TE TRAAG")
    print(f"  {label:<30}{ms(ui)}   bare SQL {ms(raw)}   x{ui / raw:6.2f}{verdict}")


def pct(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def keystrokes(n: int) -> list[tuple[str, str]]:
    """(key, text after it) for ``n`` keys, phrase after phrase (the field is cleared
    between phrases; clearing is not counted)."""
    keys: list[tuple[str, str]] = []
    while len(keys) < n:
        for phrase in PHRASES:
            keys += [(phrase[k - 1], phrase[:k]) for k in range(1, len(phrase) + 1)]
    return keys[:n]


def ensure_demo(path: Path) -> None:
    if not path.exists():
        from dealmaker.services.demo import create_demo

        print(f"Demo-werkruimte maken: {path} (large) ...", flush=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        create_demo(path, "large")


def at_head(path: Path) -> Path:
    from bench_contacts import at_head as migrated_copy  # type: ignore[import-not-found]

    result: Path = migrated_copy(path)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--keys", type=int, default=100, help="search keystrokes")
    args = parser.parse_args(argv)
    ensure_demo(args.path)
    args.path = at_head(args.path)  # an older shared demo: a migrated private copy
    if QApplication.instance() is None:
        QApplication([])

    from dealmaker.ui.compose import build_window
    from dealmaker.ui.shell.signals import AppSignals
    from dealmaker.ui.shell.tasks import TaskRunner
    from dealmaker.ui.shell.workspace_controller import WorkspaceController

    ws = open_workspace(args.path, lock=False)  # read only: the bench writes nothing
    con = sqlite3.connect(f"file:{args.path}?mode=ro", uri=True)
    rec = Recorder(ws)
    controller = WorkspaceController(ws, AppSignals(), TaskRunner())
    window = build_window(controller)
    try:
        window.resize(1280, 800)
        window.show()
        overview = window.page("overzicht")
        wait_until(lambda: overview.summary is not None, 120)  # start-up page first
        gc.freeze()  # as ui.launch does once the workspace is open: start-up objects stay
        print(f"{args.path} ({args.path.stat().st_size / 2**20:.0f} MB), SQLite "
              f"{sqlite3.sqlite_version}, Qt {qVersion()}, PySide6 {PySide6.__version__}")

        index = next(i for i, p in enumerate(window.pages) if p.key == "contacten")
        view = window.pages[index].contacts  # type: ignore[attr-defined]
        stamp = Stamp()
        view.model.rows_loaded.connect(stamp)
        view.model.rowsInserted.connect(stamp)
        rec.take()
        start = time.perf_counter()
        window.show_page(index)
        wait_until(lambda: view.model.rowCount() > 0 and not view.model.loading)
        opened = stamp.at - start
        wait_until(lambda: view.filters.deal.count() > 1)  # the filter lists, in parallel
        print(f"(a) Contacten openen tot de eerste rijen in de tabel staan "
              f"({view.model.total} contacten, {view.model.rowCount()} rijen geladen)")
        line("eerste keer", opened, bare(con, rec.take()), opened < OPEN_TARGET_S)

        view.search.setFocus()
        ui_times: list[float] = []
        raw_times: list[float] = []
        typed = keystrokes(args.keys)
        for key, text in typed:
            if len(text) == 1 and view.search.text():
                view.search.clear()
                wait_until(lambda: view.model.query.search == "" and not view.model.loading)
            rec.take()
            start = time.perf_counter()
            QTest.keyClicks(view.search, key)
            wait_until(lambda t=text: view.model.query.search == t  # type: ignore[misc]
                       and not view.model.loading)
            ui_times.append(stamp.at - start)
            raw_times.append(bare(con, rec.take()))
        print(f"(b) {len(typed)} zoek-toetsaanslagen in het zoekveld ({typed[0][1]!r}, "
              f"{typed[1][1]!r}, ... {typed[-1][1]!r}), tot het model bijgewerkt is")
        line("p50", statistics.median(ui_times), statistics.median(raw_times))
        p95 = pct(ui_times, 95)
        line("p95", p95, pct(raw_times, 95), p95 * 1000 < KEY_P95_TARGET_MS)
        worst = max(range(len(typed)), key=ui_times.__getitem__)
        line(f"traagste: {typed[worst][1]!r}", ui_times[worst], raw_times[worst])

        view.search.clear()
        wait_until(lambda: view.model.query.search == "" and not view.model.loading)
        rec.take()
        before = view.model.rowCount()
        start = time.perf_counter()
        view.view.scrollToBottom()
        wait_until(lambda: view.model.rowCount() > before)
        line("(c) volgende pagina (scrollen)", stamp.at - start, bare(con, rec.take()))
        print("(d) sorteren met een klik op de kolomkop, tot de eerste rijen er staan")
        header = view.view.horizontalHeader()
        for column, label in ((2, "organisatie"), (1, "functie"), (0, "naam")):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                rec.take()
                start = time.perf_counter()
                header.setSortIndicator(column, order)
                wait_until(lambda: not view.model.loading and view.model.rowCount() > 0)
                down = " aflopend" if order == Qt.SortOrder.DescendingOrder else ""
                line(f"{label}{down}", stamp.at - start, bare(con, rec.take()))
        view.view.setFocus(Qt.FocusReason.OtherFocusReason)
    finally:
        window.close()
        controller.tasks.shutdown()
        con.close()
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
